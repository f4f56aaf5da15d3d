import "server-only";
import { can } from "@/lib/auth/policy";
import type { CurrentUser } from "@/lib/auth/session";
import { getDb, type Tx } from "@/lib/db";
import { DomainError, STALE_MESSAGE } from "@/lib/errors";
import type { Partner } from "@/lib/generated/prisma/client";
import { loadSettings } from "@/lib/settings/load";
import { partnerMismatch } from "@/lib/workflow";
import { isForeignClass, type PartnerInput } from "./schemas";
import { similarMessage, similarPartners } from "./similar";

/*
 * Partner master data (Mitra), kept by Bagian Kerja Sama (policy partner.manage). Every mutation
 * takes { actor, now }, authorizes itself and writes its audit row in the same transaction.
 * Editing and confirming use the row's updatedAt as the optimistic-lock token.
 */

type Request = { actor: CurrentUser; now: Date };

function forbidden(): DomainError {
  return new DomainError("FORBIDDEN", "Anda tidak berwenang mengelola data mitra.");
}

function invalid(field: string, message: string): DomainError {
  return new DomainError("VALIDATION", message, { [field]: message });
}

const clean = (v: string | undefined) => (v && v.trim() !== "" ? v.trim() : null);

/** The columns the form writes; the university status only for universities, the country per class. */
function columns(input: PartnerInput) {
  return {
    name: input.name.trim(),
    partnerClass: input.partnerClass,
    universityStatus: input.partnerClass === "PERGURUAN_TINGGI" ? (input.universityStatus ?? null) : null,
    legalForm: clean(input.legalForm),
    registrationNumber: clean(input.registrationNumber),
    address: clean(input.address),
    province: isForeignClass(input.partnerClass) ? null : clean(input.province),
    regency: clean(input.regency),
    country: isForeignClass(input.partnerClass) ? (clean(input.country) as string) : "Indonesia",
    email: clean(input.email),
    phone: clean(input.phone),
    website: clean(input.website),
    contact1Name: clean(input.contact1Name),
    contact1Position: clean(input.contact1Position),
    contact1Phone: clean(input.contact1Phone),
    contact1Email: clean(input.contact1Email),
    contact2Name: clean(input.contact2Name),
    contact2Position: clean(input.contact2Position),
    contact2Phone: clean(input.contact2Phone),
    contact2Email: clean(input.contact2Email),
  };
}

/** The same name, or (unless confirmed) a similar one, already exists: refuse with the names. */
async function assertNameFree(tx: Tx, actor: CurrentUser, input: PartnerInput, excludeId?: string): Promise<void> {
  const same = await tx.partner.findFirst({
    where: { name: { equals: input.name.trim(), mode: "insensitive" }, deletedAt: null, ...(excludeId ? { id: { not: excludeId } } : {}) },
    select: { id: true },
  });
  if (same) throw invalid("name", "Mitra dengan nama ini sudah terdaftar. Buka mitra itu, atau gabungkan bila keduanya sama.");
  if (input.confirmSimilar) return;
  const similar = await similarPartners(actor, input.name, { excludeId, db: tx });
  if (similar.length > 0) throw invalid("name", similarMessage(similar));
}

/** The cases of a partner must still fit their jenis once its class changes (domain §2). */
async function assertCasesStillFit(tx: Tx, partnerId: string, facts: Pick<Partner, "partnerClass" | "universityStatus">): Promise<void> {
  const settings = await loadSettings(tx);
  const cases = await tx.case.findMany({ where: { partnerId, deletedAt: null }, select: { code: true, kind: true } });
  const misfits = cases.filter((c) => partnerMismatch(c.kind, facts, settings.ptnBhKind) !== null);
  if (misfits.length > 0) {
    const codes = misfits.slice(0, 5).map((c) => `${c.code} (${c.kind})`).join(", ");
    throw invalid("partnerClass", `Kelas mitra ini tidak sesuai dengan jenis kerja sama yang sudah tercatat: ${codes}${misfits.length > 5 ? ", …" : ""}.`);
  }
}

export async function createPartner({ actor, now, input }: Request & { input: PartnerInput }): Promise<{ id: string }> {
  if (!can(actor, "partner.manage")) throw forbidden();
  return getDb().$transaction(async (tx) => {
    await assertNameFree(tx, actor, input);
    const partner = await tx.partner.create({
      data: { ...columns(input), verified: true, verifiedAt: now, verifiedById: actor.id, createdById: actor.id, createdAt: now, updatedAt: now },
      select: { id: true },
    });
    await tx.auditEvent.create({
      data: { actorId: actor.id, action: "partner.create", entity: "Partner", entityId: partner.id, createdAt: now,
        data: { name: input.name, partnerClass: input.partnerClass, similarConfirmed: input.confirmSimilar } },
    });
    return partner;
  });
}

/** A partner row for a change, locked; unknown or merged → NOT_FOUND, changed since the page → STALE. */
async function lockForChange(tx: Tx, id: string, version: string) {
  await tx.$queryRaw`SELECT 1 FROM "Partner" WHERE id = ${id} FOR UPDATE`;
  const current = await tx.partner.findFirst({ where: { id, deletedAt: null } });
  if (!current) throw new DomainError("NOT_FOUND", "Mitra tidak ditemukan (mungkin sudah digabungkan).");
  if (current.updatedAt.toISOString() !== version) throw new DomainError("STALE", STALE_MESSAGE);
  return current;
}

export async function updatePartner({
  actor, now, id, version, input,
}: Request & { id: string; version: string; input: PartnerInput }): Promise<void> {
  if (!can(actor, "partner.manage")) throw forbidden();
  await getDb().$transaction(async (tx) => {
    const current = await lockForChange(tx, id, version);
    const data = columns(input);
    if (data.name.toLowerCase() !== current.name.toLowerCase()) await assertNameFree(tx, actor, input, id);
    if (data.partnerClass !== current.partnerClass || data.universityStatus !== current.universityStatus) {
      await assertCasesStillFit(tx, id, data);
    }
    await tx.partner.update({ where: { id }, data: { ...data, updatedAt: now } });
    const changed = (Object.keys(data) as (keyof typeof data)[]).filter((k) => data[k] !== current[k]);
    await tx.auditEvent.create({
      data: { actorId: actor.id, action: "partner.update", entity: "Partner", entityId: id, createdAt: now, data: { changed } },
    });
  });
}

/** Bagian KS confirms an OPD's request: from now on every OPD may pick it. */
export async function verifyPartner({ actor, now, id, version }: Request & { id: string; version: string }): Promise<void> {
  if (!can(actor, "partner.manage")) throw forbidden();
  await getDb().$transaction(async (tx) => {
    const current = await lockForChange(tx, id, version);
    if (current.verified) throw new DomainError("CONFLICT", "Mitra ini sudah terverifikasi.");
    await tx.partner.update({ where: { id }, data: { verified: true, verifiedAt: now, verifiedById: actor.id, updatedAt: now } });
    await tx.auditEvent.create({
      data: { actorId: actor.id, action: "partner.verify", entity: "Partner", entityId: id, createdAt: now,
        data: { name: current.name, requestedByOpdId: current.requestedByOpdId } },
    });
  });
}
