import "server-only";
import { getDb } from "@/lib/db";
import { can } from "@/lib/auth/policy";
import type { CurrentUser } from "@/lib/auth/session";
import { DomainError } from "@/lib/errors";
import type { CaseKind, PartnerClass, UniversityStatus } from "@/lib/generated/prisma/enums";
import { loadSettings } from "@/lib/settings/load";
import { partnerChoiceWhere } from "@/lib/partners/visibility";
import { partnerMismatch } from "@/lib/workflow";

export type PartnerRequestInput = {
  name: string;
  partnerClass: PartnerClass;
  universityStatus?: UniversityStatus;
  address?: string;
  province?: string;
  country?: string;
  /** The jenis of the proposal the partner is requested for: the partner must fit it (domain §2). */
  kind?: CaseKind;
};

function invalid(field: string, message: string): DomainError {
  return new DomainError("VALIDATION", message, { [field]: message });
}

/**
 * An OPD asks for a partner that is not in the list yet: it is usable at once in the OPD's own
 * drafts and waits for Bagian Kerja Sama to verify it. Bagian KS's own entries are verified.
 */
export async function requestPartner({
  actor, now, input,
}: { actor: CurrentUser; now: Date; input: PartnerRequestInput }): Promise<{ id: string }> {
  if (!can(actor, "partner.request")) throw new DomainError("FORBIDDEN", "Anda tidak berwenang menambah mitra.");
  // Bagian Kerja Sama adds verified partners; an OPD's request waits for their verification.
  const manages = can(actor, "partner.manage");
  const name = input.name?.trim();
  if (!name || name.length > 200) throw invalid("name", "Nama mitra wajib diisi (maksimal 200 karakter).");
  const university = input.partnerClass === "PERGURUAN_TINGGI";
  if (university && !input.universityStatus) {
    throw invalid("universityStatus", "Status perguruan tinggi wajib dipilih: status itu menentukan jenis kerja sama.");
  }
  const db = getDb();
  const settings = await loadSettings(db);
  const facts = { partnerClass: input.partnerClass, universityStatus: university ? (input.universityStatus ?? null) : null };
  const mismatch = input.kind ? partnerMismatch(input.kind, facts, settings.ptnBhKind) : null;
  if (mismatch) throw invalid("partnerClass", mismatch);
  return db.$transaction(async (tx) => {
    // Another OPD's unconfirmed request of the same name is not offered to this OPD: it may ask
    // again, and Bagian KS merges the two (lib/partners/merge.ts).
    const same = await tx.partner.findFirst({
      where: { AND: [{ name: { equals: name, mode: "insensitive" } }, partnerChoiceWhere(actor)] },
      select: { id: true },
    });
    if (same) throw invalid("name", "Mitra dengan nama ini sudah terdaftar.");
    const partner = await tx.partner.create({
      data: {
        name, partnerClass: input.partnerClass, universityStatus: facts.universityStatus,
        address: input.address?.trim() || null, province: input.province?.trim() || null,
        country: input.country?.trim() || "Indonesia", verified: manages, createdById: actor.id, createdAt: now,
        // Until Bagian KS confirms it, only this OPD may pick it (lib/partners/visibility.ts).
        requestedByOpdId: manages ? null : actor.opdId,
        ...(manages ? { verifiedAt: now, verifiedById: actor.id } : {}),
      },
      select: { id: true },
    });
    await tx.auditEvent.create({
      data: {
        actorId: actor.id, action: manages ? "partner.create" : "partner.request", entity: "Partner", entityId: partner.id,
        data: { name, partnerClass: input.partnerClass, universityStatus: facts.universityStatus }, createdAt: now,
      },
    });
    return partner;
  });
}
