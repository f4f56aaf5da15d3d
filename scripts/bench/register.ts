// Register benchmark rows (issue 7 §8): the Daftar Kerja Sama through the app's own modules
// (lib/register: one page + its capped count, the full-text search, the count alone) and the
// streamed export of 10,000 rows (the route's writers into a byte counter), on the 100k data set.
import { Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type pg from "pg";
import { sequential, type Row } from "./measure";

type CurrentUser = import("@/lib/auth/session").CurrentUser;
type Queries = typeof import("@/lib/register/queries");
type Filters = typeof import("@/lib/register/filters");
type Writers = typeof import("@/app/api/kerja-sama/ekspor/writers");

export const REGISTER_FILTER_TARGET = 5; // targets.md: register list with filters ≤ 5 ms
export const SEARCH_TARGET = 15; // targets.md: full-text search ≤ 15 ms
export const EXPORT_TARGET = 3000; // targets.md: Excel export of 10,000 rows ≤ 3 s
export const EXPORT_ROWS = 10_000;

export type RegisterBench = { rows: Row[]; notes: string[]; readPlans: { title: string; run: () => Promise<unknown> }[] };

export async function benchRegister({
  client, kabag, operators, warmup, n, log,
}: {
  client: pg.Client;
  kabag: CurrentUser;
  /** One Operator OPD per OPD, busiest OPD first. */
  operators: CurrentUser[];
  warmup: number;
  n: number;
  log: (line: string) => void;
}): Promise<RegisterBench> {
  const queries = (await import("@/lib/register/queries")) as Queries;
  const { registerFilterSchema } = (await import("@/lib/register/filters")) as Filters;
  const writers = (await import("@/app/api/kerja-sama/ekspor/writers")) as Writers;
  const f = (params: Record<string, string>) => registerFilterSchema.parse(params);
  const rows: Row[] = [];
  const notes: string[] = [];
  const now = new Date();

  // Real values of the data set for the filters.
  const { rows: [pick] } = await client.query<{ opd: string; partner: string; affair: string }>(
    `SELECT (SELECT "opdId" FROM "Case" GROUP BY 1 ORDER BY count(*) DESC LIMIT 1) AS opd,
            (SELECT "partnerId" FROM "Case" WHERE "partnerId" IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC LIMIT 1) AS partner,
            (SELECT "governmentAffair" FROM "Case" WHERE "governmentAffair" IS NOT NULL LIMIT 1) AS affair`,
  );
  const year = String(new Date().getUTCFullYear() - 1);
  const FILTERS: Record<string, string>[] = [
    { status: "AKTIF" },
    { status: "AKAN_BERAKHIR" },
    { status: "BELUM_BERLAKU" },
    { status: "BERAKHIR" },
    { status: "SELESAI" },
    { status: "VERIFIKASI" },
    { status: "DALAM_PROSES" },
    { jenis: "KSDPK", status: "AKTIF" },
    { kelas: "PERGURUAN_TINGGI" },
    { opd: pick.opd },
    { mitra: pick.partner },
    { urusan: pick.affair },
    { tahun: year },
    { jenis: "KSDD", kelas: "PEMDA", status: "AKAN_BERAKHIR" },
    { status: "AKTIF", urut: "berakhir" },
    { tahun: year, urut: "ditandatangani" },
    { urut: "judul" },
    {},
  ];
  const list = (actor: CurrentUser, params: Record<string, string>) => queries.listRegister(actor, f(params), now);

  log(`(e) register: ${FILTERS.length} filters × ${n} pages (25 rows + capped count), Bagian KS…`);
  {
    const r = await sequential(warmup, n, async (i) => {
      await list(kabag, FILTERS[i % FILTERS.length]);
    });
    rows.push({ measurement: `register: filtered page + capped count, Bagian KS (${FILTERS.length} filters)`, times: r.times, errors: r.errors, target: REGISTER_FILTER_TARGET });
  }
  log(`(e) register: the same as Operator OPD (own OPD only)…`);
  {
    const r = await sequential(warmup, n, async (i) => {
      await list(operators[i % operators.length], { ...FILTERS[i % FILTERS.length], opd: "" });
    });
    rows.push({ measurement: `register: filtered page + capped count, Operator OPD`, times: r.times, errors: r.errors, target: REGISTER_FILTER_TARGET });
  }

  const SEARCHES = ["kesehatan", "pendidikan", "pariwisata pelayanan", "perhubungan", "Mitra Uji 4217", "180/31415", "MTR/2718", "lingkungan hidup", "koperasi", "Universitas"];
  log(`(e) register: full-text + trigram search, ${SEARCHES.length} queries × ${n}…`);
  {
    const r = await sequential(warmup, n, async (i) => {
      await list(kabag, { q: SEARCHES[i % SEARCHES.length] });
    });
    rows.push({ measurement: `register: search (FTS indonesian + trigram), page + count`, times: r.times, errors: r.errors, target: SEARCH_TARGET });
  }
  {
    const r = await sequential(warmup, n, async (i) => {
      await list(kabag, { q: SEARCHES[i % SEARCHES.length], status: "AKTIF", jenis: i % 2 ? "KSDPK" : "KSDD" });
    });
    rows.push({ measurement: `register: search + status + jenis, page + count`, times: r.times, errors: r.errors, target: SEARCH_TARGET });
  }

  log(`(e) register: page count alone (capped at ${queries.COUNT_CAP}) vs an exact count(*)…`);
  const context = await queries.registerContext(now);
  {
    const r = await sequential(warmup, n, async (i) => {
      await queries.countRegister(kabag, f(FILTERS[i % FILTERS.length]), context);
    });
    rows.push({ measurement: `register: page count, capped at ${queries.COUNT_CAP.toLocaleString("en-US")} ("1.000+")`, times: r.times, errors: r.errors, target: REGISTER_FILTER_TARGET });
  }
  {
    const r = await sequential(5, Math.max(20, Math.floor(n / 10)), async () => {
      await queries.countRegister(kabag, f({}), context, 1_000_000);
    });
    rows.push({ measurement: `  diagnostic: exact count(*) of all 100k (what the cap avoids)`, times: r.times, errors: r.errors, targetLabel: "(not used)" });
  }

  log(`(e) export: ${EXPORT_ROWS.toLocaleString("en-US")} rows, streamed Excel and CSV…`);
  const exportFilter = f({ status: "AKTIF" });
  const total = await queries.countRegister(kabag, exportFilter, context, 1_000_000);
  async function* first(limit: number) {
    let left = limit;
    for await (const batch of queries.registerBatches(kabag, exportFilter, context)) {
      yield batch.slice(0, left);
      left -= batch.length;
      if (left <= 0) return;
    }
  }
  for (const format of ["xlsx", "csv"] as const) {
    let bytes = 0;
    const sink = () => new Writable({ write(chunk: Buffer, _enc, done) { bytes += chunk.length; done(); } });
    const r = await sequential(1, 5, async () => {
      bytes = 0;
      const stream = format === "xlsx"
        ? writers.xlsxStream(first(EXPORT_ROWS), context, { about: [["Filter", "status Aktif"]] })
        : writers.csvStream(first(EXPORT_ROWS), context);
      await pipeline(stream, sink());
    });
    rows.push({
      measurement: `export: ${EXPORT_ROWS.toLocaleString("en-US")} rows to ${format === "xlsx" ? "Excel (exceljs streaming)" : "CSV"}`,
      times: r.times, errors: r.errors, target: EXPORT_TARGET, targetLabel: `≤ ${EXPORT_TARGET / 1000} s`,
    });
    notes.push(`export ${format}: ${(bytes / 1024).toFixed(0)} KiB for ${EXPORT_ROWS} of the ${total.value.toLocaleString("en-US")} rows of "status Aktif"`);
  }

  return {
    rows,
    notes,
    readPlans: [
      { title: "register: status AKAN_BERAKHIR, page", run: () => list(kabag, { status: "AKAN_BERAKHIR" }) },
      { title: "register: jenis KSDPK + status AKTIF, page", run: () => list(kabag, { jenis: "KSDPK", status: "AKTIF" }) },
      { title: "register: search 'kesehatan'", run: () => list(kabag, { q: "kesehatan" }) },
      { title: "register: search '180/31415' (number)", run: () => list(kabag, { q: "180/31415" }) },
      { title: "register: Operator OPD, status AKTIF sorted by end date", run: () => list(operators[0], { status: "AKTIF", urut: "berakhir" }) },
    ],
  };
}
