// The benchmark's own database: BENCH_DATABASE_URL when set, otherwise an embedded PostgreSQL 17
// in .data-bench/pg on port 54359 (SIKERDA_BENCH_PG_PORT), database `sikerda_bench`, kept between
// runs. Durable settings (fsync on, synchronous_commit on): the numbers are what a production
// server with the same disk would see, not a throw-away test cluster.
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres } from "../embedded-pg.mjs";
import { ROOT, migrateDeploy } from "../lib/db-runtime.mjs";

export const BENCH_PORT = Number(process.env.SIKERDA_BENCH_PG_PORT || 54359);
export const BENCH_DATA_DIR = path.join(ROOT, ".data-bench", "pg");
export const BENCH_DATABASE = "sikerda_bench";

export type BenchDatabase = {
  url: string;
  embedded: boolean;
  /** Stops the embedded server if this process started it (no-op otherwise). */
  stop: () => Promise<void>;
  startMs: number;
  migrateMs: number;
};

const log = (line: string) => process.stderr.write(`${line}\n`);

export async function openBenchDatabase(): Promise<BenchDatabase> {
  const t0 = performance.now();
  let url = process.env.BENCH_DATABASE_URL;
  let embedded = false;
  let stop = async () => {};
  if (!url) {
    const server = await startEmbeddedPostgres({
      dataDir: BENCH_DATA_DIR,
      port: BENCH_PORT,
      database: BENCH_DATABASE,
      fast: false,
      log,
    });
    url = server.url;
    stop = server.stop;
    embedded = true;
  }
  const startMs = performance.now() - t0;
  const t1 = performance.now();
  await migrateDeploy(url);
  return { url, embedded, stop, startMs, migrateMs: performance.now() - t1 };
}

/** A plain pg client for generation, bookkeeping and EXPLAIN (not the app's PrismaClient). */
export async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return client;
}

/** Server facts printed with the report. */
export async function serverInfo(client: pg.Client): Promise<Record<string, string>> {
  // reset_val: what a new session (the app's pool) gets, not this session's SET values.
  const { rows } = await client.query<{ name: string; setting: string; unit: string | null }>(
    `SELECT name, reset_val AS setting, unit FROM pg_settings
      WHERE name IN ('server_version', 'shared_buffers', 'work_mem', 'fsync', 'synchronous_commit', 'max_connections')`,
  );
  const out: Record<string, string> = {};
  for (const r of rows) {
    out[r.name] = r.name === "shared_buffers" ? `${(Number(r.setting) * 8) / 1024} MB` : `${r.setting}${r.unit && r.name !== "shared_buffers" ? ` ${r.unit}` : ""}`;
  }
  return out;
}
