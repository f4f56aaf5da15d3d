// The data of the main pages at 100k (issue 9): the usulan list (plain, filtered, searched), the
// grouped Perlu Tindakan (summary and one stage's page), the home page's tiles and the case page,
// for Bagian KS and an Operator OPD of the busiest OPD, through the app's own modules.
// Part of `npm run bench`; alone: `npx tsx scripts/bench/pages-data.ts [--quick]` (same data set).
import type pg from "pg";
import { sequential, type Row } from "./measure";

type CurrentUser = import("@/lib/auth/session").CurrentUser;

export const LIST_TARGET = 5; // targets.md: list with filters ≤ 5 ms
export const SEARCH_TARGET = 15; // targets.md: full-text search ≤ 15 ms
export const PAGE_DATA_TARGET = 10; // a page's data, well inside the 100 ms page budget

export type PagesBench = { rows: Row[]; readPlans: { title: string; run: () => Promise<unknown> }[] };

export async function benchPages({
  client, kabag, operator, warmup, n, log,
}: {
  client: pg.Client;
  kabag: CurrentUser;
  /** An Operator OPD of the busiest OPD. */
  operator: CurrentUser;
  warmup: number;
  n: number;
  log: (line: string) => void;
}): Promise<PagesBench> {
  const cases = await import("@/lib/cases/queries");
  const inbox = await import("@/lib/cases/inbox");
  const home = await import("@/lib/home/queries");
  const reports = await import("@/lib/reports/queries");
  const rows: Row[] = [];
  const now = new Date();
  // An OPD's /beranda and /laporan read today's monev flags, which production keeps by the daily job
  // (and dasbor-monev at start-up): without them every reporting case of the OPD is computed.
  {
    const flags = await import("@/lib/dashboard/monev-flags");
    const { todayInZone } = await import("@/lib/dates");
    const { loadSettings } = await import("@/lib/settings/load");
    const { getDb } = await import("@/lib/db");
    const today = todayInZone(now, (await loadSettings(getDb())).region.timeZone);
    const on = await flags.monevFlagsComputedOn();
    if (!on || on.getTime() !== today.getTime()) {
      log("Memperbarui tanda monev hari ini / refreshing today's monev flags (the daily job's work)…");
      const r = await flags.refreshMonevFlags({ now });
      log(`    ${r.cases} reporting cases in ${(r.ms / 1000).toFixed(1)} s`);
    }
  }
  const { rows: [pick] } = await client.query<{ code: string; partner: string; number: string }>(
    `SELECT (SELECT code FROM "Case" ORDER BY id LIMIT 1 OFFSET 5000) AS code,
            (SELECT split_part(name, ' ', 2) FROM "Partner" ORDER BY id LIMIT 1 OFFSET 100) AS partner,
            (SELECT substr("ourNumber", 1, 9) FROM "Agreement" WHERE "ourNumber" IS NOT NULL ORDER BY id LIMIT 1 OFFSET 700) AS number`,
  );
  const searches = ["kesehatan", pick.code, pick.partner, pick.number, "air bersih", "jalan"];
  const who = { "Bagian KS": kabag, "Operator OPD": operator } as const;
  const measure = async (label: string, target: number, fn: (i: number) => Promise<unknown>) => {
    log(`Mengukur / measuring ${label}`);
    const r = await sequential(warmup, n, async (i) => {
      await fn(i);
    });
    rows.push({ measurement: label, times: r.times, errors: r.errors, target, note: r.firstError ? String(r.firstError) : undefined });
  };
  for (const [name, actor] of Object.entries(who)) {
    await measure(`/usulan list, ${name}: page + capped count`, LIST_TARGET, () => cases.listCases(actor, {}));
    await measure(`/usulan list, ${name}: stage/kind filter`, LIST_TARGET, (i) =>
      cases.listCases(actor, i % 2 ? { stage: "PELAKSANAAN" } : { kind: "KSDPK" }));
    await measure(`/usulan search, ${name} (${searches.length} queries)`, SEARCH_TARGET, (i) =>
      cases.listCases(actor, { q: searches[i % searches.length] }));
    await measure(`/tindakan summary, ${name}`, PAGE_DATA_TARGET, () => inbox.inboxSummary(actor, now));
    await measure(`/beranda tiles, ${name}`, PAGE_DATA_TARGET, () => home.homeTiles(actor, now));
  }
  const first = (await inbox.inboxSummary(kabag, now)).flatMap((g) => g.counts.map((c) => ({ group: g.key, stage: c.stage }))).slice(0, 8);
  await measure("/tindakan one stage's page, Bagian KS", LIST_TARGET, (i) =>
    inbox.inboxPage(kabag, now, { ...first[i % first.length], page: 1 + (i % 3) }));
  await measure("/laporan due list (25 earliest of the OPD, as the page), Operator OPD", PAGE_DATA_TARGET, () => reports.earliestDueReports(operator, now, 25));
  await measure("/laporan reporting agreements page + capped count, Bagian KS", PAGE_DATA_TARGET, () => reports.listReportingAgreements(kabag, now));
  return {
    rows,
    readPlans: [
      { title: "read: /usulan search 'kesehatan', Bagian KS", run: () => cases.listCases(kabag, { q: "kesehatan" }) },
      { title: `read: /usulan search '${pick.number}', Bagian KS`, run: () => cases.listCases(kabag, { q: pick.number }) },
      { title: "read: /tindakan summary, Bagian KS", run: () => inbox.inboxSummary(kabag, now) },
      { title: "read: /beranda tiles, Bagian KS", run: () => home.homeTiles(kabag, now) },
      { title: "read: /beranda tiles, Operator OPD", run: () => home.homeTiles(operator, now) },
      { title: "read: /laporan due list, Operator OPD", run: () => reports.earliestDueReports(operator, now, 25) },
      { title: "read: /laporan reporting agreements, Bagian KS", run: () => reports.listReportingAgreements(kabag, now) },
    ],
  };
}

async function standalone() {
  await import("./server-only-shim");
  const { openBenchDatabase, connect } = await import("./database");
  const { ensureDataset } = await import("./dataset");
  const { printTable } = await import("./measure");
  const { explain, capture } = await import("./explain");
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const quick = process.argv.includes("--quick");
  const db = await openBenchDatabase();
  const client = await connect(db.url);
  try {
    await ensureDataset(client, { fresh: false, log });
    process.env.DATABASE_URL = db.url;
    const user = async (role: string, opd?: string) => (await client.query<CurrentUser>(
      `SELECT u.id, u.username, u."fullName", u.role, u."opdId", o.name AS "opdName" FROM "User" u LEFT JOIN "Opd" o ON o.id = u."opdId"
        WHERE u.role = $1::"Role" AND u.active AND ($2::text IS NULL OR u."opdId" = $2) ORDER BY u.username LIMIT 1`, [role, opd ?? null])).rows[0];
    const { rows: [busiest] } = await client.query<{ opdId: string }>(`SELECT "opdId" FROM "Case" GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`);
    const result = await benchPages({
      client, kabag: await user("KABAG_KS"), operator: await user("OPERATOR_OPD", busiest.opdId),
      warmup: quick ? 5 : 20, n: process.argv.includes("--plans-only") ? 1 : quick ? 30 : 120, log,
    });
    printTable(result.rows);
    if (process.argv.includes("--plans-only")) result.rows.length = 0;
    if (process.argv.includes("--plans")) {
      for (const plan of result.readPlans) {
        const { statements } = await capture(plan.run);
        process.stdout.write(`\n## ${plan.title}\n`);
        for (const s of statements) {
          const summary = await explain(client, s, plan.title, new Set(["Case", "Agreement", "StageHistory", "Document", "Partner"]));
          process.stdout.write(`${summary.line}\n`);
        }
      }
    }
  } finally {
    await client.end();
    const { getDb } = await import("@/lib/db");
    await getDb().$disconnect().catch(() => undefined);
    await db.stop();
  }
}

if (process.argv[1]?.endsWith("pages-data.ts")) {
  standalone().catch((error) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  });
}
