// The register (Daftar Kerja Sama, issue 7 §1) on real PostgreSQL: who sees which row (the list,
// its count and the export share one WHERE), every filter, full-text and trigram search, the
// capped count, the sorts and the export batches, and the summary columns the triggers keep.
import { refreshMonevFlags } from "@/lib/dashboard/monev-flags";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { registerFilterSchema, type RegisterFilter } from "@/lib/register/filters";
import { COUNT_CAP, countRegister, listRegister, registerBatches, registerContext, type RegisterRow } from "@/lib/register/queries";
import { likePattern } from "@/lib/register/sql";
import {
  AGREEMENT_STATES, FILTER_STAGES, registerState, STAGE_GROUPS, statusMatches,
} from "@/lib/register/status";
import { listDueReports, reviewQueue } from "@/lib/reports/queries";
import { homeTiles } from "@/lib/home/queries";
import { actor, OPD_A, OPD_B, PARTNER_PEMDA, PARTNER_SWASTA, seedBase, type UserKey } from "./helpers/cases";
import { resetDatabase } from "./helpers/db";
import { seedRegisterWorld, WORLD } from "./helpers/register";
import { NOW } from "./helpers/services";

const filter = (f: Record<string, string> = {}): RegisterFilter => registerFilterSchema.parse(f);

/** Every row of a filter, through the export's batches (batch size 4 to cross batch borders). */
async function all(who: UserKey, f: Record<string, string> = {}): Promise<RegisterRow[]> {
  const ctx = await registerContext(NOW);
  const rows: RegisterRow[] = [];
  for await (const batch of registerBatches(actor(who), filter(f), ctx, { batchSize: 4 })) rows.push(...batch);
  return rows;
}
const ids = async (who: UserKey, f: Record<string, string> = {}) => (await all(who, f)).map((r) => r.id).sort();

/** Every page of the list, concatenated. */
async function pages(who: UserKey, f: Record<string, string> = {}): Promise<string[]> {
  const out: string[] = [];
  for (let page = 1; ; page++) {
    const p = await listRegister(actor(who), filter({ ...f, halaman: String(page) }), NOW);
    out.push(...p.items.map((r) => r.id));
    if (!p.hasNext) return out;
  }
}

const visible = WORLD.filter((c) => !c.deleted);
const idsWhere = (pred: (c: (typeof WORLD)[number]) => boolean) => visible.filter(pred).map((c) => c.id).sort();

beforeEach(async () => {
  await resetDatabase();
  await seedBase();
  await seedRegisterWorld();
});

describe("who sees which row: the list, the count and the export agree", () => {
  it("an OPD user sees exactly their OPD's cases, at every stage; never another OPD's, even when asking for it", async () => {
    for (const [who, opd] of [["operatorA", OPD_A], ["kepalaB", OPD_B]] as const) {
      const expected = idsWhere((c) => c.opd === opd);
      expect(await ids(who)).toEqual(expected);
      expect((await pages(who)).sort()).toEqual(expected);
      expect(await countRegister(actor(who), filter(), await registerContext(NOW))).toEqual({ value: expected.length, capped: false });
      // Filtering by the other OPD (a hand-made URL) yields nothing, not the other OPD's rows.
      expect(await ids(who, { opd: opd === OPD_A ? OPD_B : OPD_A })).toEqual([]);
    }
  });

  it("Bagian KS and Pimpinan see every case; soft-deleted cases never appear", async () => {
    for (const who of ["staf", "kabag", "pimpinan"] as const) expect(await ids(who)).toEqual(idsWhere(() => true));
    expect(await ids("kabag", { q: "Dihapus" })).toEqual([]);
  });

  it("a TKKSD member sees every concluded agreement and the cases under review — no unsigned proposal outside a review", async () => {
    const signed = new Set(["c-aktif", "c-segera", "c-belum", "c-lewat", "c-berakhir", "c-selesai", "c-diakhiri", "c-tolakdprd", "c-dprd", "c-pks", "c-adendum", "c-diganti", "c-diakhiri-berlaku", "c-berakhir-berlaku"]);
    const expected = idsWhere((c) => signed.has(c.id) || c.stage === "KAJIAN_TKKSD");
    expect(await ids("tkksd1")).toEqual(expected);
    expect((await pages("tkksd1")).sort()).toEqual(expected);
    expect((await countRegister(actor("tkksd1"), filter(), await registerContext(NOW))).value).toBe(expected.length);
    for (const hidden of ["c-draf", "c-verif", "c-ditolak", "c-batal", "c-mou", "c-tanpa-naskah"]) expect(expected).not.toContain(hidden);
  });

  it("an administrator sees nothing (no register grant: the query is FALSE, fail closed)", async () => {
    const admin = { id: "u-admin", username: "admin", fullName: "Admin", role: "ADMIN" as const, opdId: null, opdName: null };
    const ctx = await registerContext(NOW);
    expect(await countRegister(admin, filter(), ctx)).toEqual({ value: 0, capped: false });
    expect((await listRegister(admin, filter(), NOW)).items).toEqual([]);
  });
});

describe("the Status filter is the status the row shows", () => {
  it("for every status value, the SQL filter returns exactly the rows whose computed status matches (lib/register/status.ts)", async () => {
    const rows = await all("kabag");
    const ctx = await registerContext(NOW);
    expect(ctx.endingSoonDays).toBe(90);
    const values = [...AGREEMENT_STATES, ...Object.keys(STAGE_GROUPS), ...FILTER_STAGES];
    for (const value of values) {
      const expected = rows.filter((r) => statusMatches(value, r, ctx.today, ctx.endingSoonDays)).map((r) => r.id).sort();
      expect(await ids("kabag", { status: value }), value).toEqual(expected);
    }
    // The world covers every agreement state at least once.
    const states = new Set(rows.map((r) => registerState(r, ctx.today, ctx.endingSoonDays)));
    for (const s of AGREEMENT_STATES) expect(states.has(s), s).toBe(true);
  });

  it("states the law cares about: in force, about to end, not yet started, ended before the daily job, waiting for the DPRD", async () => {
    const ctx = await registerContext(NOW);
    const state = async (id: string) => registerState((await all("kabag")).find((r) => r.id === id)!, ctx.today, 90);
    expect(await state("c-aktif")).toBe("AKTIF");
    expect(await state("c-segera")).toBe("AKAN_BERAKHIR");
    expect(await state("c-belum")).toBe("BELUM_BERLAKU");
    expect(await state("c-lewat")).toBe("BERAKHIR");
    expect(await state("c-dprd")).toBe("PERSETUJUAN_DPRD");
    expect(await state("c-pks")).toBe("AKTIF"); // the KB is in force while its PKS is drafted
    expect(await state("c-adendum")).toBe("AKTIF");
    expect(await state("c-tanpa-naskah")).toBe("BERAKHIR");
    // "Aktif" includes the agreements about to end (they are in force).
    expect(await ids("kabag", { status: "AKTIF" })).toEqual(["c-adendum", "c-aktif", "c-berakhir-berlaku", "c-diganti", "c-pks", "c-segera"]);
    expect(await state("c-diakhiri-berlaku")).toBe("DIAKHIRI");
  });

  it("the 'akan berakhir' window is the setting endingSoonDays", async () => {
    expect(await ids("kabag", { status: "AKAN_BERAKHIR" })).toEqual(["c-segera"]);
    await getDb().setting.create({ data: { key: "endingSoonDays", value: 30 } });
    expect(await ids("kabag", { status: "AKAN_BERAKHIR" })).toEqual([]);
    await getDb().setting.update({ where: { key: "endingSoonDays" }, data: { value: 700 } });
    expect(await ids("kabag", { status: "AKAN_BERAKHIR" })).toEqual(["c-adendum", "c-aktif", "c-berakhir-berlaku", "c-diganti", "c-segera"]);
  });
});

describe("filters", () => {
  it("jenis, kelas mitra, OPD, mitra, urusan and year signed each narrow to exactly their rows", async () => {
    expect(await ids("kabag", { jenis: "SINERGI" })).toEqual(idsWhere((c) => c.kind === "SINERGI"));
    expect(await ids("kabag", { kelas: "SWASTA" })).toEqual(idsWhere((c) => c.partner === PARTNER_SWASTA));
    expect(await ids("kabag", { opd: OPD_B })).toEqual(idsWhere((c) => c.opd === OPD_B));
    expect(await ids("kabag", { mitra: PARTNER_PEMDA })).toEqual(idsWhere((c) => c.partner === PARTNER_PEMDA));
    expect(await ids("kabag", { urusan: "Kesehatan" })).toEqual(idsWhere((c) => c.affair === "Kesehatan"));
    // The year of the main naskah's signature (the PKS of c-aktif was signed in 2024, its KB too).
    expect(await ids("kabag", { tahun: "2024" })).toEqual(["c-aktif", "c-diakhiri"]);
    expect(await ids("kabag", { tahun: "2026" })).toEqual(["c-belum", "c-dprd", "c-pks", "c-tolakdprd"]);
    // Combined: AND.
    expect(await ids("kabag", { jenis: "KSDD", opd: OPD_A, status: "AKTIF" })).toEqual(["c-aktif", "c-berakhir-berlaku", "c-pks"]);
  });

  it("unknown or malformed values are ignored, never an error", async () => {
    const f = filter({ jenis: "XYZ", kelas: "'; DROP TABLE", status: "BUKAN", tahun: "abad", urut: "acak", halaman: "-3", opd: "a b" });
    expect(f).toMatchObject({ jenis: undefined, kelas: undefined, status: undefined, tahun: undefined, urut: "terbaru", halaman: 1, opd: undefined });
  });
});

describe("search: full-text (indonesian) and trigram", () => {
  it("the stemmer finds other forms of a word in the title, subject and scope", async () => {
    expect(await ids("kabag", { q: "pelayanan" })).toEqual(["c-aktif"]); // "Layanan" in the title
    expect(await ids("kabag", { q: "rujuk" })).toEqual(["c-aktif"]);
    expect(await ids("kabag", { q: "perpipaan" })).toEqual(["c-segera"]); // ruang lingkup
    expect(await ids("kabag", { q: "sambungan rumah" })).toEqual(["c-segera"]); // objek
  });

  it("finds by partner name, also a part of it", async () => {
    expect(await ids("kabag", { q: "Sukamakmur" })).toEqual(idsWhere((c) => c.partner === PARTNER_PEMDA));
    expect(await ids("kabag", { q: "Tirta Sej" })).toEqual(idsWhere((c) => c.partner === PARTNER_SWASTA));
  });

  it("finds both numbers of any naskah of the case, whole or in part", async () => {
    expect(await ids("kabag", { q: "180/012/KS/2025" })).toEqual(["c-aktif"]);
    expect(await ids("kabag", { q: "012/KS" })).toEqual(["c-aktif"]);
    expect(await ids("kabag", { q: "130/009/Pem" })).toEqual(["c-aktif"]); // the partner's number of the KB, not the main naskah
    expect(await ids("kabag", { q: "HK.03/II/0912" })).toEqual(["c-belum"]);
    expect(await ids("kabag", { q: "180/031/KS" })).toEqual(["c-belum"]); // the RK, never the main naskah
  });

  it("LIKE wildcards in the query are literal; the search respects the scope", async () => {
    expect(likePattern("50%_a\\b")).toBe("%50\\%\\_a\\\\b%");
    expect(await ids("kabag", { q: "%%%" })).toEqual([]);
    expect(await ids("kabag", { q: "___" })).toEqual([]);
    expect(await ids("operatorB", { q: "012/KS" })).toEqual([]);
  });

  it("follows every change: a renamed partner, a new number, a deleted naskah", async () => {
    const db = getDb();
    await db.partner.update({ where: { id: PARTNER_SWASTA }, data: { name: "PT Aqua Lestari Nusantara" } });
    expect(await ids("kabag", { q: "Tirta" })).toEqual([]);
    expect(await ids("kabag", { q: "Lestari Nusantara" })).toEqual(idsWhere((c) => c.partner === PARTNER_SWASTA));
    await db.agreement.update({ where: { id: "c-segera-pks-0" }, data: { partnerNumber: "TS/ADD/777/2026" } });
    expect(await ids("kabag", { q: "ADD/777" })).toEqual(["c-segera"]);
    await db.agreement.update({ where: { id: "c-aktif-kb-0" }, data: { deletedAt: new Date() } });
    expect(await ids("kabag", { q: "130/009/Pem" })).toEqual([]);
  });
});

describe("sorts, pages and the capped count", () => {
  it("every sort gives one stable order, the same in the pages and in the export's keyset batches", async () => {
    const ctx = await registerContext(NOW);
    for (const urut of ["terbaru", "judul", "berakhir", "ditandatangani"]) {
      const listed = (await listRegister(actor("kabag"), filter({ urut }), NOW)).items.map((r) => r.id);
      const exported = (await all("kabag", { urut })).map((r) => r.id);
      expect(exported.slice(0, listed.length), urut).toEqual(listed);
      expect(new Set(exported).size).toBe(visible.length);
      const rows = await all("kabag", { urut });
      if (urut === "judul") expect(rows.map((r) => r.title)).toEqual([...rows.map((r) => r.title)].sort((a, b) => (a < b ? -1 : 1)));
      if (urut === "berakhir") {
        const ends = rows.map((r) => r.mainEndDate?.toISOString() ?? "~");
        expect(ends).toEqual([...ends].sort());
      }
      if (urut === "ditandatangani") {
        const signed = rows.map((r) => r.mainSignedAt?.toISOString() ?? "");
        expect(signed.filter(Boolean)).toEqual(signed.filter(Boolean).sort().reverse());
        expect(signed.slice(signed.findIndex((s) => s === ""))).toEqual(signed.filter((s) => s === ""));
      }
      if (urut === "terbaru") expect(rows[0].id).toBe("c-draf");
      expect(ctx).toBeTruthy();
    }
  });

  it("counts exactly up to the cap, then says 'more than': 1,000 by default", async () => {
    const ctx = await registerContext(NOW);
    expect(await countRegister(actor("kabag"), filter(), ctx, 5)).toEqual({ value: 5, capped: true });
    expect(await countRegister(actor("kabag"), filter(), ctx, visible.length)).toEqual({ value: visible.length, capped: false });
    await getDb().case.createMany({
      data: Array.from({ length: COUNT_CAP + 5 }, (_, i) => ({
        id: `c-massal-${i}`, code: `KS-2025-${String(i).padStart(5, "0")}`, title: `Usulan massal ${i}`, kind: "KSDD" as const,
        opdId: OPD_B, createdById: "u-operatorB",
      })),
    });
    expect(await countRegister(actor("kabag"), filter(), ctx)).toEqual({ value: COUNT_CAP, capped: true });
    expect(await countRegister(actor("operatorA"), filter(), ctx)).toEqual({ value: idsWhere((c) => c.opd === OPD_A).length, capped: false });
    const page = await listRegister(actor("kabag"), filter({ halaman: "3" }), NOW);
    expect(page).toMatchObject({ page: 3, hasNext: true, count: { value: COUNT_CAP, capped: true } });
    expect(page.items).toHaveLength(25);
  });
});

describe("the summary columns are the database's: kept by triggers, not by the app", () => {
  it("the main naskah is the operative instrument: signed before draft, PKS before KB, never the LoI, RK or adendum", async () => {
    const main = async (id: string) => getDb().case.findUniqueOrThrow({ where: { id }, select: { mainType: true, mainStatus: true, mainOurNumber: true } });
    expect(await main("c-aktif")).toEqual({ mainType: "PKS", mainStatus: "BERLAKU", mainOurNumber: "180/012/KS/2025" });
    expect(await main("c-pks")).toEqual({ mainType: "KB", mainStatus: "BERLAKU", mainOurNumber: "180/100/KS/2026" });
    expect(await main("c-belum")).toMatchObject({ mainType: "NK" });
    expect(await main("c-mou")).toEqual({ mainType: "MOU", mainStatus: "DRAF", mainOurNumber: "180/121/KS/2026" });
    expect(await main("c-adendum")).toMatchObject({ mainType: "PKS", mainOurNumber: "180/110/KS/2025" });
    expect(await main("c-diganti")).toMatchObject({ mainType: "KB", mainStatus: "BERLAKU" });
    // Signing the PKS makes it the main naskah.
    await getDb().agreement.update({
      where: { id: "c-pks-pks-1" },
      data: { status: "BERLAKU", ourNumber: "180/101/KS/2026", signedAt: new Date("2026-06-10T00:00:00Z"), startDate: new Date("2026-06-10T00:00:00Z"), endDate: new Date("2028-06-09T00:00:00Z") },
    });
    expect(await main("c-pks")).toEqual({ mainType: "PKS", mainStatus: "BERLAKU", mainOurNumber: "180/101/KS/2026" });
    // Deleting it (soft) brings the KB back.
    await getDb().agreement.update({ where: { id: "c-pks-pks-1" }, data: { deletedAt: new Date() } });
    expect(await main("c-pks")).toMatchObject({ mainType: "KB" });
  });

  it("a bulk insert (an import, 600 cases in one statement) takes the set-wise path and gives the same summary", async () => {
    const db = getDb();
    const n = 600;
    await db.case.createMany({
      data: Array.from({ length: n }, (_, i) => ({
        id: `c-impor-${i}`, code: `KS-2024-I${String(i).padStart(4, "0")}`, title: `Kerja sama impor ${i}`, kind: "KSDD" as const,
        opdId: OPD_B, partnerId: PARTNER_PEMDA, stage: "PELAKSANAAN" as const, createdById: "u-staf",
      })),
    });
    const date = (iso: string) => new Date(`${iso}T00:00:00Z`);
    await db.agreement.createMany({
      data: Array.from({ length: n }, (_, i) => [
        { id: `a-impor-kb-${i}`, caseId: `c-impor-${i}`, type: "KB" as const, title: "KB", kind: "KSDD" as const, opdId: OPD_B, status: "BERLAKU" as const,
          ourNumber: `180/I${i}/KB/2024`, signedAt: date("2024-01-02"), startDate: date("2024-01-02"), endDate: date("2029-01-01") },
        { id: `a-impor-pks-${i}`, caseId: `c-impor-${i}`, type: "PKS" as const, title: "PKS", kind: "KSDD" as const, opdId: OPD_B, status: "DRAF" as const },
      ]).flat(),
    });
    const rows = await db.case.findMany({ where: { id: { startsWith: "c-impor-" } }, select: { mainType: true, mainStatus: true, agreementNumbers: true, partnerName: true } });
    expect(rows).toHaveLength(n);
    expect(new Set(rows.map((r) => `${r.mainType}/${r.mainStatus}/${r.partnerName}`))).toEqual(new Set(["KB/BERLAKU/Pemerintah Kabupaten Sukamakmur"]));
    expect(rows.every((r) => /^180\/I\d+\/KB\/2024$/.test(r.agreementNumbers ?? ""))).toBe(true);
    expect(await ids("kabag", { q: "180/I599/KB" })).toEqual(["c-impor-599"]);
  });

  it("a direct write to a derived column is ignored (only the triggers write them)", async () => {
    const db = getDb();
    await db.case.update({ where: { id: "c-draf" }, data: { mainStatus: "BERLAKU", mainEndDate: new Date("2030-01-01T00:00:00Z"), partnerName: "Palsu", agreementNumbers: "999" } });
    expect(await db.case.findUniqueOrThrow({ where: { id: "c-draf" }, select: { mainStatus: true, mainEndDate: true, partnerName: true, agreementNumbers: true } }))
      .toEqual({ mainStatus: null, mainEndDate: null, partnerName: "PT Tirta Sejahtera", agreementNumbers: null });
    expect(await ids("kabag", { status: "AKTIF", q: "Kantin" })).toEqual([]);
  });

  it("a case's partner or the partner's class changes: the kelas filter and the partner name follow", async () => {
    const db = getDb();
    await db.case.update({ where: { id: "c-draf" }, data: { partnerId: PARTNER_PEMDA } });
    expect(await ids("kabag", { kelas: "PEMDA", q: "Kantin" })).toEqual(["c-draf"]);
    await db.partner.update({ where: { id: PARTNER_SWASTA }, data: { partnerClass: "BUMD" } });
    expect(await ids("kabag", { kelas: "BUMD" })).toEqual(idsWhere((c) => c.partner === PARTNER_SWASTA && c.id !== "c-draf"));
  });
});

describe("home counters are register counts and link to the register with the same filter", () => {
  it("every tile's number is the number of rows its link shows", async () => {
    // The OPD's due-report tile reads the monev flags, which the daily job refreshes.
    await refreshMonevFlags({ now: NOW });
    for (const who of ["operatorA", "kepalaA", "kabag", "pimpinan", "tkksd1"] as const) {
      const tiles = await homeTiles(actor(who), NOW);
      expect(tiles.length, who).toBeGreaterThan(0);
      for (const t of tiles) {
        if (t.href === "/laporan") {
          // Monev tiles count the lists of /laporan: the OPD's due periods, Bagian KS's review queue.
          const expected = t.label === "Laporan jatuh tempo"
            ? (await listDueReports(actor(who), NOW)).length
            : (await reviewQueue(actor(who))).total;
          expect(t.value, `${who} ${t.label}`).toBe(expected);
          continue;
        }
        expect(t.href, t.label).toMatch(/^\/kerja-sama\?status=/);
        const params = Object.fromEntries(new URL(t.href!, "http://x").searchParams);
        expect(t.value, `${who} ${t.label}`).toBe((await ids(who, params)).length);
      }
    }
    const kabag = await homeTiles(actor("kabag"), NOW);
    expect(kabag.find((t) => t.label === "Berakhir ≤ 90 hari")).toMatchObject({ value: 1, href: "/kerja-sama?status=AKAN_BERAKHIR" });
  });
});
