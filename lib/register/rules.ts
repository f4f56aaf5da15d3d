// Rules of the register shared by pages and services (house-style.md "One source"). Pure.
import { can, type PolicyUser } from "@/lib/auth/policy";
import type { AgreementStatus, Stage } from "@/lib/generated/prisma/enums";

/** A case whose main naskah has been signed (the register summary's main status is past DRAF). */
export function isSigned(mainStatus: AgreementStatus | null): boolean {
  return mainStatus !== null && mainStatus !== "DRAF";
}

/**
 * Where a register row leads: the agreement page once a naskah is signed, the usulan page before;
 * null when the user may list the row but not open the case (a TKKSD member sees every concluded
 * agreement in the register, but opens only cases under review — policy `case.read`).
 */
export function registerRowHref(
  user: PolicyUser, row: { id: string; opdId: string; stage: Stage; mainStatus: AgreementStatus | null },
): string | null {
  if (!can(user, "case.read", { opdId: row.opdId, stage: row.stage })) return null;
  const id = encodeURIComponent(row.id);
  return isSigned(row.mainStatus) ? `/kerja-sama/${id}` : `/usulan/${id}`;
}
