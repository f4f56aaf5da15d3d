// npm run bench [-- --fresh] [-- --quick]
//
// Stage-transition benchmark at the scale of targets.md, through the real service
// (lib/cases/service.ts transitionCase → decide() → one transaction) on a database of its own:
// BENCH_DATABASE_URL, else an embedded PostgreSQL in .data-bench/pg (port 54359), kept between runs.
// DATABASE_URL is deliberately ignored: the benchmark writes and must never touch app data.
//   --fresh   regenerate the data set (otherwise it is generated once and reused)
//   --quick   fewer iterations (a smoke run; percentiles less stable)
//   BENCH_ONLY=transitions,reads,register,reminders,dashboard,rekap,pages,explain   run only these sections (default: all)
// Prints ONE table (p50/p95/p99/max per measurement, target, verdict), the data set's row counts,
// the machine, and a one-line EXPLAIN (ANALYZE, BUFFERS) summary of each hot statement.
// Exit code 0 even when a target is missed (it is a report); 1 only when the benchmark itself fails.
import "./bench/server-only-shim";
import os from "node:os";
import type pg from "pg";
import { connect, openBenchDatabase, serverInfo, type BenchDatabase } from "./bench/database";
import { ensureDataset, journal, rewind, type DatasetState } from "./bench/dataset";
import { capture, explain, labelOf, suggestIndex, type Captured, type PlanSummary } from "./bench/explain";
import { concurrent, cpuMeter, cpuPerOp, printTable, sequential, verdictOf, type Row } from "./bench/measure";
import { benchDashboard } from "./bench/dashboard";
import { benchPages } from "./bench/pages-data";
import { benchRegister } from "./bench/register";
import { benchReminders } from "./bench/reminders";
import { benchRekap } from "./bench/rekap";
import { handoffDelivery, handoffStats } from "./bench/handoff";

type CurrentUser = import("@/lib/auth/session").CurrentUser;
type Service = typeof import("@/lib/cases/service");
type Queries = typeof import("@/lib/cases/queries");
type DbModule = typeof import("@/lib/db");

const args = new Set(process.argv.slice(2));
const FRESH = args.has("--fresh");
const QUICK = args.has("--quick");
const N = QUICK ? 100 : 500;
const WARMUP = QUICK ? 10 : 50;
const WORKERS = 10;
const ONLY = new Set((process.env.BENCH_ONLY ?? "").split(",").map((x) => x.trim()).filter(Boolean));
/** Whether a section runs: every one by default, only the named ones with BENCH_ONLY. */
const runs = (section: "transitions" | "reads" | "register" | "reminders" | "dashboard" | "rekap" | "pages" | "explain") => ONLY.size === 0 || ONLY.has(section);
const BATCHES = N / WORKERS;
const STALE_N = QUICK ? 50 : 200;
const SYNC_OFF_N = QUICK ? 50 : 200;
const TRANSITION_TARGET = 30; // targets.md: stage transition including history row ≤ 30 ms p95
const LIST_TARGET = 5; // targets.md: register list with filters ≤ 5 ms
const PAGE_TARGET = 100; // targets.md: any page ≤ 100 ms p95 (the data part of it here)

const log = (line: string) => process.stderr.write(`${line}\n`);

type Flow = { event: "lengkap" | "final"; from: "VERIFIKASI" | "PENYUSUNAN_KB"; to: string; actorRole: "KABAG_KS" | "STAF_KS" };
const FLOWS: Flow[] = [
  { event: "lengkap", from: "VERIFIKASI", to: "KAJIAN_TKKSD", actorRole: "KABAG_KS" },
  { event: "final", from: "PENYUSUNAN_KB", to: "PENANDATANGANAN_KB", actorRole: "STAF_KS" },
];

type Pick = { id: string; stage: string; version: number };

async function pickCases(client: pg.Client, flow: Flow, n: number): Promise<Pick[]> {
  // Random cases across the table (not neighbours on the same pages), each moved exactly once.
  const { rows } = await client.query<Pick>(
    `SELECT c.id, c.stage::text AS stage, c.version FROM "Case" c
      WHERE c.stage = $1::"Stage" AND c."deletedAt" IS NULL
        AND ($1 <> 'PENYUSUNAN_KB' OR (c.kind IN ('KSDD', 'KSDPK') AND EXISTS (
              SELECT 1 FROM "Document" d WHERE d."caseId" = c.id AND d.type = 'DRAF_KB' AND d."deletedAt" IS NULL)))
      ORDER BY random() LIMIT $2`,
    [flow.from, n],
  );
  if (rows.length < n) throw new Error(`only ${rows.length} cases in ${flow.from} (need ${n}): run with --fresh`);
  return rows;
}

async function actors(client: pg.Client, role: string, n: number): Promise<CurrentUser[]> {
  const { rows } = await client.query<CurrentUser>(
    `SELECT u.id, u.username, u."fullName", u.role, u."opdId", o.name AS "opdName"
       FROM "User" u LEFT JOIN "Opd" o ON o.id = u."opdId"
      WHERE u.role = $1::"Role" AND u.active ORDER BY u.username LIMIT $2`,
    [role, n],
  );
  if (rows.length === 0) throw new Error(`no ${role} user in the data set`);
  return rows;
}

function errorText(error: unknown): string {
  if (!error) return "";
  const e = error as { code?: string; message?: string };
  return `${e.code ? `${e.code}: ` : ""}${e.message ?? String(error)}`.split("\n")[0].slice(0, 160);
}

async function main(): Promise<number> {
  const started = performance.now();
  const loadAtStart = os.loadavg();
  let db: BenchDatabase | null = null;
  let client: pg.Client | null = null;
  let dbModule: DbModule | null = null;
  let state: DatasetState | null = null;
  try {
    db = await openBenchDatabase();
    client = await connect(db.url);
    await client.query("SET TIME ZONE 'UTC'");
    state = await ensureDataset(client, { fresh: FRESH, log });
    const leftover = await rewind(client, state.cutoff);
    if (leftover.cases) log(`Sisa run sebelumnya dikembalikan / rewound ${leftover.cases} cases left by an interrupted run`);
    const server = await serverInfo(client);

    // The app's own modules, on the benchmark database.
    process.env.DATABASE_URL = db.url;
    dbModule = (await import("@/lib/db")) as DbModule;
    let service: Service;
    try {
      service = (await import("@/lib/cases/service")) as Service;
    } catch (error) {
      throw new Error(`lib/cases/service.ts cannot be loaded (${errorText(error)})`);
    }
    const queries = (await import("@/lib/cases/queries")) as Queries;
    if (typeof service.transitionCase !== "function") throw new Error("lib/cases/service.ts exports no transitionCase");

    const kabag = await actors(client, "KABAG_KS", 2);
    const staf = await actors(client, "STAF_KS", WORKERS);
    const actorFor = (flow: Flow, worker = 0) => (flow.actorRole === "KABAG_KS" ? kabag[worker % kabag.length] : staf[worker % staf.length]);
    const inputFor = (flow: Flow) => (flow.event === "lengkap" ? { checklistComplete: true } : {});

    // Cases for every phase, picked and journalled before anything moves.
    const perFlow = WARMUP + N + (WORKERS + N) + SYNC_OFF_N + 1;
    const pool = new Map<Flow, Pick[]>();
    for (const flow of FLOWS) {
      const picked = await pickCases(client, flow, perFlow);
      await journal(client, picked);
      pool.set(flow, picked);
    }
    const take = (flow: Flow) => {
      const next = pool.get(flow)!.pop();
      if (!next) throw new Error(`case pool for ${flow.from} exhausted`);
      return next;
    };
    let moved = 0;
    // The cases a phase moved and when each transition started / the last one ended (hand-off delivery).
    let phase: { ids: string[]; starts: Map<string, number>; lastCommit: number } | null = null;
    const move = async (flow: Flow, worker = 0) => {
      const c = take(flow);
      if (phase) {
        phase.ids.push(c.id);
        phase.starts.set(c.id, performance.now());
      }
      const result = await service.transitionCase({ actor: actorFor(flow, worker), now: new Date(), caseId: c.id, event: flow.event, input: inputFor(flow), expectedVersion: c.version });
      if (result.stage !== flow.to || result.version !== c.version + 1) {
        throw new Error(`unexpected result ${JSON.stringify(result)} for ${c.id}`);
      }
      if (phase) phase.lastCommit = performance.now();
      moved++;
    };

    const rows: Row[] = [];
    const notes: string[] = [];
    const note = (row: Row, error?: unknown) => {
      if (row.errors) notes.push(`${row.measurement}: ${row.errors} failed, first: ${errorText(error)}`);
    };

    if (runs("transitions")) {
    // (a) sequential transitions through the real service
    for (const flow of FLOWS) {
      log(`(a) ${flow.event}: ${WARMUP} warm-up + ${N} sequential transitions ${flow.from}→${flow.to}…`);
      const cpu = cpuMeter();
      const r = await sequential(WARMUP, N, () => move(flow));
      const row: Row = { measurement: `transition ${flow.from}→${flow.to} "${flow.event}" (1 user)`, times: r.times, errors: r.errors, target: TRANSITION_TARGET };
      rows.push(row);
      notes.push(`${row.measurement}: ${cpu()}`);
      note(row, r.firstError);
    }
    // (b) 10 concurrent users (Promise.all batches), distinct cases
    for (const flow of FLOWS) {
      log(`(b) ${flow.event}: ${BATCHES} batches × ${WORKERS} concurrent transitions…`);
      const cpu = cpuMeter();
      const perOp = await cpuPerOp(client);
      const statsBefore = await handoffStats();
      const current = (phase = { ids: [], starts: new Map(), lastCommit: performance.now() });
      const r = await concurrent(WORKERS, 1, BATCHES, (_, w) => move(flow, w));
      const row: Row = {
        measurement: `transition ${flow.from}→${flow.to} "${flow.event}" (${WORKERS} concurrent)`,
        times: r.times, errors: r.errors, target: TRANSITION_TARGET,
      };
      rows.push(row);
      // The hand-off fan-out ran in this process during the phase (kicked after each commit): its
      // delivery, and the CPU including the drain after the last transition.
      const delivery = await handoffDelivery(client, {
        label: `"${flow.event}" ${WORKERS} concurrent`, caseIds: current.ids, starts: current.starts, lastCommit: current.lastCommit, statsBefore,
      });
      phase = null;
      rows.push(delivery.row);
      notes.push(`${row.measurement}: throughput ${r.opsPerSec.toFixed(0)} transitions/s (pool max ${process.env.DATABASE_POOL_MAX ?? 10} connections); ${cpu()}; ${perOp(WORKERS * (BATCHES + 1))} (fan-out and warm-up batch included)`);
      notes.push(delivery.note);
      note(row, r.firstError);
    }
    // (c) stale conflict: expectedVersion wrong → STALE, nothing written
    {
      const stalePool = await pickCases(client, FLOWS[0], STALE_N + 20);
      await journal(client, stalePool);
      log(`(c) stale conflict: ${STALE_N} transitions with a wrong expectedVersion…`);
      let wrong = 0;
      const r = await sequential(20, STALE_N, async (i) => {
        const c = stalePool[i];
        try {
          await service.transitionCase({ actor: kabag[0], now: new Date(), caseId: c.id, event: "lengkap", input: { checklistComplete: true }, expectedVersion: c.version + 1000 });
        } catch (error) {
          if ((error as { code?: string }).code === "STALE") return;
          throw error;
        }
        wrong++;
        throw new Error("stale transition was accepted");
      });
      const row: Row = { measurement: `stale conflict (wrong expectedVersion → STALE)`, times: r.times, errors: r.errors + wrong, target: TRANSITION_TARGET };
      rows.push(row);
      note(row, r.firstError);
    }
    // Diagnostic: same transition with synchronous_commit=off (how much of it is the WAL flush).
    {
      const flow = FLOWS[0];
      const base = db.url;
      process.env.DATABASE_URL = `${base}${base.includes("?") ? "&" : "?"}options=${encodeURIComponent("-c synchronous_commit=off")}`;
      await dbModule.disconnectDb();
      log(`    diagnostic: ${SYNC_OFF_N} transitions with synchronous_commit=off…`);
      const r = await sequential(0, SYNC_OFF_N, () => move(flow));
      const row: Row = {
        measurement: `  diagnostic: "${flow.event}" with synchronous_commit=off`, times: r.times, errors: r.errors,
        targetLabel: "(no WAL flush wait)",
      };
      rows.push(row);
      note(row, r.firstError);
      process.env.DATABASE_URL = base;
      await dbModule.disconnectDb();
    }

    // Diagnostic: the floor every committed write pays on this disk (one-row INSERT + COMMIT, plain pg).
    {
      await client.query(`CREATE TABLE IF NOT EXISTS bench_commit (id bigserial PRIMARY KEY, at timestamptz NOT NULL DEFAULT now())`);
      const r = await sequential(10, SYNC_OFF_N, async () => {
        await client!.query(`INSERT INTO bench_commit DEFAULT VALUES`);
      });
      await client.query(`TRUNCATE bench_commit`);
      rows.push({
        measurement: `  diagnostic: bare 1-row INSERT + COMMIT (pg, no Prisma)`, times: r.times, errors: r.errors,
        targetLabel: "(WAL flush floor)",
      });
    }

    }
    // (d) reads a page needs
    const detailCases = (
      await client.query<{ id: string; opdId: string }>(
        `SELECT id, "opdId" FROM "Case" WHERE stage IN ('PELAKSANAAN','SELESAI') AND "deletedAt" IS NULL ORDER BY random() LIMIT $1`,
        [WARMUP + N],
      )
    ).rows;
    const prisma = dbModule.getDb();
    const historyRead = (caseId: string) =>
      prisma.stageHistory.findMany({
        where: { caseId },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        include: { actor: { select: { fullName: true, role: true } } },
      });
    if (runs("reads")) {
      log(`(d) history read: ${N} cases…`);
      let total = 0;
      const r = await sequential(WARMUP, N, async (i) => {
        total += (await historyRead(detailCases[i].id)).length;
      });
      const row: Row = {
        measurement: `read: case history (StageHistory by caseId, createdAt)`, times: r.times, errors: r.errors,
        target: LIST_TARGET, targetLabel: `≤ ${LIST_TARGET} ms (list budget)`,
      };
      rows.push(row);
      notes.push(`${row.measurement}: ${(total / (WARMUP + N)).toFixed(1)} rows per case on average`);
      note(row, r.firstError);
    }
    // OPD-scoped register: listCases() as an OPERATOR_OPD of that OPD (items + count, 25 per page).
    const opds = (
      await client.query<{ opdId: string; n: number }>(
        `SELECT "opdId", count(*)::int AS n FROM "Case" GROUP BY "opdId" ORDER BY n DESC`,
      )
    ).rows;
    const operators = new Map(
      (await actors(client, "OPERATOR_OPD", 10_000)).map((u) => [u.opdId as string, u] as const),
    );
    const LIST_STAGES = ["PELAKSANAAN", "SELESAI", "VERIFIKASI", "DRAF"] as const;
    if (runs("reads")) {
      log(`(d) OPD-scoped case list: ${N} pages…`);
      const r = await sequential(WARMUP, N, async (i) => {
        const opd = opds[(i * 7) % opds.length];
        await queries.listCases(operators.get(opd.opdId)!, { stage: LIST_STAGES[i % LIST_STAGES.length] });
      });
      const row: Row = {
        measurement: `read: OPD case list (opdId+stage, 25 rows + count)`, times: r.times, errors: r.errors, target: LIST_TARGET,
      };
      rows.push(row);
      note(row, r.firstError);
    }
    if (runs("reads")) {
      const busiest = opds[0];
      const r = await sequential(WARMUP, N, async () => {
        await queries.listCases(operators.get(busiest.opdId)!, { stage: "PELAKSANAAN" });
      });
      const row: Row = {
        measurement: `read: same, busiest OPD (${busiest.n} cases) × PELAKSANAAN`, times: r.times, errors: r.errors, target: LIST_TARGET,
      };
      rows.push(row);
      note(row, r.firstError);
    }
    if (runs("reads")) {
      const r = await sequential(WARMUP, N, async (i) => {
        const opd = opds[(i * 7) % opds.length];
        await queries.listCases(operators.get(opd.opdId)!, {});
      });
      const row: Row = { measurement: `read: OPD case list, no stage filter (25 rows + count)`, times: r.times, errors: r.errors, target: LIST_TARGET };
      rows.push(row);
      note(row, r.firstError);
    }
    if (runs("reads")) {
      log(`(d) Bagian KS register (all cases, no filter)…`);
      const r = await sequential(QUICK ? 10 : 20, QUICK ? 50 : 200, async () => {
        await queries.listCases(kabag[0], {});
      });
      const row: Row = { measurement: `read: KS register, all 100k cases, no filter (25 + count)`, times: r.times, errors: r.errors, target: LIST_TARGET };
      rows.push(row);
      note(row, r.firstError);
    }
    if (runs("reads")) {
      log(`(d) case page data (getCaseDetail): ${N} cases…`);
      const r = await sequential(WARMUP, N, async (i) => {
        const c = detailCases[i];
        if (!(await queries.getCaseDetail(operators.get(c.opdId)!, c.id, new Date()))) throw new Error(`case ${c.id} not visible`);
      });
      const row: Row = {
        measurement: `read: whole case page data (getCaseDetail, OPD user)`, times: r.times, errors: r.errors,
        target: PAGE_TARGET, targetLabel: `≤ ${PAGE_TARGET} ms (page)`,
      };
      rows.push(row);
      note(row, r.firstError);
    }

    let registerPlans: { title: string; run: () => Promise<unknown> }[] = [];
    if (runs("register")) {
    // (e) the register (Daftar Kerja Sama): filters, search, capped count, 10,000-row export.
    const register = await benchRegister({
      client, kabag: kabag[0], operators: opds.map((o) => operators.get(o.opdId)!).filter(Boolean), warmup: WARMUP, n: N, log,
    });
    rows.push(...register.rows);
    notes.push(...register.notes);
    registerPlans = register.readPlans;
    }

    if (runs("reminders")) {
    // (f) the daily reminder sweep over every agreement (idempotent; two instances at once).
    const reminders = await benchReminders({ client, repeats: QUICK ? 2 : 5, log });
    rows.push(...reminders.rows);
    notes.push(...reminders.notes);
    }
    if (runs("dashboard")) {
    // (f) the dashboard: every number of /dasbor, and the monev flags' daily refresh.
    const dashboard = await benchDashboard({
      client, ownerUrl: db.url, kabag: kabag[0], operators: opds.map((o) => operators.get(o.opdId)!).filter(Boolean), warmup: WARMUP, n: N, log,
    });
    rows.push(...dashboard.rows);
    notes.push(...dashboard.notes);
    }
    if (runs("rekap")) {
      await benchRekap({ client, kabag: kabag[0], quick: QUICK, log }).then((r) => (rows.push(...r.rows), notes.push(...r.notes, ...r.plans.map((p) => `rekap batch plan: ${p}`))));
    }
    // (g) the main pages' data (issue 9): usulan list and search, Perlu Tindakan, home tiles, laporan.
    let pagesPlans: { title: string; run: () => Promise<unknown> }[] = [];
    if (runs("pages")) {
      const pagesData = await benchPages({ client, kabag: kabag[0], operator: operators.get(opds[0].opdId)!, warmup: WARMUP, n: N, log });
      rows.push(...pagesData.rows);
      pagesPlans = pagesData.readPlans;
    }

    const plans: { title: string; summaries: PlanSummary[] }[] = [];
    if (runs("explain")) {
    // EXPLAIN the hot statements of one real transition per flow, and of the reads.
    log("EXPLAIN (ANALYZE, BUFFERS) of the hot statements…");
    const big = new Set(
      (
        await client.query<{ relname: string }>(
          `SELECT relname FROM pg_class WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace AND reltuples > 10000`,
        )
      ).rows.map((r) => r.relname),
    );
    for (const flow of FLOWS) {
      const c = take(flow);
      const { statements } = await capture(() =>
        service.transitionCase({ actor: actorFor(flow), now: new Date(), caseId: c.id, event: flow.event, input: inputFor(flow), expectedVersion: c.version }),
      );
      moved++;
      // Put the case back as it was, inside a transaction that is rolled back after the EXPLAINs.
      await client.query("BEGIN");
      try {
        await client.query(`UPDATE "Case" SET stage = $2::"Stage", version = $3 WHERE id = $1`, [c.id, c.stage, c.version]);
        await client.query(`UPDATE "Document" SET locked = false WHERE "caseId" = $1 AND stage = $2::"Stage"`, [c.id, c.stage]);
        const summaries: PlanSummary[] = [];
        for (const s of statements) summaries.push(await explain(client, s, labelOf(s.text), big));
        plans.push({ title: `transition "${flow.event}" ${flow.from}→${flow.to} (${statements.length} statements)`, summaries });
      } finally {
        await client.query("ROLLBACK");
      }
    }
    const readPlans = async (title: string, fn: () => Promise<unknown>) => {
      const { statements } = await capture(fn);
      const summaries: PlanSummary[] = [];
      for (const s of statements as Captured[]) summaries.push(await explain(client!, s, labelOf(s.text), big));
      plans.push({ title, summaries });
    };
    await readPlans("read: case history", () => historyRead(detailCases[0].id));
    await readPlans("read: OPD case list, busiest OPD × PELAKSANAAN", () =>
      queries.listCases(operators.get(opds[0].opdId)!, { stage: "PELAKSANAAN" }),
    );
    await readPlans("read: OPD case list, busiest OPD, no stage filter", () => queries.listCases(operators.get(opds[0].opdId)!, {}));
    await readPlans("read: KS register, no filter", () => queries.listCases(kabag[0], {}));
    for (const plan of registerPlans) await readPlans(plan.title, plan.run);
    for (const plan of pagesPlans) await readPlans(plan.title, plan.run);

    }
    // Consistency: one history row per successful transition, stages as expected.
    const check = await client.query<{ history: number; cases: number }>(
      `SELECT (SELECT count(*)::int FROM "StageHistory" h JOIN bench_moves m ON m.case_id = h."caseId"
                WHERE h."createdAt" > $1::timestamp) AS history,
              (SELECT count(*)::int FROM "Case" c JOIN bench_moves m ON m.case_id = c.id WHERE c.stage <> m.from_stage) AS cases`,
      [state.cutoff],
    );

    // ── report ──────────────────────────────────────────────────────────────────────────────
    const counts = state.counts;
    const out = console.log;
    out("");
    out("SIKERDA bench — stage transition through lib/cases/service.ts transitionCase (real service, real PostgreSQL)");
    out(
      `machine: ${os.cpus().length} CPU (${os.cpus()[0]?.model?.trim() ?? "?"}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GB RAM, ` +
        `Node ${process.version}, ${os.platform()} ${os.release()}`,
    );
    const loadAtEnd = os.loadavg();
    const busy = Math.max(loadAtStart[0], loadAtEnd[0]) > os.cpus().length * 0.5;
    out(
      `load average (1 min): ${loadAtStart[0].toFixed(2)} at start, ${loadAtEnd[0].toFixed(2)} at end` +
        (busy ? " — ⚠ other work shares this machine: latencies are pessimistic, compare ratios within this run" : ""),
    );
    out(
      `database: ${db.embedded ? "embedded " : ""}PostgreSQL ${server.server_version} · shared_buffers ${server.shared_buffers} · ` +
        `fsync ${server.fsync} · synchronous_commit ${server.synchronous_commit} · app pool ${process.env.DATABASE_POOL_MAX ?? 10}` +
        ` · prepared statements ${process.env.DATABASE_PREPARED_STATEMENTS === "true" ? "on" : "off"}`,
    );
    out(
      `data set: ${Object.entries(counts).map(([t, n]) => `${t} ${n.toLocaleString("en-US")}`).join(" · ")}`,
    );
    out(
      `generation: ${state.generated ? `this run, ${state.generated.seconds.toFixed(1)} s` : `reused (generated ${state.generatedAt?.slice(0, 19)} in ${state.generationSeconds} s)`}` +
        ` · warm-up ${WARMUP} per measurement${QUICK ? " · --quick" : ""}`,
    );
    out("");
    printTable(rows, out);
    out("");
    for (const n of notes) out(`note: ${n}`);
    out(
      `consistency: ${moved} successful transitions, ${check.rows[0].history} history rows added, ${check.rows[0].cases} cases moved ` +
        `${check.rows[0].history === moved && check.rows[0].cases === moved ? "✓" : "✗ MISMATCH"}`,
    );
    out("");
    out("EXPLAIN (ANALYZE, BUFFERS) — one line per statement Prisma sent (⚠ = sequential scan of a table > 10k rows):");
    const recommendations = new Map<string, string[]>();
    const recommend = (index: string, why: string) => recommendations.set(index, [...(recommendations.get(index) ?? []), why]);
    for (const p of plans) {
      out(`  ${p.title}`);
      for (const s of p.summaries) {
        out(`    ${s.line}`);
        for (const sort of s.bigSorts) {
          recommend(
            suggestIndex(sort.table, sort.cond, sort.sortKey),
            `${p.title}: sorts ${sort.rows} rows to return one page (${sort.cond || "no condition"} ORDER BY ${sort.sortKey.join(", ")})`,
          );
        }
        for (const scan of s.seqScans) {
          recommend(suggestIndex(scan.table, scan.filter, scan.sortKey), `${p.title}: ${s.label} seq scan of ${scan.rows} rows, filter ${scan.filter ?? "none"}`);
        }
      }
    }
    out("");
    if (recommendations.size === 0) out("index recommendations: none — no seq scan or large top-N sort at this scale");
    else {
      for (const [index, why] of recommendations) {
        out(`index recommendation: ${index}`);
        for (const w of why) out(`    because ${w}`);
      }
    }
    const failed = rows.filter((r) => verdictOf(r) === "✗").map((r) => r.measurement.trim());
    out("");
    out(failed.length ? `verdict: ✗ ${failed.length} target(s) missed: ${failed.join("; ")}` : "verdict: ✓ all targets met");
    out(`(bench ran ${((performance.now() - started) / 1000).toFixed(0)} s; data set kept in ${db.embedded ? ".data-bench/pg" : "BENCH_DATABASE_URL"}; --fresh regenerates)`);
    return 0;
  } finally {
    if (dbModule) await dbModule.disconnectDb().catch(() => {});
    if (client && state) {
      const undone = await rewind(client, state.cutoff).catch((error) => {
        log(`rewind failed: ${errorText(error)}`);
        return null;
      });
      if (undone) log(`Kasus uji dikembalikan / ${undone.cases} moved cases rewound (${undone.history} history rows removed)`);
    }
    if (client) await client.end().catch(() => {});
    if (db) await db.stop().catch(() => {});
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`\nbench gagal / bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);
