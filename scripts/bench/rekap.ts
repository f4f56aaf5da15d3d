// Rekap benchmark rows (issue 8 §3/§6) on the 100k data set, through the routes' own functions:
//  - the rekap Excel of 10,000 rows: rekapXlsxStream(rekapBatches(…)) — what GET /api/rekap/excel
//    streams — into a byte counter; beside it, in the same run, the register's Excel export of the
//    same rows (the reference) and the rekap rows alone (database + decoding, no workbook);
//  - the printed rekap of ≈ 500 rows: lib/rekap/pdf.ts rekapPdfBytes (rows + the PDF worker pool),
//    and how long the calling thread's event loop stalls meanwhile (perf_hooks), against the same
//    document rendered in the calling thread (what the routes did before the pool).
// Called from scripts/bench.ts; also runs alone: `tsx scripts/bench/rekap.ts [--quick]` (same
// embedded database, data set generated on first use).
import "./server-only-shim";
import os from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type pg from "pg";
import { capture, explain, labelOf, type Captured } from "./explain";
import { printTable, sequential, type Row } from "./measure";

type CurrentUser = import("@/lib/auth/session").CurrentUser;

export const REKAP_EXCEL_TARGET = 3000; // targets.md: Excel export of 10,000 rows ≤ 3 s
export const REKAP_EXCEL_ROWS = 10_000;
export const STALL_TARGET = 100; // targets.md: any page ≤ 100 ms — what a render may cost another request

/**
 * How long the calling thread's event loop is blocked: the largest gap between the ticks of a 10 ms
 * timer, minus its period (what a request waiting in this thread sees). perf_hooks'
 * monitorEventLoopDelay reported 10 ms for an 8.8 s synchronous render under tsx, so it is not used.
 */
function stallMeter(): { stop: () => Promise<{ max: number; p50: number }> } {
  const gaps: number[] = [];
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    gaps.push(Math.max(0, now - last - 10));
    last = now;
  }, 10);
  return {
    async stop() {
      await new Promise((resolve) => setTimeout(resolve, 30));
      clearInterval(timer);
      const sorted = gaps.sort((a, b) => a - b);
      return { max: sorted.at(-1) ?? 0, p50: sorted[Math.floor(sorted.length / 2)] ?? 0 };
    },
  };
}

export async function benchRekap({
  client, kabag, quick, log,
}: {
  client: pg.Client;
  kabag: CurrentUser;
  quick: boolean;
  log: (line: string) => void;
}): Promise<{ rows: Row[]; notes: string[]; plans: string[] }> {
  const { rekapBatches } = await import("@/lib/rekap/query");
  const { rekapXlsxStream } = await import("@/components/rekap/excel");
  const { rekapPdfBytes } = await import("@/lib/rekap/pdf");
  const { closePdfPool } = await import("@/lib/pdf/pool");
  const queries = await import("@/lib/register/queries");
  const { registerFilterSchema } = await import("@/lib/register/filters");
  const writers = await import("@/app/api/kerja-sama/ekspor/writers");
  const { loadSettings } = await import("@/lib/settings/load");
  const { getDb } = await import("@/lib/db");
  const f = (params: Record<string, string>) => registerFilterSchema.parse(params);
  const rows: Row[] = [];
  const notes: string[] = [];
  const plans: string[] = [];
  const now = new Date();
  const context = await queries.registerContext(now);
  const settings = await loadSettings(getDb());
  const runs = quick ? 3 : 5;

  // ── Excel, 10,000 rows (the register bench's rows: the first 10,000 of "status Aktif") ─────
  const excelFilter = f({ status: "AKTIF" });
  async function* first<T>(source: AsyncIterable<T[]>, limit: number) {
    let left = limit;
    for await (const batch of source) {
      yield batch.slice(0, left);
      left -= batch.length;
      if (left <= 0) return;
    }
  }
  let bytes = 0;
  const sink = () => new Writable({ write(chunk: Buffer, _enc, done) { bytes += chunk.length; done(); } });
  const about: [string, string][] = [["Filter", "status Aktif"]];

  log(`(g) rekap: Excel of ${REKAP_EXCEL_ROWS.toLocaleString("en-US")} rows (rekapXlsxStream ∘ rekapBatches), ${runs} runs…`);
  {
    const r = await sequential(1, runs, async () => {
      bytes = 0;
      await pipeline(rekapXlsxStream(first(rekapBatches(kabag, excelFilter, context), REKAP_EXCEL_ROWS), context, about), sink());
    });
    rows.push({
      measurement: `rekap: Excel ${REKAP_EXCEL_ROWS.toLocaleString("en-US")} rows (GET /api/rekap/excel path)`,
      times: r.times, errors: r.errors, target: REKAP_EXCEL_TARGET, targetLabel: `≤ ${REKAP_EXCEL_TARGET / 1000} s`,
    });
    notes.push(`rekap Excel: ${(bytes / 1024).toFixed(0)} KiB for ${REKAP_EXCEL_ROWS} rows${r.firstError ? `; first error: ${String(r.firstError)}` : ""}`);
  }
  {
    const r = await sequential(0, runs, async () => {
      let n = 0;
      for await (const batch of first(rekapBatches(kabag, excelFilter, context), REKAP_EXCEL_ROWS)) n += batch.length;
      if (n !== REKAP_EXCEL_ROWS) throw new Error(`${n} rows`);
    });
    rows.push({ measurement: `  diagnostic: the ${REKAP_EXCEL_ROWS.toLocaleString("en-US")} rekap rows alone (queries, no workbook)`, times: r.times, errors: r.errors, targetLabel: "(part of the above)" });
  }
  {
    const r = await sequential(0, runs, async () => {
      await pipeline(writers.xlsxStream(first(queries.registerBatches(kabag, excelFilter, context), REKAP_EXCEL_ROWS), context, { about }), sink());
    });
    rows.push({ measurement: `  reference: register Excel export of the same rows`, times: r.times, errors: r.errors, targetLabel: "(same run)" });
  }
  // The two statements of one 1,000-row batch (the register's keyset batch, the rekap's extras),
  // explained with their real parameters.
  {
    const { enrichBatch } = await import("@/lib/rekap/query");
    const source = queries.registerBatches(kabag, excelFilter, context);
    await source.next();
    const { result, statements } = await capture(async () => (await source.next()).value ?? []);
    await source.return(undefined);
    const extras = await capture(() => enrichBatch(result));
    const big = new Set(
      (await client.query<{ relname: string }>(
        `SELECT relname FROM pg_class WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace AND reltuples > 10000`,
      )).rows.map((x) => x.relname),
    );
    const labels = ["register batch", "rekap extras"];
    for (const [i, s] of ([...statements, ...extras.statements] as Captured[]).entries()) {
      plans.push((await explain(client, s, labels[i] ?? labelOf(s.text), big)).line);
    }
  }
  if (process.argv.includes("--excel-only")) return { rows, notes, plans };
  // ── PDF, ≈ 500 rows: the largest OPD × year selection the route allows ─────────────────────
  const { REKAP_PDF_MAX_ROWS } = await import("@/lib/rekap/limits");
  const year = String(now.getUTCFullYear() - 1);
  const { rows: opds } = await client.query<{ id: string }>(`SELECT id FROM "Opd" ORDER BY id`);
  let pdfFilter = f({ tahun: year });
  let pdfRows = 0;
  for (const o of opds) {
    const candidate = f({ tahun: year, opd: o.id });
    const count = await queries.countRegister(kabag, candidate, context, 1_000_000);
    if (count.value <= REKAP_PDF_MAX_ROWS && count.value > pdfRows) {
      pdfRows = count.value;
      pdfFilter = candidate;
    }
  }
  const pdfArgs = { actor: kabag, fullName: kabag.fullName, filter: pdfFilter, context, settings, now, filterText: `tahun ${year}, satu OPD` };
  log(`(g) rekap: PDF of ${pdfRows} rows (rekapPdfBytes: rows + worker pool), ${runs} runs…`);
  let pdfBytes = 0;
  {
    await rekapPdfBytes(pdfArgs); // the worker's start (react-pdf, fonts, compiling the documents)
    const meter = stallMeter();
    const r = await sequential(0, runs, async () => {
      pdfBytes = (await rekapPdfBytes(pdfArgs)).bytes.byteLength;
    });
    const stall = await meter.stop();
    rows.push({ measurement: `rekap: PDF ${pdfRows} rows, in the worker pool (GET /api/rekap/pdf path)`, times: r.times, errors: r.errors, targetLabel: "(limit 500 rows)" });
    rows.push({
      measurement: `  request thread blocked meanwhile (longest, ms)`, times: [stall.max], errors: 0, target: STALL_TARGET,
    });
    notes.push(`rekap PDF: ${(pdfBytes / 1024).toFixed(0)} KiB for ${pdfRows} rows; request thread during ${runs} pooled renders: blocked p50 ${stall.p50.toFixed(1)} ms, longest ${stall.max.toFixed(1)} ms`);
  }
  await closePdfPool();
  // The same document laid out in this thread (the routes before the pool): how long it blocks.
  try {
    const { renderPdfDocument } = await import("@/components/rekap/pdf/render");
    const list = [];
    for await (const batch of rekapBatches(kabag, pdfFilter, context)) list.push(...batch);
    const props = {
      region: settings.region, rows: list, ctx: { today: context.today, endingSoonDays: context.endingSoonDays },
      year: pdfFilter.tahun, filterText: "x", dateText: "x", printed: "x",
    };
    await renderPdfDocument({ kind: "rekap", props });
    const meter = stallMeter();
    const r = await sequential(0, Math.min(runs, 3), async () => {
      await renderPdfDocument({ kind: "rekap", props });
    });
    const inline = await meter.stop();
    rows.push({ measurement: `  diagnostic: the same PDF rendered in the calling thread`, times: r.times, errors: r.errors, targetLabel: "(before the pool)" });
    rows.push({ measurement: `  request thread blocked meanwhile (longest; renders back to back)`, times: [inline.max], errors: 0, target: STALL_TARGET });
  } catch (error) {
    notes.push(`rekap PDF in the calling thread not measured: ${String(error).split("\n")[0]}`);
  }
  return { rows, notes, plans };
}

// ── alone: tsx scripts/bench/rekap.ts [--quick] ─────────────────────────────────────────────
async function main(): Promise<void> {
  const { openBenchDatabase, connect } = await import("./database");
  const { ensureDataset } = await import("./dataset");
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const load = os.loadavg()[0];
  const db = await openBenchDatabase();
  const client = await connect(db.url);
  try {
    await client.query("SET TIME ZONE 'UTC'");
    await ensureDataset(client, { fresh: false, log });
    process.env.DATABASE_URL = db.url;
    const { rows: [kabag] } = await client.query<CurrentUser>(
      `SELECT u.id, u.username, u."fullName", u.role, u."opdId", o.name AS "opdName"
         FROM "User" u LEFT JOIN "Opd" o ON o.id = u."opdId" WHERE u.role = 'KABAG_KS' AND u.active ORDER BY u.username LIMIT 1`,
    );
    const result = await benchRekap({ client, kabag, quick: process.argv.includes("--quick"), log });
    console.log(`load average (1 min): ${load.toFixed(2)} at start, ${os.loadavg()[0].toFixed(2)} at end (${os.cpus().length} CPU)`);
    printTable(result.rows);
    for (const n of result.notes) console.log(`note: ${n}`);
    console.log("EXPLAIN (ANALYZE, BUFFERS) — one rekap batch of 1,000 rows:");
    for (const p of result.plans) console.log(`  ${p}`);
  } finally {
    await client.end();
    const { disconnectDb } = await import("@/lib/db");
    await disconnectDb();
    await db.stop();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(__filename)) {
  main().then(() => process.exit(0), (error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
