import ExcelJS from "exceljs";
import { NextRequest } from "next/server";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/lib/db";
import type { CurrentUser } from "@/lib/auth/session";
import { registerFilterSchema } from "@/lib/register/filters";
import { registerBatches, registerContext } from "@/lib/register/queries";
import { csvField, EXPORT_COLUMNS } from "@/app/api/kerja-sama/ekspor/columns";
import { actor, OPD_A, seedBase, type UserKey } from "./helpers/cases";
import { resetDatabase } from "./helpers/db";
import { seedRegisterWorld } from "./helpers/register";

// The export route handler (GET /api/kerja-sama/ekspor) on real PostgreSQL: only the session is
// replaced. The file holds exactly the rows of the list for the same user and filter, in its order.
const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => session.user }));
const { GET } = await import("@/app/api/kerja-sama/ekspor/route");

const get = (query: string) => GET(new NextRequest(`http://sikerda.test/api/kerja-sama/ekspor?${query}`));

/** The codes the register itself returns for this user and filter (its own order). */
async function expectedCodes(who: UserKey, query: string): Promise<string[]> {
  const f = registerFilterSchema.parse(Object.fromEntries(new URLSearchParams(query)));
  const ctx = await registerContext(new Date());
  const out: string[] = [];
  for await (const batch of registerBatches(actor(who), f, ctx)) out.push(...batch.map((r) => r.code));
  return out;
}

async function xlsxRows(res: Response) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await res.arrayBuffer());
  const sheet = wb.worksheets[0];
  const rows: ExcelJS.CellValue[][] = [];
  sheet.eachRow((row) => rows.push((row.values as ExcelJS.CellValue[]).slice(1)));
  return { rows, about: wb.worksheets[1] };
}

/** A tiny RFC 4180 reader (quotes, doubled quotes, CRLF). */
function parseCsv(text: string): string[][] {
  const out: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (ch === '"') quoted = false; else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") { row.push(cell); cell = ""; }
    else if (ch === "\r") continue;
    else if (ch === "\n") { row.push(cell); out.push(row); row = []; cell = ""; }
    else cell += ch;
  }
  return out;
}

beforeEach(async () => {
  await resetDatabase();
  await seedBase();
  await seedRegisterWorld();
  session.user = actor("kabag");
});

describe("GET /api/kerja-sama/ekspor", () => {
  it("refuses without a session (401) and without the export grant (403), writing nothing", async () => {
    session.user = null;
    expect((await get("format=xlsx")).status).toBe(401);
    session.user = { id: "u-admin", username: "admin", fullName: "Admin", role: "ADMIN", opdId: null, opdName: null };
    expect((await get("format=csv")).status).toBe(403);
    session.user = actor("kabag");
    expect((await get("format=pdf")).status).toBe(400);
    expect(await getDb().auditEvent.count()).toBe(0);
  });

  it("Excel: the filtered rows of the list, Indonesian headers, real dates, the filter named, the export audited", async () => {
    const query = "status=AKTIF&urut=berakhir";
    const res = await get(`format=xlsx&${query}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("spreadsheetml");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="register-kerja-sama-\d{8}\.xlsx"$/);
    const { rows, about } = await xlsxRows(res);
    expect(rows[0]).toEqual(EXPORT_COLUMNS.map((c) => c.header));
    const expected = await expectedCodes("kabag", query);
    expect(expected.length).toBeGreaterThan(3);
    expect(rows.slice(1).map((r) => r[0])).toEqual(expected);
    const aktif = rows.find((r) => r[0] === "KS-2026-0001")!;
    const col = (h: string) => EXPORT_COLUMNS.findIndex((c) => c.header === h);
    expect(aktif[col("Tanggal Berakhir")]).toEqual(new Date("2027-12-31T00:00:00Z"));
    expect(aktif[col("Nomor Pihak Daerah")]).toBe("180/012/KS/2025");
    expect(aktif[col("Status")]).toBe("Aktif");
    expect(aktif[col("Kelas Mitra")]).toBe("Pemerintah daerah");
    const aboutText = JSON.stringify(about.getSheetValues());
    expect(aboutText).toContain("status Aktif");
    expect(aboutText).toContain(`"Jumlah baris","${expected.length}"`);
    const audit = await getDb().auditEvent.findFirstOrThrow({ where: { action: "register.export" } });
    expect(audit).toMatchObject({ actorId: "u-kabag", data: { format: "xlsx", rows: expected.length, filter: { status: "AKTIF", urut: "berakhir" } } });
  });

  it("CSV: the same rows; an OPD user's file holds only their OPD, whatever the URL asks", async () => {
    session.user = actor("operatorA");
    const query = "opd=opd-dishub";
    const other = await get(`format=csv&${query}`);
    expect(parseCsv((await other.text()).replace(/^\uFEFF/, "")).slice(1)).toEqual([]);
    const res = await get("format=csv&q=Sukamakmur");
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const bytes = new Uint8Array(await res.arrayBuffer());
    // A UTF-8 byte order mark first, so that Excel reads the accents right.
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...rows] = parseCsv(new TextDecoder().decode(bytes));
    expect(header).toEqual(EXPORT_COLUMNS.map((c) => c.header));
    const codes = rows.map((r) => r[0]);
    expect(codes).toEqual(await expectedCodes("operatorA", "q=Sukamakmur"));
    expect(codes.length).toBeGreaterThan(2);
    const opd = await getDb().opd.findUniqueOrThrow({ where: { id: OPD_A } });
    for (const r of rows) expect(r[EXPORT_COLUMNS.findIndex((c) => c.header === "OPD Pelaksana")]).toBe(opd.name);
    expect(rows.find((r) => r[0] === "KS-2026-0001")![EXPORT_COLUMNS.findIndex((c) => c.header === "Tanggal Berakhir")]).toBe("2027-12-31");
  });

  it("a cell a spreadsheet would run as a formula is neutralised in the CSV", () => {
    expect(csvField("=HYPERLINK(\"http://x\")")).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvField("+62 812")).toBe("'+62 812");
    expect(csvField("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvField("Rujukan, data")).toBe('"Rujukan, data"');
    expect(csvField(new Date("2026-01-02T00:00:00Z"))).toBe("2026-01-02");
    expect(csvField(null)).toBe("");
  });
});
