// Who sees and who may pick which partner (issue 7 §2). Pure: Prisma WHERE inputs from can().
//
// A partner an OPD requested from the proposal form (verified = false) waits for Bagian Kerja Sama:
// until then only the requesting OPD sees it and may pick it in its own proposals; Bagian KS sees
// it to confirm, edit or merge it. A merged partner (deletedAt, mergedIntoId) is gone for everyone.
import type { Prisma } from "@/lib/generated/prisma/client";
import { can, type PolicyUser } from "@/lib/auth/policy";

type Actor = PolicyUser & { id: string };

/** Partners the actor may see in /mitra and open (partner.read). */
export function partnerVisibleWhere(actor: Actor): Prisma.PartnerWhereInput {
  if (!can(actor, "partner.read")) return { id: { in: [] } };
  if (can(actor, "partner.manage")) return { deletedAt: null };
  return { deletedAt: null, OR: [{ verified: true }, ...(actor.opdId ? [{ requestedByOpdId: actor.opdId }] : [])] };
}

/**
 * Partners the proposal form offers and the draft services accept: confirmed ones, plus the
 * actor's OPD's own requests (and the actor's own, for a user without an OPD). Bagian KS confirms a
 * request before using it.
 */
export function partnerChoiceWhere(actor: Actor): Prisma.PartnerWhereInput {
  return {
    deletedAt: null,
    OR: [
      { verified: true },
      ...(actor.opdId ? [{ requestedByOpdId: actor.opdId }] : []),
      { createdById: actor.id },
    ],
  };
}
