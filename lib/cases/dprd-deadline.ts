import { addDaysToDate, isoDate, todayInZone } from "@/lib/dates";
import type { Stage } from "@/lib/generated/prisma/enums";

/*
 * The DPRD's answer deadline (settings.dprdResponseDays, domain §4.3 [C]): none by default. When the
 * region sets one, a case waiting for the DPRD shows the date and whether it has passed. It is a
 * flag for Bagian Kerja Sama only: a passed deadline never approves anything (no approval by lapse;
 * a person records any "dianggap disetujui" with its basis).
 */

const DPRD_STAGES: readonly Stage[] = ["PERSETUJUAN_DPRD", "ADENDUM_DPRD"];

export type DprdDeadline = { due: Date; passed: boolean };

export function dprdDeadline(
  c: { stage: Stage; stageEnteredAt: Date },
  days: number | null,
  now: Date,
  timeZone: string,
): DprdDeadline | null {
  if (days === null || !DPRD_STAGES.includes(c.stage)) return null;
  const due = addDaysToDate(todayInZone(c.stageEnteredAt, timeZone), days);
  return { due, passed: isoDate(todayInZone(now, timeZone)) > isoDate(due) };
}
