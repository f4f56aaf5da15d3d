// Reporting periods of an agreement in force and the status of each period (domain §6). Pure: no
// I/O and no clock — callers pass `now`, and "today" is the calendar date in the region's zone
// (lib/dates.ts). Reused by the report pages, the case page's timeline and (issue 8) reminders and
// the dashboard's "Tanpa Laporan" flag.
//
// The rules, as the office reads them:
// - Periods follow the monev setting (BULANAN, TRIWULAN — the default —, SEMESTER, TAHUNAN) on the
//   CALENDAR: Triwulan I is January–March, as in the APBD's own realisation reports, so Bagian Kerja
//   Sama receives every OPD's "Triwulan III 2026" in the same weeks. The first period starts on the
//   agreement's start date, the last ends on its end date.
// - A piece shorter than half of its calendar period at either end (an agreement starting on
//   25 September, or ending on 5 January) is not a period of its own: it joins its neighbour, and
//   the joined period is named after the calendar period holding most of its days.
// - A periodic report is due from the last day of its period and late after `monevGraceDays` days
//   (default 10: "paling lambat tanggal 10 bulan berikutnya"). It may be drafted once its period has
//   begun and sent from its last day on.
// - The final report (laporan akhir) covers the whole agreement; it is due from the agreement's last
//   day and late after `monevFinalReportDays` days (default 30).
// - An archive agreement (Kerja Sama Arsip, registered after the fact) is reported from the period in
//   which it was registered: earlier periods are not asked for (`from`).
import { addDaysToDate, isoDate, todayInZone } from "@/lib/dates";
import type { ReportStatus } from "@/lib/generated/prisma/enums";
import type { MonevPeriod, Settings } from "@/lib/settings/defaults";

export type { MonevPeriod };

export const PERIOD_MONTHS: Record<MonevPeriod, number> = { BULANAN: 1, TRIWULAN: 3, SEMESTER: 6, TAHUNAN: 12 };

export const MONEV_PERIOD_LABELS: Record<MonevPeriod, string> = {
  BULANAN: "Bulanan", TRIWULAN: "Triwulanan", SEMESTER: "Semesteran", TAHUNAN: "Tahunan",
};

/** "setiap triwulan", "setiap bulan" … */
export const MONEV_PERIOD_NOUNS: Record<MonevPeriod, string> = {
  BULANAN: "bulan", TRIWULAN: "triwulan", SEMESTER: "semester", TAHUNAN: "tahun",
};

const BULAN = [
  "Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember",
] as const;
const ROMAN = ["I", "II", "III", "IV"] as const;

/** The URL segment and key of the final report (periodic periods use their start date, YYYY-MM-DD). */
export const FINAL_KEY = "akhir";
export const FINAL_LABEL = "Laporan Akhir";

export type ReportingPeriod = {
  /** Stable key: the start date (YYYY-MM-DD) of a periodic period, or "akhir". */
  key: string;
  /** 1, 2, … in the agreement's order (the final report: number of periods + 1). */
  index: number;
  /** Date-only values (UTC midnight), both inclusive. */
  start: Date;
  end: Date;
  /** "Triwulan III 2026", "Semester I 2027", "Maret 2026", "Tahun 2026", "Laporan Akhir". */
  label: string;
  isFinal: boolean;
  /** First day its report may be written: the period's start; for the final report, the start of the last period. */
  opensOn: Date;
};

/** The dates of an agreement that reporting needs (date-only values). */
export type ReportingAgreement = { startDate: Date | null; endDate: Date | null };

export type PeriodRules = Pick<Settings, "monevPeriod" | "monevGraceDays" | "monevFinalReportDays"> & {
  region: { timeZone: string };
};

// ── calendar blocks ──────────────────────────────────────────────────────────────────────────
const monthIndex = (d: Date) => d.getUTCFullYear() * 12 + d.getUTCMonth();
const utc = (month: number, day: number) => new Date(Date.UTC(Math.floor(month / 12), month % 12, day));
const DAY_MS = 86_400_000;
const daysBetween = (a: Date, b: Date) => Math.round((b.getTime() - a.getTime()) / DAY_MS) + 1;

type Block = { first: number; start: Date; end: Date };

/** The calendar period of `kind` containing the month `month` (months counted from year 0). */
function blockOf(month: number, kind: MonevPeriod): Block {
  const n = PERIOD_MONTHS[kind];
  const first = Math.floor(month / n) * n;
  return { first, start: utc(first, 1), end: utc(first + n, 0) };
}

function blockLabel(block: Block, kind: MonevPeriod): string {
  const year = Math.floor(block.first / 12);
  const month = block.first % 12;
  switch (kind) {
    case "BULANAN": return `${BULAN[month]} ${year}`;
    case "TRIWULAN": return `Triwulan ${ROMAN[month / 3]} ${year}`;
    case "SEMESTER": return `Semester ${ROMAN[month / 6]} ${year}`;
    case "TAHUNAN": return `Tahun ${year}`;
  }
}

type Piece = { start: Date; end: Date; label: string; days: number; full: number };

function join(a: Piece, b: Piece): Piece {
  // Named after the calendar period holding most of the days (the later one on a tie).
  const label = a.days > b.days ? a.label : b.label;
  return { start: a.start, end: b.end, label, days: a.days + b.days, full: a.full + b.full };
}

const isStub = (p: Piece) => p.days * 2 < p.full;

export type PeriodOptions = {
  /** Archive agreements: periods ending before this date are not asked for. */
  from?: Date | null;
  /** Without an end date the periods run up to the one containing this date (default: none at all). */
  openEndedUntil?: Date | null;
};

/**
 * The periodic reporting periods of an agreement, in order. No start date → none. Without an end
 * date, the periods up to the one containing `openEndedUntil`.
 */
export function reportingPeriods(agreement: ReportingAgreement, kind: MonevPeriod, options: PeriodOptions = {}): ReportingPeriod[] {
  const start = agreement.startDate;
  const end = agreement.endDate ?? (options.openEndedUntil ? blockOf(monthIndex(options.openEndedUntil), kind).end : null);
  if (!start || !end || isoDate(end) < isoDate(start)) return [];
  const pieces: Piece[] = [];
  for (let m = blockOf(monthIndex(start), kind).first; m <= monthIndex(end); m += PERIOD_MONTHS[kind]) {
    const block = blockOf(m, kind);
    const s = isoDate(block.start) < isoDate(start) ? start : block.start;
    const e = isoDate(block.end) > isoDate(end) ? end : block.end;
    pieces.push({ start: s, end: e, label: blockLabel(block, kind), days: daysBetween(s, e), full: daysBetween(block.start, block.end) });
  }
  if (pieces.length > 1 && isStub(pieces[0])) pieces.splice(0, 2, join(pieces[0], pieces[1]));
  if (pieces.length > 1 && isStub(pieces[pieces.length - 1])) pieces.splice(-2, 2, join(pieces[pieces.length - 2], pieces[pieces.length - 1]));
  const from = options.from ? isoDate(options.from) : null;
  return pieces
    .map((p, i) => ({ key: isoDate(p.start), index: i + 1, start: p.start, end: p.end, label: p.label, isFinal: false, opensOn: p.start }))
    .filter((p) => from === null || isoDate(p.end) >= from);
}

/**
 * The last periodic period whose end has come by `today` — reportingPeriods(…).findLast(end ≤ today)
 * without `index` (left 0) — computed over the blocks around today only: the pieces of a long
 * agreement before three blocks back and after two blocks ahead cannot change it (a stub is joined
 * only to its one neighbour). An agreement already past its end date takes the whole computation.
 * The reminder sweep asks this of every agreement in force (100k: one short list each, not 20–40
 * periods each); a unit test compares it with the whole computation.
 */
export function latestPeriodEndedBy(
  agreement: ReportingAgreement, kind: MonevPeriod, today: Date, options: PeriodOptions = {},
): ReportingPeriod | null {
  const day = isoDate(today);
  const n = PERIOD_MONTHS[kind];
  const t = monthIndex(today);
  const lo = blockOf(t - 3 * n, kind);
  const hi = blockOf(t + 2 * n, kind);
  const { startDate, endDate } = agreement;
  const ended = endDate !== null && isoDate(endDate) < day;
  const windowed: ReportingAgreement = ended
    ? agreement
    : {
        startDate: startDate && isoDate(startDate) < isoDate(lo.start) ? lo.start : startDate,
        endDate: endDate && isoDate(endDate) > isoDate(hi.end) ? hi.end : endDate,
      };
  const found = reportingPeriods(windowed, kind, options).findLast((p) => isoDate(p.end) <= day);
  return found ? { ...found, index: ended ? found.index : 0 } : null;
}

/**
 * The final report's period: the whole agreement (null without both dates). It may be written from
 * the start of the agreement's last periodic period on.
 */
export function finalPeriod(agreement: ReportingAgreement, periodic: readonly ReportingPeriod[]): ReportingPeriod | null {
  const { startDate, endDate } = agreement;
  if (!startDate || !endDate) return null;
  const last = periodic.at(-1);
  return {
    key: FINAL_KEY, index: (last?.index ?? 0) + 1, start: startDate, end: endDate, label: FINAL_LABEL, isFinal: true,
    opensOn: last?.start ?? startDate,
  };
}

// ── status per period ────────────────────────────────────────────────────────────────────────
export type PeriodStatus = "BELUM_JATUH_TEMPO" | "JATUH_TEMPO" | "TERLAMBAT" | "DIKIRIM" | "DITINJAU" | "DIKEMBALIKAN";

export const PERIOD_STATUS_LABELS: Record<PeriodStatus, string> = {
  BELUM_JATUH_TEMPO: "Belum jatuh tempo",
  JATUH_TEMPO: "Jatuh tempo",
  TERLAMBAT: "Terlambat",
  DIKIRIM: "Dikirim",
  DITINJAU: "Ditinjau",
  DIKEMBALIKAN: "Dikembalikan",
};

/** Statuses that ask the OPD to act (the "laporan jatuh tempo" list and the home tile). */
export const DUE_STATUSES: readonly PeriodStatus[] = ["JATUH_TEMPO", "TERLAMBAT", "DIKEMBALIKAN"];

/** First day the report is due (the period's last day) and the last day it is on time. */
export function dueWindow(period: ReportingPeriod, rules: Pick<PeriodRules, "monevGraceDays" | "monevFinalReportDays">) {
  const grace = period.isFinal ? rules.monevFinalReportDays : rules.monevGraceDays;
  return { dueFrom: period.end, dueBy: addDaysToDate(period.end, grace) };
}

/**
 * The status of one period on `today` (a date-only value in the region's zone): a report that was
 * sent decides it (DIKIRIM, DITINJAU, DIKEMBALIKAN); a draft or no report at all leaves it to the
 * calendar (belum jatuh tempo before the period's last day, jatuh tempo within the grace days,
 * terlambat after them).
 */
export function statusOn(
  period: ReportingPeriod,
  report: { status: ReportStatus } | null | undefined,
  today: Date,
  rules: Pick<PeriodRules, "monevGraceDays" | "monevFinalReportDays">,
): PeriodStatus {
  switch (report?.status) {
    case "DIAJUKAN": return "DIKIRIM";
    case "DITINJAU": return "DITINJAU";
    case "DIKEMBALIKAN": return "DIKEMBALIKAN";
    default: break;
  }
  const { dueFrom, dueBy } = dueWindow(period, rules);
  const day = isoDate(today);
  if (day < isoDate(dueFrom)) return "BELUM_JATUH_TEMPO";
  return day <= isoDate(dueBy) ? "JATUH_TEMPO" : "TERLAMBAT";
}

/** The same at an instant: "today" is the calendar date of `now` in the region's zone. */
export function statusAt(period: ReportingPeriod, report: { status: ReportStatus } | null | undefined, now: Date, rules: PeriodRules): PeriodStatus {
  return statusOn(period, report, todayInZone(now, rules.region.timeZone), rules);
}

/** A report of this period may be written (saved as a draft) once the period has begun (the final report: its last period). */
export function mayDraftOn(period: ReportingPeriod, today: Date): boolean {
  return isoDate(today) >= isoDate(period.opensOn);
}

/** A report of this period may be sent from the period's last day on (the final report: the agreement's last day). */
export function maySendOn(period: ReportingPeriod, today: Date): boolean {
  return isoDate(today) >= isoDate(period.end);
}

// ── the timeline of one agreement ────────────────────────────────────────────────────────────
export type ReportRef = { periodStart: Date; isFinal: boolean; status: ReportStatus };

export type TimelineEntry<R extends ReportRef = ReportRef> = {
  period: ReportingPeriod;
  status: PeriodStatus;
  dueFrom: Date;
  dueBy: Date;
  report: R | null;
  /** A saved draft exists (not sent yet). */
  draft: boolean;
};

/** Where a report belongs: its period's key. */
export const reportKey = (r: Pick<ReportRef, "periodStart" | "isFinal">) => (r.isFinal ? FINAL_KEY : isoDate(r.periodStart));

export type TimelineInput<R extends ReportRef> = {
  agreement: ReportingAgreement;
  reports: readonly R[];
  today: Date;
  rules: Omit<PeriodRules, "region">;
  /** Archive agreements: reported from their registration on (see reportingPeriods). */
  from?: Date | null;
  /** The final report is asked for when the agreement runs to its end (not after a pengakhiran). */
  includeFinal: boolean;
};

/**
 * Every period of the agreement with its status on `today`, the final report last. A report whose
 * period is no longer one of the computed ones (the monev setting changed since) keeps its own entry,
 * so nothing sent ever disappears from the timeline.
 */
export function buildTimeline<R extends ReportRef & { periodEnd: Date; periodLabel: string }>(input: TimelineInput<R>): TimelineEntry<R>[] {
  const periodic = reportingPeriods(input.agreement, input.rules.monevPeriod, { from: input.from, openEndedUntil: input.today });
  const final = input.includeFinal ? finalPeriod(input.agreement, periodic) : null;
  const periods = final ? [...periodic, final] : periodic;
  const byKey = new Map(input.reports.map((r) => [reportKey(r), r]));
  const keys = new Set(periods.map((p) => p.key));
  const orphans: ReportingPeriod[] = input.reports
    .filter((r) => !keys.has(reportKey(r)) && r.status !== "DRAF")
    .map((r) => ({ key: reportKey(r), index: 0, start: r.periodStart, end: r.periodEnd, label: r.periodLabel, isFinal: r.isFinal, opensOn: r.periodStart }));
  const all = [...periods, ...orphans].sort((a, b) =>
    a.isFinal !== b.isFinal ? (a.isFinal ? 1 : -1) : isoDate(a.start).localeCompare(isoDate(b.start)));
  return all.map((period) => {
    const report = byKey.get(period.key) ?? null;
    return {
      period,
      status: statusOn(period, report, input.today, input.rules),
      ...dueWindow(period, input.rules),
      report,
      draft: report?.status === "DRAF",
    };
  });
}

/** Counts per status (for a summary line, the home tile, and later the dashboard). */
export function countByStatus(entries: readonly { status: PeriodStatus }[]): Record<PeriodStatus, number> {
  const counts: Record<PeriodStatus, number> = {
    BELUM_JATUH_TEMPO: 0, JATUH_TEMPO: 0, TERLAMBAT: 0, DIKIRIM: 0, DITINJAU: 0, DIKEMBALIKAN: 0,
  };
  for (const e of entries) counts[e.status] += 1;
  return counts;
}

/** The period a URL segment names ("2026-04-01" or "akhir") among an agreement's periods, else null. */
export function findPeriod(periods: readonly ReportingPeriod[], key: string): ReportingPeriod | null {
  return periods.find((p) => p.key === key) ?? null;
}
