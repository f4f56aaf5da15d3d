// Dashboard benchmark rows (issue 8 §6) on the 100k data set, through the app's own modules: the
// data of /dasbor as the page gets it (lib/dashboard/snapshot.ts getDashboard: the summary table,
// recomputed only after a change) and the recomputation itself (lib/dashboard/queries.ts
// loadDashboard: every number as a register count) for Bagian KS (the whole region, with and without
// the year filter) and Operator OPD (one OPD); and the daily refresh of the monev flags.
import { sequential, type Row } from "./measure";

type CurrentUser = import("@/lib/auth/session").CurrentUser;
type Dashboard = typeof import("@/lib/dashboard/queries");
type Flags = typeof import("@/lib/dashboard/monev-flags");
type Snapshot = typeof import("@/lib/dashboard/snapshot");

export const DASHBOARD_TARGET = 10; // targets.md: dashboard queries ≤ 10 ms

export async function benchDashboard({
  kabag, operators, warmup, n, log, client, ownerUrl,
}: {
  client: import("pg").Client;
  /** The bench database as its owner: installs the job queue the stale path sends to. */
  ownerUrl: string;
  kabag: CurrentUser;
  operators: CurrentUser[];
  warmup: number;
  n: number;
  log: (line: string) => void;
}): Promise<{ rows: Row[]; notes: string[] }> {
  const { loadDashboard } = (await import("@/lib/dashboard/queries")) as Dashboard;
  const { refreshMonevFlags } = (await import("@/lib/dashboard/monev-flags")) as Flags;
  const { getDashboard } = (await import("@/lib/dashboard/snapshot")) as Snapshot;
  const { stopJobSender } = await import("@/lib/jobs/send");
  const { installJobQueue } = await import("../lib/job-queue.mjs");
  await installJobQueue(ownerUrl, null);
  const rows: Row[] = [];
  const notes: string[] = [];
  const now = new Date();
  const year = now.getUTCFullYear() - 1;

  log("(f) dashboard: monev flags refresh (every reporting case's timeline)…");
  {
    const r = await sequential(0, 3, async () => {
      const result = await refreshMonevFlags({ now });
      notes.push(`monev flags: ${result.cases} reporting cases → ${result.withoutReport} tanpa laporan, ${result.late} with late reports (${result.ms} ms)`);
    });
    rows.push({ measurement: "dashboard: monev flags refresh (daily job)", times: r.times, errors: r.errors, targetLabel: "(daily job)" });
  }
  const variants: { label: string; actor: (i: number) => CurrentUser; year: number | null }[] = [
    { label: "Bagian KS, all years", actor: () => kabag, year: null },
    { label: `Bagian KS, year ${year}`, actor: () => kabag, year },
    { label: "Operator OPD, all years", actor: (i) => operators[i % operators.length], year: null },
  ];
  for (const v of variants) {
    log(`(f) dashboard: ${n} page loads through the summary table, ${v.label}…`);
    // Each viewer's first load computes its summary (measured below as "recompute"): prime them.
    for (let i = 0; i < operators.length; i++) await getDashboard(v.actor(i), { now, year: v.year });
    const r = await sequential(warmup, n, async (i) => {
      await getDashboard(v.actor(i), { now, year: v.year });
    });
    rows.push({ measurement: `dashboard: /dasbor data from the summary table, ${v.label}`, times: r.times, errors: r.errors, target: DASHBOARD_TARGET });
  }
  for (const v of variants) {
    const m = Math.max(5, Math.floor(n / 10));
    log(`(f) dashboard: ${m} recomputations (after a change), ${v.label}…`);
    const r = await sequential(1, m, async (i) => {
      await loadDashboard(v.actor(i), { now, year: v.year });
    });
    rows.push({ measurement: `  recompute after a change (register counts), ${v.label}`, times: r.times, errors: r.errors, targetLabel: "(once per change)" });
  }
  // Office hours: a case changes between page loads. The page serves the last snapshot and queues one
  // refresh per key (stale-while-revalidate); nothing is recomputed in the request.
  {
    const v = variants[0];
    log(`(f) dashboard: ${n} page loads on a stale snapshot (a case changed), ${v.label}…`);
    await getDashboard(v.actor(0), { now, year: v.year });
    await client.query(`SELECT nextval('dashboard_change_seq')`); // what any statement writing "Case" does
    let refreshing = 0;
    const r = await sequential(warmup, n, async (i) => {
      if ((await getDashboard(v.actor(i), { now, year: v.year })).refreshing) refreshing++;
    });
    const jobs = (await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'dasbor-ringkasan'`)).rows[0].n;
    rows.push({
      measurement: `dashboard: /dasbor on a stale snapshot (last numbers served, refresh queued), ${v.label}`, times: r.times,
      errors: r.errors + (refreshing === warmup + n ? 0 : 1), target: DASHBOARD_TARGET,
    });
    notes.push(`dashboard stale path: ${warmup + n} loads served the last snapshot (${refreshing} marked refreshing), ${jobs} refresh job(s) queued in total`);
    await client.query(`DELETE FROM pgboss.job WHERE name = 'dasbor-ringkasan'`);
    await stopJobSender();
  }
  const sample = await loadDashboard(kabag, { now, year: null });
  notes.push(
    `dashboard (Bagian KS): ${sample.inForce.value} in force, ${sample.ending.map((e) => `${e.value} ≤ ${e.days} d`).join(", ")}, ` +
      `${sample.inProcess.value} in process, ${sample.kbWithoutPks.value} KB without PKS, ${sample.withoutReport.value} tanpa laporan, ` +
      `${sample.lateReports.value} late, ${sample.perOpd.length} OPD rows`,
  );
  return { rows, notes };
}
