import "server-only";
import { getDb } from "@/lib/db";
import { can } from "@/lib/auth/policy";
import { isOpdRole } from "@/lib/auth/roles";
import type { CurrentUser } from "@/lib/auth/session";
import { DomainError } from "@/lib/errors";
import { PartnerClass } from "@/lib/generated/prisma/enums";

/**
 * An OPD asks for a partner that is not in the list yet: it is usable at once in the OPD's own
 * drafts and waits for Bagian Kerja Sama to verify it. Bagian KS's own entries are verified.
 */
export async function requestPartner(
  actor: CurrentUser,
  input: { name: string; partnerClass: PartnerClass; address?: string; province?: string; country?: string },
): Promise<{ id: string }> {
  const manages = can(actor, "partner.manage");
  if (!manages && !isOpdRole(actor.role)) throw new DomainError("FORBIDDEN", "Anda tidak berwenang menambah mitra.");
  const name = input.name?.trim();
  if (!name || name.length > 200) {
    throw new DomainError("VALIDATION", "Nama mitra wajib diisi (maksimal 200 karakter).", { name: "Nama mitra wajib diisi (maksimal 200 karakter)." });
  }
  if (!(Object.values(PartnerClass) as string[]).includes(input.partnerClass)) {
    throw new DomainError("VALIDATION", "Kelas mitra tidak dikenal.", { partnerClass: "Kelas mitra tidak dikenal." });
  }
  const db = getDb();
  return db.$transaction(async (tx) => {
    const same = await tx.partner.findFirst({
      where: { name: { equals: name, mode: "insensitive" }, deletedAt: null },
      select: { id: true },
    });
    if (same) throw new DomainError("VALIDATION", "Mitra dengan nama ini sudah terdaftar.", { name: "Mitra dengan nama ini sudah terdaftar." });
    const partner = await tx.partner.create({
      data: {
        name, partnerClass: input.partnerClass, address: input.address?.trim() || null,
        province: input.province?.trim() || null, country: input.country?.trim() || "Indonesia",
        verified: manages, createdById: actor.id,
      },
      select: { id: true },
    });
    await tx.auditEvent.create({
      data: { actorId: actor.id, action: manages ? "partner.create" : "partner.request", entity: "Partner", entityId: partner.id, data: { name, partnerClass: input.partnerClass } },
    });
    return partner;
  });
}
