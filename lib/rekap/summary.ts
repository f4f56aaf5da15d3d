import "server-only";
import type { PolicyUser } from "@/lib/auth/policy";
import { getDb } from "@/lib/db";
import { registerRow } from "@/lib/register/queries";
import type { WhereContext } from "@/lib/register/sql";
import { enrichBatch, type RekapRow } from "./query";

/*
 * The facts of one agreement for the one-page "Ringkasan Kerja Sama": its rekap row (so the page
 * and the rekap can never disagree) plus the naskah's maksud/tujuan, place of signing and the
 * partner's signatory. Scoped by the register: a case outside the actor's register is null (404).
 */
export type Ringkasan = RekapRow & {
  purpose: string | null;
  benefits: string | null;
  partnerAddress: string | null;
  signedPlace: string | null;
  partnerSignerName: string | null;
  partnerSignerPosition: string | null;
};

export async function loadRingkasan(actor: PolicyUser, caseId: string, context: WhereContext): Promise<Ringkasan | null> {
  const row = await registerRow(actor, caseId, context);
  if (!row) return null;
  const db = getDb();
  const [[rekap], extra, main] = await Promise.all([
    enrichBatch([row]),
    db.case.findUniqueOrThrow({ where: { id: caseId }, select: { purpose: true, benefits: true, partner: { select: { address: true } } } }),
    row.mainAgreementId
      ? db.agreement.findUnique({
          where: { id: row.mainAgreementId },
          select: { signedPlace: true, partnerSignerName: true, partnerSignerPosition: true },
        })
      : null,
  ]);
  return {
    ...rekap,
    purpose: extra.purpose,
    benefits: extra.benefits,
    partnerAddress: extra.partner?.address ?? null,
    signedPlace: main?.signedPlace ?? null,
    partnerSignerName: main?.partnerSignerName ?? null,
    partnerSignerPosition: main?.partnerSignerPosition ?? null,
  };
}
