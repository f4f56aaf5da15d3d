// The partner master (Mitra, issue 7 §2) on real PostgreSQL: who sees and may pick an OPD's
// unconfirmed request, confirmation, the similar-name warning, editing, and the merge that moves
// every reference in one transaction — each rule tried and shown to change nothing when refused.
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { mergePartner, partnerReferences } from "@/lib/partners/merge";
import { getPartnerDetail, listPartners, partnerListFilterSchema } from "@/lib/partners/queries";
import { partnerCreateSchema, type PartnerInput } from "@/lib/partners/schemas";
import { createPartner, updatePartner, verifyPartner } from "@/lib/partners/service";
import { similarPartners } from "@/lib/partners/similar";
import { getPartnerDocumentForDownload, uploadPartnerDocument } from "@/lib/partners/documents";
import { actor, draftInput, OPD_A, OPD_B, PARTNER_PEMDA, PARTNER_SWASTA, seedBase, type UserKey } from "./helpers/cases";
import { testPool, resetDatabase } from "./helpers/db";
import { createDraft, listPartnerOptions, NOW, requestPartner, updateDraft } from "./helpers/services";

const db = () => getDb();
const input = (o: Partial<PartnerInput> & Pick<PartnerInput, "name" | "partnerClass">): PartnerInput => ({ confirmSimilar: false, ...o });
const version = async (id: string) => (await db().partner.findUniqueOrThrow({ where: { id } })).updatedAt.toISOString();
const refusal = async (run: () => Promise<unknown>) => run().then(() => null, (e: unknown) => e as DomainError);
/** Everything a refused call must leave unchanged. */
const snapshot = async () => {
  const [partners, cases, agreements, docs, audit] = await Promise.all([
    db().partner.findMany({ orderBy: { id: "asc" } }),
    db().case.findMany({ orderBy: { id: "asc" }, select: { id: true, partnerId: true, partnerName: true } }),
    db().agreement.findMany({ orderBy: { id: "asc" }, select: { id: true, partnerId: true } }),
    db().partnerDocument.findMany({ orderBy: { id: "asc" } }),
    db().auditEvent.count(),
  ]);
  return { partners, cases, agreements, docs, audit };
};

let storageDir = "";
beforeAll(async () => {
  storageDir = await mkdtemp(path.join(tmpdir(), "sikerda-mitra-"));
  process.env.STORAGE_DIR = storageDir;
});
afterAll(async () => {
  delete process.env.STORAGE_DIR;
  await rm(storageDir, { recursive: true, force: true });
});

beforeEach(async () => {
  await resetDatabase();
  await seedBase();
  // A second operator of OPD A: a colleague of the requester.
  await db().user.create({ data: { id: "u-operatorA2", username: "operatorA2", fullName: "Dina", role: "OPERATOR_OPD", opdId: OPD_A, passwordHash: "x" } });
});
const colleague = () => ({ ...actor("operatorA"), id: "u-operatorA2", username: "operatorA2" });

describe("an OPD's request waits for Bagian KS and is offered to that OPD only", () => {
  it("the requesting OPD picks it; another OPD is neither offered it nor allowed it; after confirmation everyone is", async () => {
    const { id } = await requestPartner(actor("operatorA"), { name: "Yayasan Gizi Anak Nusantara", partnerClass: "ORMAS_LSM" });
    expect(await db().partner.findUniqueOrThrow({ where: { id } })).toMatchObject({ verified: false, requestedByOpdId: OPD_A });
    const offered = async (a: Parameters<typeof listPartnerOptions>[0]) => (await listPartnerOptions(a)).map((p) => p.id);
    expect(await offered(actor("operatorA"))).toContain(id);
    expect(await offered(colleague())).toContain(id);
    expect(await offered(actor("operatorB"))).not.toContain(id);
    expect(await offered(actor("staf"))).not.toContain(id);
    // The colleague may use it; operator B may not, neither in a new draft nor by editing one.
    await createDraft(colleague(), draftInput("KSDPK", { partnerId: id }));
    const before = await snapshot();
    expect(await refusal(() => createDraft(actor("operatorB"), draftInput("KSDPK", { partnerId: id })))).toMatchObject({ code: "VALIDATION", fieldErrors: { partnerId: expect.any(String) } });
    const own = await createDraft(actor("operatorB"), draftInput("KSDPK"));
    const mid = await snapshot();
    expect(await refusal(() => updateDraft(actor("operatorB"), own.id, draftInput("KSDPK", { partnerId: id }), 0))).toMatchObject({ code: "VALIDATION" });
    expect(await snapshot()).toEqual(mid);
    expect(before.partners).toEqual(mid.partners);
    // The partner list and page: hidden from OPD B, shown to OPD A and Bagian KS.
    const listed = async (who: UserKey) => (await listPartners(actor(who), partnerListFilterSchema.parse({}), NOW)).items.map((p) => p.id);
    expect(await listed("operatorB")).not.toContain(id);
    expect(await listed("operatorA")).toContain(id);
    expect((await listed("kabag"))[0]).toBe(id); // Bagian KS: requests first
    expect(await getPartnerDetail(actor("operatorB"), id, NOW)).toBeNull();
    expect(await getPartnerDetail(actor("operatorA"), id, NOW)).toMatchObject({ partner: { id } });
    // Confirmed: every OPD.
    await verifyPartner({ actor: actor("staf"), now: NOW, id, version: await version(id) });
    expect(await db().partner.findUniqueOrThrow({ where: { id } })).toMatchObject({ verified: true, verifiedById: "u-staf" });
    expect(await offered(actor("operatorB"))).toContain(id);
    await createDraft(actor("operatorB"), draftInput("KSDPK", { partnerId: id }));
    expect(await db().auditEvent.count({ where: { action: "partner.verify", entityId: id } })).toBe(1);
  });

  it("confirming is Bagian KS's, once, on the version read (nothing changes otherwise)", async () => {
    const { id } = await requestPartner(actor("operatorA"), { name: "CV Sumber Sehat", partnerClass: "SWASTA" });
    const v = await version(id);
    const before = await snapshot();
    expect(await refusal(() => verifyPartner({ actor: actor("operatorA"), now: NOW, id, version: v }))).toMatchObject({ code: "FORBIDDEN" });
    expect(await refusal(() => verifyPartner({ actor: actor("pimpinan"), now: NOW, id, version: v }))).toMatchObject({ code: "FORBIDDEN" });
    expect(await refusal(() => verifyPartner({ actor: actor("kabag"), now: NOW, id, version: "2020-01-01T00:00:00.000Z" }))).toMatchObject({ code: "STALE" });
    expect(await snapshot()).toEqual(before);
    await verifyPartner({ actor: actor("kabag"), now: NOW, id, version: v });
    expect(await refusal(() => verifyPartner({ actor: actor("kabag"), now: NOW, id, version: NOW.toISOString() }))).toMatchObject({ code: "CONFLICT" });
  });
});

describe("the similar-name warning (pg_trgm on a normalised name)", () => {
  it("legal forms and punctuation do not make a partner new", async () => {
    const names = async (q: string, who: UserKey = "kabag") => (await similarPartners(actor(who), q)).map((s) => s.name);
    expect(await names("PT. Tirta Sejahtera Tbk")).toEqual(["PT Tirta Sejahtera"]);
    expect(await names("tirta sejahtra")).toEqual(["PT Tirta Sejahtera"]);
    expect(await names("Kabupaten Sukamakmur")).toEqual(["Pemerintah Kabupaten Sukamakmur"]);
    expect(await names("Universitas Padjadjaran")).toEqual([]);
    expect(await names("PT")).toEqual([]);
  });

  it("saving a similar name is refused with the names until 'a different partner' is ticked; the same name never", async () => {
    const before = await snapshot();
    const e = await refusal(() => createPartner({ actor: actor("staf"), now: NOW, input: input({ name: "PT. Tirta Sejahtera Abadi", partnerClass: "SWASTA" }) }));
    expect(e).toMatchObject({ code: "VALIDATION", fieldErrors: { name: expect.stringContaining('"PT Tirta Sejahtera"') } });
    expect(await refusal(() => createPartner({ actor: actor("staf"), now: NOW, input: input({ name: "pt tirta sejahtera", partnerClass: "SWASTA", confirmSimilar: true }) })))
      .toMatchObject({ code: "VALIDATION", fieldErrors: { name: expect.stringContaining("sudah terdaftar") } });
    expect(await refusal(() => createPartner({ actor: actor("operatorA"), now: NOW, input: input({ name: "PT Baru", partnerClass: "SWASTA" }) }))).toMatchObject({ code: "FORBIDDEN" });
    expect(await snapshot()).toEqual(before);
    const { id } = await createPartner({ actor: actor("staf"), now: NOW, input: input({ name: "PT. Tirta Sejahtera Abadi", partnerClass: "SWASTA", confirmSimilar: true }) });
    expect(await db().partner.findUniqueOrThrow({ where: { id } })).toMatchObject({ verified: true, nameKey: "tirta sejahtera abadi", country: "Indonesia" });
    expect(await db().auditEvent.findFirst({ where: { action: "partner.create", entityId: id } })).toMatchObject({ data: { similarConfirmed: true } });
  });

  it("an OPD user's warning never reveals another OPD's unconfirmed request", async () => {
    await requestPartner(actor("operatorA"), { name: "Koperasi Nelayan Samudra Jaya", partnerClass: "SWASTA" });
    expect((await similarPartners(actor("operatorA"), "Nelayan Samudra Jaya")).map((s) => s.name)).toEqual(["Koperasi Nelayan Samudra Jaya"]);
    expect(await similarPartners(actor("operatorB"), "Nelayan Samudra Jaya")).toEqual([]);
  });

  it("the form's rules: a university needs its status, a foreign partner its country, a contact detail its name", () => {
    const errors = (v: Record<string, unknown>) => {
      const r = partnerCreateSchema.safeParse(v);
      return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join("."), i.message]));
    };
    expect(errors({ name: "Universitas X", partnerClass: "PERGURUAN_TINGGI" })).toHaveProperty("universityStatus");
    expect(errors({ name: "Kota Osaka", partnerClass: "PEMDA_LUAR_NEGERI", country: "Indonesia" })).toHaveProperty("country");
    expect(errors({ name: "PT Asing", partnerClass: "SWASTA", country: "Jepang" })).toHaveProperty("country");
    expect(errors({ name: "PT Kontak", partnerClass: "SWASTA", contact2Phone: "0812 3456 789" })).toHaveProperty("contact2Name");
    expect(errors({ name: "PT Surel", partnerClass: "SWASTA", email: "bukan-email" })).toHaveProperty("email");
    expect(errors({ name: "PT Baik", partnerClass: "SWASTA", contact1Name: "Ani", contact1Email: "ani@baik.co.id", phone: "+62 22 1234567" })).toEqual({});
  });
});

describe("editing a partner", () => {
  it("a class that no longer fits a recorded case is refused; a stale page is refused; nothing changes", async () => {
    await createDraft(actor("operatorA"), draftInput("KSDD")); // partner PARTNER_PEMDA
    const v = await version(PARTNER_PEMDA);
    const before = await snapshot();
    const e = await refusal(() => updatePartner({ actor: actor("staf"), now: NOW, id: PARTNER_PEMDA, version: v, input: input({ name: "Pemerintah Kabupaten Sukamakmur", partnerClass: "SWASTA" }) }));
    expect(e).toMatchObject({ code: "VALIDATION", fieldErrors: { partnerClass: expect.stringContaining("KSDD") } });
    expect(await refusal(() => updatePartner({ actor: actor("staf"), now: NOW, id: PARTNER_PEMDA, version: "x", input: input({ name: "Kab. Sukamakmur", partnerClass: "PEMDA" }) }))).toMatchObject({ code: "STALE" });
    expect(await snapshot()).toEqual(before);
    await updatePartner({ actor: actor("staf"), now: NOW, id: PARTNER_PEMDA, version: v, input: input({ name: "Pemerintah Kabupaten Sukamakmur", partnerClass: "PEMDA", contact1Name: "Drs. Agus", contact1Position: "Kabag Kerja Sama" }) });
    expect(await db().partner.findUniqueOrThrow({ where: { id: PARTNER_PEMDA } })).toMatchObject({ contact1Name: "Drs. Agus", updatedAt: NOW });
  });
});

describe("merging a duplicate into the real partner", () => {
  /** OPD B asked for "PT. Tirta Sejahtera" (already registered as PT Tirta Sejahtera) and used it everywhere. */
  async function duplicate() {
    const { id } = await requestPartner(actor("operatorB"), { name: "PT. Tirta Sejahtera", partnerClass: "SWASTA" });
    const draft = await createDraft(actor("operatorB"), draftInput("KSDPK", { partnerId: id, title: "Pengolahan Air Limbah Domestik" }));
    await db().agreement.create({
      data: { id: "agr-dup", caseId: draft.id, type: "KB", title: "KB Air Limbah", kind: "KSDPK", opdId: OPD_B, partnerId: id, status: "DRAF" },
    });
    await db().partnerDocument.create({
      data: { id: "doc-dup", partnerId: id, type: "NIB", storageKey: "2026/06/00000000-0000-4000-8000-000000000001.pdf", sha256: "0".repeat(64),
        sizeBytes: 10, mimeType: "application/pdf", originalName: "nib.pdf", uploadedById: "u-staf" },
    });
    // An earlier duplicate already merged into this one.
    await db().partner.create({ data: { id: "p-older", name: "Tirta Sejahtera (lama)", partnerClass: "SWASTA", mergedIntoId: id, deletedAt: NOW } });
    return { id, caseId: draft.id };
  }

  /** Every foreign-key column anywhere that still points at `id` (the catalog, not a hand-kept list). */
  async function referencesTo(id: string): Promise<string[]> {
    const out: string[] = [];
    for (const ref of await getDb().$transaction((tx) => partnerReferences(tx))) {
      const { rows } = await testPool().query(`SELECT count(*)::int AS n FROM "${ref.table}" WHERE "${ref.column}" = $1`, [id]);
      if (rows[0].n > 0) out.push(`${ref.table}.${ref.column}`);
    }
    return out;
  }

  it("moves every reference in one transaction, soft-deletes the duplicate and audits how many rows moved", async () => {
    const dup = await duplicate();
    expect((await partnerReferences(getDb() as never)).map((r) => `${r.table}.${r.column}`)).toEqual(
      expect.arrayContaining(["Agreement.partnerId", "Case.partnerId", "Partner.mergedIntoId", "PartnerDocument.partnerId"]),
    );
    expect((await referencesTo(dup.id)).sort()).toEqual(["Agreement.partnerId", "Case.partnerId", "Partner.mergedIntoId", "PartnerDocument.partnerId"]);
    const result = await mergePartner({ actor: actor("staf"), now: NOW, sourceId: dup.id, targetId: PARTNER_SWASTA, version: await version(dup.id) });
    expect(result.moved).toEqual({ "Agreement.partnerId": 1, "Case.partnerId": 1, "Partner.mergedIntoId": 1, "PartnerDocument.partnerId": 1 });
    expect(await referencesTo(dup.id)).toEqual([]);
    expect(await db().partner.findUniqueOrThrow({ where: { id: dup.id } })).toMatchObject({ mergedIntoId: PARTNER_SWASTA, deletedAt: NOW, deletedById: "u-staf" });
    // The register follows at once (triggers): the case now shows the real partner's name.
    expect(await db().case.findUniqueOrThrow({ where: { id: dup.caseId } })).toMatchObject({ partnerId: PARTNER_SWASTA, partnerName: "PT Tirta Sejahtera" });
    expect(await db().auditEvent.findFirstOrThrow({ where: { action: "partner.merge" } })).toMatchObject({
      actorId: "u-staf", entityId: dup.id, data: { into: PARTNER_SWASTA, moved: result.moved },
    });
    // Its page now leads to the real partner; it is offered to no one.
    expect(await getPartnerDetail(actor("operatorB"), dup.id, NOW)).toEqual({ mergedInto: PARTNER_SWASTA });
    expect((await listPartnerOptions(actor("operatorB"))).map((p) => p.id)).not.toContain(dup.id);
  });

  it("refusals change nothing: wrong role, itself, an unconfirmed target, a target that does not fit a case, a stale page", async () => {
    const dup = await duplicate();
    const other = await requestPartner(actor("operatorA"), { name: "PT Sumber Air Bersih", partnerClass: "SWASTA" });
    const v = await version(dup.id);
    const before = await snapshot();
    const tryMerge = (who: UserKey, targetId: string, ver = v) => refusal(() => mergePartner({ actor: actor(who), now: NOW, sourceId: dup.id, targetId, version: ver }));
    expect(await tryMerge("operatorB", PARTNER_SWASTA)).toMatchObject({ code: "FORBIDDEN" });
    expect(await tryMerge("pimpinan", PARTNER_SWASTA)).toMatchObject({ code: "FORBIDDEN" });
    expect(await tryMerge("staf", dup.id)).toMatchObject({ code: "VALIDATION" });
    expect(await tryMerge("staf", other.id)).toMatchObject({ code: "VALIDATION", fieldErrors: { targetId: expect.stringContaining("belum terverifikasi") } });
    expect(await tryMerge("staf", PARTNER_PEMDA)).toMatchObject({ code: "VALIDATION", fieldErrors: { targetId: expect.stringContaining("KSDPK") } });
    expect(await tryMerge("staf", PARTNER_SWASTA, "2020-01-01T00:00:00.000Z")).toMatchObject({ code: "STALE" });
    expect(await snapshot()).toEqual(before);
  });

  it("nothing is half-done: a failure after some rows moved rolls every move back", async () => {
    const dup = await duplicate();
    const before = await snapshot();
    // PartnerDocument is moved last (tables in name order): make exactly that update fail.
    await testPool().query(`
      CREATE FUNCTION uji_gagal() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'gangguan uji'; END $$;
      CREATE TRIGGER uji_gagal BEFORE UPDATE ON "PartnerDocument" FOR EACH ROW EXECUTE FUNCTION uji_gagal();`);
    try {
      await expect(mergePartner({ actor: actor("kabag"), now: NOW, sourceId: dup.id, targetId: PARTNER_SWASTA, version: await version(dup.id) }))
        .rejects.toThrow(/gangguan uji/);
    } finally {
      await testPool().query(`DROP TRIGGER uji_gagal ON "PartnerDocument"; DROP FUNCTION uji_gagal();`);
    }
    expect(await snapshot()).toEqual(before);
    expect((await referencesTo(dup.id)).sort()).toEqual(["Agreement.partnerId", "Case.partnerId", "Partner.mergedIntoId", "PartnerDocument.partnerId"]);
  });

  it("two people merging the same duplicate at once: one merge, one clear refusal", async () => {
    const dup = await duplicate();
    const v = await version(dup.id);
    const results = await Promise.allSettled([
      mergePartner({ actor: actor("staf"), now: NOW, sourceId: dup.id, targetId: PARTNER_SWASTA, version: v }),
      mergePartner({ actor: actor("kabag"), now: NOW, sourceId: dup.id, targetId: PARTNER_SWASTA, version: v }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(rejected.reason).toMatchObject({ code: "NOT_FOUND" });
    expect(await db().auditEvent.count({ where: { action: "partner.merge" } })).toBe(1);
  });
});

describe("legal documents of a partner", () => {
  const PDF = new TextEncoder().encode("%PDF-1.7\n% NIB uji\n");
  const stream = (bytes: Uint8Array) => (async function* () { yield bytes; })();
  const files = async () => (await readdir(storageDir, { recursive: true })).filter((f) => /\.(pdf|tmp)$/.test(String(f)));

  it("Bagian KS uploads a PDF (checked by content); anything else stores nothing", async () => {
    const upload = (who: UserKey, bytes: Uint8Array, type = "NIB") =>
      uploadPartnerDocument(actor(who), { partnerId: PARTNER_SWASTA, type, number: "NIB 123", originalName: "nib.pdf", stream: stream(bytes), declaredSize: bytes.byteLength, now: NOW });
    expect(await refusal(() => upload("operatorA", PDF))).toMatchObject({ code: "FORBIDDEN" });
    expect(await refusal(() => upload("staf", new TextEncoder().encode("<html>bukan pdf</html>")))).toMatchObject({ code: "VALIDATION" });
    expect(await refusal(() => upload("staf", PDF, "KTP"))).toMatchObject({ code: "VALIDATION" });
    expect(await db().partnerDocument.count()).toBe(0);
    expect(await files()).toEqual([]);
    const doc = await upload("staf", PDF);
    expect(doc).toMatchObject({ partnerId: PARTNER_SWASTA, type: "NIB", number: "NIB 123", mimeType: "application/pdf", sizeBytes: PDF.byteLength });
    expect(await files()).toHaveLength(1);
    expect(await db().auditEvent.count({ where: { action: "partner.document.upload" } })).toBe(1);
  });

  it("is downloaded by whoever may see the partner, by nobody else", async () => {
    const { id } = await requestPartner(actor("operatorA"), { name: "CV Berkas Rahasia", partnerClass: "SWASTA" });
    const doc = await uploadPartnerDocument(actor("staf"), {
      partnerId: id, type: "AKTA_PENDIRIAN", stream: stream(PDF), declaredSize: PDF.byteLength, now: NOW,
    });
    expect(await getPartnerDocumentForDownload(actor("operatorA"), doc.id)).toMatchObject({ id: doc.id });
    expect(await getPartnerDocumentForDownload(actor("kabag"), doc.id)).toMatchObject({ id: doc.id });
    expect(await refusal(() => getPartnerDocumentForDownload(actor("operatorB"), doc.id))).toMatchObject({ code: "NOT_FOUND" });
    expect(OPD_B).not.toBe(OPD_A);
  });
});
