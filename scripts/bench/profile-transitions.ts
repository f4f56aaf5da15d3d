// Diagnostic (not part of npm run bench): 10-concurrent "lengkap" transitions on the bench data set
// with pg_stat_statements (track = all: statements inside triggers too) and the WAL written, to see
// where a transition's time goes.   BENCH_PROFILE_N=300 tsx scripts/bench/profile-transitions.ts
// The first run switches pg_stat_statements on in the bench cluster (ALTER SYSTEM, .data-bench only)
// and asks for a second run; `ALTER SYSTEM RESET shared_preload_libraries` switches it off again.
import "./server-only-shim";
import { connect, openBenchDatabase } from "./database";
import { ensureDataset, journal, rewind } from "./dataset";
import { concurrent } from "./measure";

const N = Number(process.env.BENCH_PROFILE_N ?? 300);
const FLOW = (process.env.BENCH_PROFILE_FLOW ?? "lengkap") as "lengkap" | "final";

async function main() {
  const db = await openBenchDatabase();
  const client = await connect(db.url);
  try {
    const state = await ensureDataset(client, { fresh: false, log: () => {} });
    await rewind(client, state.cutoff);
    const preload = (await client.query(`SHOW shared_preload_libraries`)).rows[0].shared_preload_libraries as string;
    if (!preload.includes("pg_stat_statements")) {
      await client.query(`ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'`);
      await client.query(`ALTER SYSTEM SET pg_stat_statements.track = 'all'`);
      await client.query(`ALTER SYSTEM SET track_io_timing = on`);
      console.log("pg_stat_statements configured: restart needed — run again");
      return;
    }
    await client.query(`CREATE EXTENSION IF NOT EXISTS pg_stat_statements`);
    process.env.DATABASE_URL = db.url;
    const service = await import("@/lib/cases/service");
    const from = FLOW === "lengkap" ? "VERIFIKASI" : "PENYUSUNAN_KB";
    const role = FLOW === "lengkap" ? "KABAG_KS" : "STAF_KS";
    const { rows: cases } = await client.query(
      `SELECT c.id, c.stage::text AS stage, c.version FROM "Case" c WHERE c.stage = $1::"Stage" AND c."deletedAt" IS NULL
         AND ($1 <> 'PENYUSUNAN_KB' OR (c.kind IN ('KSDD','KSDPK') AND EXISTS (SELECT 1 FROM "Document" d WHERE d."caseId" = c.id AND d.type = 'DRAF_KB' AND d."deletedAt" IS NULL)))
       ORDER BY random() LIMIT $2`, [from, N + 50]);
    await journal(client, cases);
    const { rows: actors } = await client.query(
      `SELECT u.id, u.username, u."fullName", u.role, u."opdId", NULL AS "opdName" FROM "User" u WHERE u.role = $1::"Role" AND u.active ORDER BY u.username LIMIT 10`, [role]);
    let k = 0;
    const move = async (_i: number, w: number) => {
      const c = cases[k++];
      await service.transitionCase({ actor: actors[w % actors.length], now: new Date(), caseId: c.id, event: FLOW, input: FLOW === "lengkap" ? { checklistComplete: true } : {}, expectedVersion: c.version });
    };
    await concurrent(10, 5, 0, move);
    await (await import("@/lib/notifications/handoff")).handoffsSettled();
    await client.query(`SELECT pg_stat_statements_reset()`);
    const wal0 = (await client.query(`SELECT wal_bytes::bigint AS b, wal_fpi AS f FROM pg_stat_wal`)).rows[0];
    const r = await concurrent(10, 0, N / 10, move);
    // The hand-off fan-out (kicked after each commit, in this process) is part of the cost.
    await (await import("@/lib/notifications/handoff")).handoffsSettled();
    const wal1 = (await client.query(`SELECT wal_bytes::bigint AS b, wal_fpi AS f FROM pg_stat_wal`)).rows[0];
    const t = r.times.toSorted((a, b) => a - b);
    console.log(`${FLOW}: ${t.length} transitions, 10 concurrent: p50 ${t[Math.floor(t.length / 2)].toFixed(1)} ms, p95 ${t[Math.floor(t.length * 0.95)].toFixed(1)} ms, ${r.opsPerSec.toFixed(0)}/s, errors ${r.errors} ${r.firstError ?? ""}`);
    console.log(`WAL per transition: ${((Number(wal1.b) - Number(wal0.b)) / t.length / 1024).toFixed(1)} kB, full-page images ${((Number(wal1.f) - Number(wal0.f)) / t.length).toFixed(1)}`);
    const { rows } = await client.query(
      `SELECT calls, round(total_exec_time::numeric, 1) AS total_ms, round(mean_exec_time::numeric, 3) AS mean_ms, rows,
              shared_blks_hit + shared_blks_read AS blks, wal_fpi, round((wal_bytes / greatest(calls,1))::numeric) AS wal_b_per_call,
              regexp_replace(left(query, 150), '\\s+', ' ', 'g') AS q
         FROM pg_stat_statements WHERE query NOT ILIKE '%pg_stat%' ORDER BY total_exec_time DESC LIMIT 30`);
    for (const x of rows) console.log(`${String(x.calls).padStart(6)} ${String(x.total_ms).padStart(9)} ms  mean ${String(x.mean_ms).padStart(7)}  wal/call ${String(x.wal_b_per_call).padStart(6)}  ${x.q}`);
    const locks = await client.query(`SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'`);
    console.log(`lock waiters now: ${locks.rows[0].count}`);
    const { disconnectDb } = await import("@/lib/db");
    await disconnectDb();
  } finally {
    const state = await ensureDataset(client, { fresh: false, log: () => {} });
    await rewind(client, state.cutoff);
    await client.end();
    await db.stop();
  }
}
main().then(() => process.exit(0), (e) => { console.error(e); process.exit(1); });
