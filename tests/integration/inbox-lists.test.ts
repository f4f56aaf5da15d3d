import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { inboxAll, inboxPage, inboxSummary, INBOX_COUNT_CAP } from "@/lib/cases/inbox";
import { inboxStages, inboxWhere } from "@/lib/cases/inbox-rules";
import { caseWhereFor } from "@/lib/cases/scope";
import { COUNT_CAP } from "@/lib/register/queries";
import { todayInZone } from "@/lib/dates";
import type { Stage } from "@/lib/generated/prisma/enums";
import { createDraft, giveTkksdOpinion, inbox, listCases, NOW } from "./helpers/services";
import { resetDatabase } from "./helpers/db";
import { activeCase, endedCase, giveBack, save } from "./helpers/reports";
import { refreshMonevFlags } from "@/lib/dashboard/monev-flags";
import { earliestDueReports, listDueReports } from "@/lib/reports/queries";
import { REPORTING_STAGES } from "@/lib/reports/rules";
import { likePattern } from "@/lib/register/sql";
import { Prisma } from "@/lib/generated/prisma/client";
import { actor, caseAt, d, draftInput, OPD_A, OPD_B, seedBase, type UserKey } from "./helpers/cases";

// Issue 9: the grouped, paginated "Perlu Tindakan" and the usulan list's search and capped count
// at any size. Every grouped count must equal a direct count over inboxWhere() — the Prisma rule the
// hand-off notifications use — and the search must find everything the former ILIKE found.

beforeEach(async () => {
  await resetDatabase();
  await seedBase();
});

const db = () => getDb();
const today = todayInZone(NOW, "Asia/Jakarta");

/** Direct count per stage: the actor's scope AND the inbox rule AND the stage. */
async function directCount(key: UserKey, stage: Stage): Promise<number> {
  const a = actor(key);
  const rule = inboxWhere(a, today);
  if (!rule) return 0;
  return db().case.count({ where: { AND: [caseWhereFor(a), rule, { stage }] } });
}

/** Counts of the summary per stage (TKKSD's two groups summed). */
async function summaryCounts(key: UserKey): Promise<Map<Stage, number>> {
  const m = new Map<Stage, number>();
  for (const g of await inboxSummary(actor(key), NOW)) for (const c of g.counts) m.set(c.stage, (m.get(c.stage) ?? 0) + c.count);
  return m;
}

async function world() {
  for (let i = 0; i < 3; i++) await createDraft(actor("operatorA"), draftInput("KSDD", { title: `Draf A ${i}` }));
  await createDraft(actor("operatorB"), draftInput("KSDD", { title: "Draf B" }));
  const approval = await caseAt("KSDD", "PERSETUJUAN_OPD");
  const verification = await caseAt("KSDD", "VERIFIKASI");
  const review = await caseAt("KSDD", "KAJIAN_TKKSD");
  const offer = await caseAt("KSDPK", "PENAWARAN");
  const signing = await caseAt("KSDD", "PENANDATANGANAN_KB");
  // An agreement past its end: a running case whose PKS ended yesterday waits for "berakhir".
  const ended = await caseAt("KSDD", "PENYUSUNAN_PKS");
  await db().case.update({ where: { id: ended }, data: { stage: "PELAKSANAAN" } });
  await db().agreement.updateMany({ where: { caseId: ended }, data: { type: "PKS", status: "BERLAKU", endDate: d("2026-06-01") } });
  // Another OPD's case at verification.
  const other = await createDraft(actor("operatorB"), draftInput("KSDD", { title: "Usulan Dishub" }));
  await db().case.update({ where: { id: other.id }, data: { stage: "VERIFIKASI" } });
  return { approval, verification, review, offer, signing, ended, other: other.id };
}

describe("Perlu Tindakan: grouped counts and pages", () => {
  it("every stage count of the summary equals a direct count, for Bagian KS, OPD users and TKKSD", async () => {
    const w = await world();
    await giveTkksdOpinion(actor("tkksd1"), w.review, { opinion: "LAYAK", note: "Layak." });
    for (const key of ["kabag", "staf", "operatorA", "operatorB", "kepalaA", "tkksd1", "tkksd2", "pimpinan"] as UserKey[]) {
      const counts = await summaryCounts(key);
      for (const stage of inboxStages(actor(key))) {
        expect([key, stage, counts.get(stage) ?? 0]).toEqual([key, stage, await directCount(key, stage)]);
      }
      // The small inbox lists exactly what the reference inbox() lists.
      const all = (await inboxAll(actor(key), NOW)).map((i) => i.id).sort();
      expect([key, all]).toEqual([key, (await inbox(actor(key))).map((i) => i.id).sort()]);
    }
    const kabag = await summaryCounts("kabag");
    expect(kabag.get("VERIFIKASI")).toBe(2);
    expect(kabag.get("PELAKSANAAN")).toBe(1);
    expect((await summaryCounts("operatorA")).get("DRAF")).toBe(3);
    expect((await summaryCounts("operatorB")).get("DRAF")).toBe(1);
    // TKKSD: split by the member's own opinion of the current round.
    const t1 = await inboxSummary(actor("tkksd1"), NOW);
    expect(t1.map((g) => [g.key, g.total])).toEqual([["belum", 0], ["sudah", 1]]);
    const t2 = await inboxSummary(actor("tkksd2"), NOW);
    expect(t2.map((g) => [g.key, g.total])).toEqual([["belum", 1], ["sudah", 0]]);
    const ended = await inboxPage(actor("kabag"), NOW, { group: "berakhir", stage: "PELAKSANAAN", page: 1 });
    expect(ended?.items.map((i) => i.id)).toEqual([w.ended]);
  });

  it("an OPD user's pages hold only its OPD's cases, 25 per page, oldest waiting first; foreign groups are refused", async () => {
    const base = new Date("2026-06-01T00:00:00Z");
    for (let i = 0; i < 27; i++) await createDraft(actor("operatorA"), draftInput("KSDD", { title: `Draf ${i}` }), new Date(base.getTime() + i * 60_000));
    await createDraft(actor("operatorB"), draftInput("KSDD", { title: "Draf B" }));
    const summary = await inboxSummary(actor("operatorA"), NOW);
    expect(summary.find((g) => g.key === "draf")?.counts).toEqual([{ stage: "DRAF", count: 27, capped: false }]);
    const p1 = await inboxPage(actor("operatorA"), NOW, { group: "draf", stage: "DRAF", page: 1 });
    const p2 = await inboxPage(actor("operatorA"), NOW, { group: "draf", stage: "DRAF", page: 2 });
    expect(p1?.items).toHaveLength(25);
    expect(p1?.hasNext).toBe(true);
    expect(p2?.items).toHaveLength(2);
    expect(p2?.hasNext).toBe(false);
    expect(p1?.items.map((i) => i.title).slice(0, 2)).toEqual(["Draf 0", "Draf 1"]);
    expect([...(p1?.items ?? []), ...(p2?.items ?? [])].every((i) => i.opdShortName === "Dinkes")).toBe(true);
    // A group or stage that is not this user's is not a page.
    expect(await inboxPage(actor("operatorA"), NOW, { group: "verifikasi", stage: "VERIFIKASI", page: 1 })).toBeNull();
    expect(await inboxPage(actor("operatorA"), NOW, { group: "draf", stage: "VERIFIKASI", page: 1 })).toBeNull();
    expect(await inboxPage(actor("kabag"), NOW, { group: "draf", stage: "DRAF", page: 1 })).toBeNull();
  });
});

describe("capped counts", () => {
  it("counts stop at the cap and say so; pages go on while rows do", async () => {
    await db().case.createMany({
      data: Array.from({ length: COUNT_CAP + 5 }, (_, i) => ({
        code: `KS-2026-${String(i + 1).padStart(5, "0")}`, title: `Massal ${i}`, kind: "KSDD" as const, opdId: OPD_A,
        createdById: "u-operatorA", stageEnteredAt: new Date(NOW.getTime() - i * 1000),
      })),
    });
    await db().case.create({ data: { code: "KS-2026-B0001", title: "Lain", kind: "KSDD", opdId: OPD_B, createdById: "u-operatorB" } });
    const list = await listCases(actor("operatorA"));
    expect(list).toMatchObject({ total: COUNT_CAP, capped: true, hasNext: true });
    const deep = await listCases(actor("operatorA"), { page: 41 });
    expect(deep.items.map((i) => i.title)).toHaveLength(5);
    expect(deep.hasNext).toBe(false);
    expect(await listCases(actor("operatorB"))).toMatchObject({ total: 1, capped: false, totalPages: 1 });
    const summary = await inboxSummary(actor("operatorA"), NOW);
    expect(summary.find((g) => g.key === "draf")).toMatchObject({ total: INBOX_COUNT_CAP, capped: true });
    expect((await inboxSummary(actor("operatorB"), NOW)).find((g) => g.key === "draf")).toMatchObject({ total: 1, capped: false });
  });
});

describe("usulan list scope", () => {
  it("every role's list holds exactly the cases caseWhereFor() lets it see (the SQL scope mirrors the Prisma one)", async () => {
    await world();
    for (const key of ["kabag", "staf", "operatorA", "operatorB", "kepalaA", "tkksd1", "pimpinan"] as UserKey[]) {
      const listed = (await listCases(actor(key))).items.map((i) => i.id).sort();
      const direct = (await db().case.findMany({ where: caseWhereFor(actor(key)), select: { id: true } })).map((c) => c.id).sort();
      expect([key, listed]).toEqual([key, direct]);
    }
  });
});

describe("usulan search", () => {
  it("finds by code, part of a code or number, a title word, a stemmed word and the partner's name, case-insensitively", async () => {
    const water = await createDraft(actor("operatorA"), draftInput("KSDPK", { title: "Penyediaan Air Bersih Perkotaan" }));
    const health = await createDraft(actor("operatorA"), draftInput("KSDD", { title: "Pelayanan Kesehatan Perbatasan" }));
    const signed = await caseAt("KSDD", "PENYUSUNAN_PKS");
    const foreign = await createDraft(actor("operatorB"), draftInput("KSDD", { title: "Pelayanan Kesehatan Dishub" }));
    const codeOf = async (id: string) => (await db().case.findUniqueOrThrow({ where: { id } })).code;
    const titles = async (key: UserKey, q: string) => (await listCases(actor(key), { q })).items.map((i) => i.id).sort();

    const code = await codeOf(water.id);
    expect(await titles("kabag", code)).toEqual([water.id]);
    expect(await titles("kabag", code.toLowerCase())).toEqual([water.id]);
    expect(await titles("kabag", code.slice(-4))).toContain(water.id); // "0001": part of a code
    expect(await titles("kabag", "012/KS")).toEqual([signed]); // part of the KB's number (signing())
    expect(await titles("kabag", "045/pem")).toEqual([signed]); // the partner's number, any case
    expect(await titles("kabag", "bersih")).toEqual([water.id]); // a title word
    expect(await titles("kabag", "ersi")).toEqual([water.id]); // part of a word, as ILIKE did
    expect(await titles("kabag", "tirta")).toEqual([water.id]); // partner name (PT Tirta Sejahtera)
    expect(await titles("kabag", "Sukamak")).toEqual([health.id, signed, foreign.id].sort()); // part of a partner name
    const own = await titles("operatorA", "kesehatan"); // scope: never another OPD's
    expect(own).toContain(health.id);
    expect(own).not.toContain(foreign.id);
    expect(await titles("kabag", "100%")).toEqual([]); // LIKE wildcards are literal
    expect(await titles("kabag", "ks")).toHaveLength(4); // two characters: still a substring match
  });
});

describe("search by the distinctive word of a code or number (lib/register/sql.ts trigramKey)", () => {
  it("finds exactly what LIKE '%q%' on the search text (or the full-text match) finds", async () => {
    const titles = [
      "Naskah KS-2031-B00417 air bersih", "Perjanjian B00417 tahap dua", "Rujukan KS-2031-B004170 lanjutan",
      "Nomor 180/31415/KS jalan", "Nomor 31415 tanpa garis", "Pelayanan 180/314150 kesehatan",
    ];
    for (const title of titles) await createDraft(actor("operatorA"), draftInput("KSDD", { title }));
    await createDraft(actor("operatorB"), draftInput("KSDD", { title: "Naskah KS-2031-B00417 dinas lain" }));
    const queries = ["KS-2031-B00417", "ks-2031-b00417 air", "B00417", "180/31415", "31415/ks", "180/314150", "2031-B0041", "tahap 00417"];
    for (const key of ["kabag", "operatorA"] as UserKey[]) {
      for (const q of queries) {
        const listed = (await listCases(actor(key), { q })).items.map((i) => i.id).sort();
        const scope = key === "kabag" ? Prisma.sql`TRUE` : Prisma.sql`c."opdId" = ${OPD_A}`;
        const direct = (await db().$queryRaw<{ id: string }[]>`
          SELECT c.id FROM "Case" c WHERE c."deletedAt" IS NULL AND ${scope}
             AND (c."searchVector" @@ websearch_to_tsquery('indonesian', ${q}) OR c."searchText" LIKE ${likePattern(q)})`)
          .map((r) => r.id).sort();
        expect([key, q, listed]).toEqual([key, q, direct]);
      }
    }
    expect((await listCases(actor("kabag"), { q: "KS-2031-B00417" })).items).toHaveLength(3); // two titles and the other OPD's
  });
});

describe("due reports from the monev flags", () => {
  const OCT5 = new Date("2026-10-05T03:00:00Z");
  const countDueReports = async (key: UserKey) => (await earliestDueReports(actor(key), OCT5, 0)).total;
  const same = async (limit: number) => {
    const all = await listDueReports(actor("operatorA"), OCT5);
    const page = await earliestDueReports(actor("operatorA"), OCT5, limit);
    const key = (d: (typeof all)[number]) => `${d.case.id}:${d.entry.period.key}:${d.entry.status}`;
    expect(page.items.map(key)).toEqual(all.slice(0, limit).map(key));
    expect(page.total).toBe(all.length);
    return all.length;
  };

  it("the earliest due periods and their count equal listDueReports, with fresh, missing and stale flags", async () => {
    const running = await activeCase();
    await endedCase();
    // No flags yet: every case is computed.
    const n = await same(1);
    expect(n).toBeGreaterThan(2);
    await same(50);
    // Flags of that day: only the cases with the earliest deadlines are computed.
    await refreshMonevFlags({ now: OCT5 });
    await same(1);
    await same(2);
    await same(50);
    expect(await countDueReports("operatorA")).toBe(n);
    expect(await countDueReports("operatorB")).toBe(0);
    // A report sent, then returned: the flags follow in the same transactions.
    const sent = await save(running, "2026-04-01", "kirim", OCT5);
    expect(await countDueReports("operatorA")).toBe(n - 1);
    await same(50);
    await giveBack(sent.id, sent.version, OCT5);
    expect(await countDueReports("operatorA")).toBe(n);
    await same(50);
    // Flags of an earlier day are stale: those cases are computed again.
    await same(3);
    const later = new Date("2026-11-20T03:00:00Z");
    const all = await listDueReports(actor("operatorA"), later);
    expect((await earliestDueReports(actor("operatorA"), later, 50)).total).toBe(all.length);
  });

  it("a case that starts reporting after the refresh is listed and counted (no flag of today under its OPD)", async () => {
    await activeCase();
    await refreshMonevFlags({ now: OCT5 });
    const n = await same(50);
    await endedCase(); // reporting since the refresh: no flag
    expect(await same(1)).toBeGreaterThan(n);
    await same(50);
  });

  it("the partial index of reporting cases holds exactly REPORTING_STAGES (the anti-join reads it)", async () => {
    const [row] = await db().$queryRaw<{ def: string }[]>`
      SELECT pg_get_indexdef(i.indexrelid) AS def FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
       WHERE c.relname = 'Case_reporting_opdId_id_idx'`;
    expect(row, "index Case_reporting_opdId_id_idx").toBeDefined();
    const stages = [...row.def.matchAll(/'([A-Z_]+)'::"Stage"/g)].map((m) => m[1]).sort();
    expect(stages).toEqual([...REPORTING_STAGES].sort());
    expect(row.def).toContain('"deletedAt" IS NULL');
  });
});
