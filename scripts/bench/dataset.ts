// The data set's lifecycle: generate once (or with --fresh), reuse afterwards, and undo the
// benchmark's own transitions so every run starts from the same data. Cases a run is about to move
// are journalled in bench_moves first; rewind() puts them back in their stage and removes the rows
// the run added (history, notifications, audit, agreements newer than the generation cutoff). That
// needs the append-only trigger off for the session (session_replication_role = replica: superuser,
// the benchmark database only — the app itself never deletes history).
import type pg from "pg";
import { generate, GENERATOR_VERSION, TARGET, type GenerationReport } from "./generate";

export type Counts = Record<string, number>;

export type DatasetState = {
  generated: GenerationReport | null;
  /** Seconds the stored data set took to generate (this run or an earlier one). */
  generationSeconds: number | null;
  generatedAt: string | null;
  cutoff: string;
  counts: Counts;
};

const TABLES = ["Opd", "User", "Partner", "Case", "StageHistory", "Agreement", "Document"] as const;

async function meta(client: pg.Client): Promise<Record<string, string> | null> {
  const exists = await client.query(`SELECT to_regclass('public.bench_meta') IS NOT NULL AS ok`);
  if (!exists.rows[0].ok) return null;
  const { rows } = await client.query<{ key: string; value: string }>(`SELECT key, value FROM bench_meta`);
  return Object.fromEntries(rows.map((r) => [r.key, r.value]));
}

export async function countRows(client: pg.Client): Promise<Counts> {
  const sql = TABLES.map((t) => `SELECT '${t}' AS t, count(*)::int AS n FROM "${t}"`).join(" UNION ALL ");
  const { rows } = await client.query<{ t: string; n: number }>(sql);
  return Object.fromEntries(rows.map((r) => [r.t, r.n]));
}

export async function ensureDataset(
  client: pg.Client,
  { fresh, log }: { fresh: boolean; log: (line: string) => void },
): Promise<DatasetState> {
  let m = await meta(client);
  let counts = await countRows(client);
  // Marker: the generator's version row plus the row counts it is expected to have produced.
  const complete =
    m?.version === GENERATOR_VERSION && counts.Case >= TARGET.cases && counts.StageHistory >= TARGET.history * 0.99;
  let generated: GenerationReport | null = null;
  if (!m && counts.User > 0 && !fresh) {
    // Generation empties every table: never do that to a database the benchmark did not fill.
    throw new Error(
      `This database has data the benchmark did not generate (${counts.User} users, no bench_meta): refusing to empty it. ` +
        "Point BENCH_DATABASE_URL at an empty database, or pass --fresh if wiping it is really intended.",
    );
  }
  if (fresh || !complete) {
    log(
      fresh
        ? "Data uji: --fresh, dibuat ulang / regenerating the data set"
        : `Data uji belum ada / data set missing or outdated (Case ${counts.Case}, StageHistory ${counts.StageHistory}): generating…`,
    );
    generated = await generate(client, log);
    log(`Data uji selesai / data set generated in ${generated.seconds.toFixed(1)} s`);
    m = await meta(client);
    counts = await countRows(client);
  } else {
    log(`Data uji dipakai ulang / reusing data set generated ${m?.generated_at} (in ${m?.seconds} s); --fresh regenerates`);
  }
  if (!m?.cutoff) throw new Error("bench_meta has no cutoff: run with --fresh");
  return {
    generated,
    generationSeconds: m.seconds ? Number(m.seconds) : null,
    generatedAt: m.generated_at ?? null,
    cutoff: m.cutoff,
    counts,
  };
}

/** Journals cases (and the stage they are in) before the run moves them. */
export async function journal(client: pg.Client, cases: { id: string; stage: string }[]): Promise<void> {
  if (cases.length === 0) return;
  // Also the case's times: a run must not leave its cases at the top of "newest first" (updatedAt) or
  // make them look freshly arrived (stageEnteredAt) for the next run's page and register measurements.
  await journalTimes(client);
  await client.query(
    `INSERT INTO bench_moves (case_id, from_stage, from_updated_at, from_stage_entered_at)
     SELECT m.id, m.stage, c."updatedAt", c."stageEnteredAt"
       FROM unnest($1::text[], $2::"Stage"[]) AS m(id, stage) JOIN "Case" c ON c.id = m.id
     ON CONFLICT (case_id) DO NOTHING`,
    [cases.map((c) => c.id), cases.map((c) => c.stage)],
  );
}

/** The journal's time columns (added after the first data sets were generated). */
async function journalTimes(client: pg.Client): Promise<void> {
  await client.query(
    `ALTER TABLE bench_moves ADD COLUMN IF NOT EXISTS from_updated_at timestamp(3),
                             ADD COLUMN IF NOT EXISTS from_stage_entered_at timestamp(3)`,
  );
}

/** Undoes everything the benchmark's transitions changed; returns how many cases were put back. */
export async function rewind(client: pg.Client, cutoff: string): Promise<{ cases: number; history: number }> {
  const { rows } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM bench_moves`);
  if (rows[0].n === 0) return { cases: 0, history: 0 };
  await journalTimes(client);
  await client.query("BEGIN");
  try {
    await client.query("SET LOCAL session_replication_role = replica");
    const h = await client.query(
      `DELETE FROM "StageHistory" h USING bench_moves m WHERE h."caseId" = m.case_id AND h."createdAt" > $1::timestamp`,
      [cutoff],
    );
    await client.query(`DELETE FROM "HandoffEvent" e USING bench_moves m WHERE e."caseId" = m.case_id`);
    await client.query(
      `DELETE FROM "EmailOutbox" o USING "Notification" n, bench_moves m
        WHERE o."notificationId" = n.id AND n."caseId" = m.case_id AND n."createdAt" > $1::timestamp`,
      [cutoff],
    );
    await client.query(
      `DELETE FROM "Notification" n USING bench_moves m WHERE n."caseId" = m.case_id AND n."createdAt" > $1::timestamp`,
      [cutoff],
    );
    await client.query(`DELETE FROM "AuditEvent" a WHERE a."createdAt" > $1::timestamp AND a.entity IN ('Case', 'case')`, [cutoff]);
    await client.query(
      `DELETE FROM "Agreement" a USING bench_moves m WHERE a."caseId" = m.case_id AND a."createdAt" > $1::timestamp`,
      [cutoff],
    );
    await client.query(
      `UPDATE "Document" d SET locked = false FROM bench_moves m
        WHERE d."caseId" = m.case_id AND d.stage = m.from_stage AND d.locked`,
    );
    const c = await client.query(
      `UPDATE "Case" c SET stage = m.from_stage, "lastReason" = NULL FROM bench_moves m WHERE c.id = m.case_id AND c.stage <> m.from_stage`,
    );
    await client.query(
      `UPDATE "Case" c SET "updatedAt" = coalesce(m.from_updated_at, c."updatedAt"),
                           "stageEnteredAt" = coalesce(m.from_stage_entered_at, c."stageEnteredAt")
         FROM bench_moves m WHERE c.id = m.case_id`,
    );
    await client.query(`TRUNCATE bench_moves`);
    await client.query("COMMIT");
    return { cases: c.rowCount ?? 0, history: h.rowCount ?? 0 };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  }
}
