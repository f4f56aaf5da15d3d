// Whether a naskah may legally bind today (domain §4.1). Pure: the caller passes "today" (a
// date-only value in the region's zone, lib/dates.ts todayInZone).
import { isoDate } from "@/lib/dates";
import type { AgreementStatus } from "@/lib/generated/prisma/enums";

/**
 * The stored status refined by the calendar: a signed naskah whose start date is still ahead is
 * BELUM_BERLAKU; one whose end date has passed is BERAKHIR even before the daily job records it.
 */
export type AgreementState = AgreementStatus | "BELUM_BERLAKU";

export type DatedAgreement = { status: AgreementStatus; startDate: Date | null; endDate: Date | null };

export function agreementState(a: DatedAgreement, today: Date): AgreementState {
  if (a.status !== "BERLAKU") return a.status;
  const day = isoDate(today);
  if (a.startDate && isoDate(a.startDate) > day) return "BELUM_BERLAKU";
  if (a.endDate && isoDate(a.endDate) < day) return "BERAKHIR";
  return "BERLAKU";
}

export function isInForce(a: DatedAgreement, today: Date): boolean {
  return agreementState(a, today) === "BERLAKU";
}

export const AGREEMENT_STATE_LABELS: Record<AgreementState, string> = {
  DRAF: "Draf",
  MENUNGGU_DPRD: "Ditandatangani — menunggu persetujuan DPRD",
  BELUM_BERLAKU: "Ditandatangani — belum berlaku",
  BERLAKU: "Berlaku",
  BERAKHIR: "Berakhir",
  DIAKHIRI: "Diakhiri",
  DIGANTI: "Diganti",
  DITOLAK_DPRD: "Tidak berlaku — ditolak DPRD",
  BATAL: "Batal — tidak pernah berlaku",
};
