import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isoDate } from "@/lib/dates";
import { DEFAULT_SETTINGS } from "@/lib/settings/defaults";
import {
  buildTimeline, countByStatus, dueWindow, finalPeriod, latestPeriodEndedBy, mayDraftOn, maySendOn, reportingPeriods, statusAt, statusOn,
  type MonevPeriod, type PeriodRules, type ReportingPeriod,
} from "@/lib/reports/periods";

/*
 * lib/reports/periods.ts: calendar periods from the agreement's start to its end, short pieces at
 * either end joined to their neighbour, and the status of a period on a day in the region's zone.
 * Each test names the rule it tries to break.
 */

const d = (iso: string) => new Date(`${iso}T00:00:00.000Z`);
const span = (p: ReportingPeriod) => `${isoDate(p.start)}..${isoDate(p.end)} ${p.label}`;
const periods = (start: string, end: string, kind: MonevPeriod = "TRIWULAN", from?: string) =>
  reportingPeriods({ startDate: d(start), endDate: d(end) }, kind, { from: from ? d(from) : null }).map(span);

const RULES: PeriodRules = {
  monevPeriod: "TRIWULAN", monevGraceDays: 10, monevFinalReportDays: 30, region: { timeZone: "Asia/Jakarta" },
};
const tw = (start: string, end: string) => reportingPeriods({ startDate: d(start), endDate: d(end) }, "TRIWULAN");

describe("periods on the calendar, from the start date to the end date", () => {
  it("a calendar year by triwulan: Triwulan I–IV ending on 31 March, 30 June, 30 September, 31 December", () => {
    expect(periods("2026-01-01", "2026-12-31")).toEqual([
      "2026-01-01..2026-03-31 Triwulan I 2026",
      "2026-04-01..2026-06-30 Triwulan II 2026",
      "2026-07-01..2026-09-30 Triwulan III 2026",
      "2026-10-01..2026-12-31 Triwulan IV 2026",
    ]);
  });

  it("starting mid-month: the first period starts on the start date (half a triwulan or more stays a period)", () => {
    // Triwulan I 2026 has 90 days; 15 February – 31 March is 45 of them: exactly half, kept.
    expect(periods("2026-02-15", "2026-09-30")[0]).toBe("2026-02-15..2026-03-31 Triwulan I 2026");
  });

  it("a piece shorter than half of its period at the start joins the next period and takes its name", () => {
    // 16 February – 31 March is 44 of 90 days.
    expect(periods("2026-02-16", "2026-09-30")).toEqual([
      "2026-02-16..2026-06-30 Triwulan II 2026",
      "2026-07-01..2026-09-30 Triwulan III 2026",
    ]);
    // Signed at the end of September: no 6-day report.
    expect(periods("2026-09-25", "2027-03-31")[0]).toBe("2026-09-25..2026-12-31 Triwulan IV 2026");
  });

  it("ending mid-period: the last period ends on the end date; a short last piece joins the previous period", () => {
    // 1 October – 15 November is 46 of 92 days: kept.
    expect(periods("2026-01-01", "2026-11-15").at(-1)).toBe("2026-10-01..2026-11-15 Triwulan IV 2026");
    // Ending 5 January: the 5 days join Triwulan IV.
    expect(periods("2026-01-01", "2027-01-05").at(-1)).toBe("2026-10-01..2027-01-05 Triwulan IV 2026");
    // A typical "five years less a day" PKS from 2 February: the stub at each end is handled.
    const five = periods("2026-02-02", "2031-02-01");
    expect(five[0]).toBe("2026-02-02..2026-03-31 Triwulan I 2026");
    expect(five.at(-1)).toBe("2030-10-01..2031-02-01 Triwulan IV 2030");
    expect(five).toHaveLength(20);
  });

  it("an agreement shorter than one period is one period; two short pieces become one", () => {
    expect(periods("2026-02-01", "2026-02-28")).toEqual(["2026-02-01..2026-02-28 Triwulan I 2026"]);
    expect(periods("2026-03-25", "2026-04-10")).toEqual(["2026-03-25..2026-04-10 Triwulan II 2026"]);
  });

  it("month ends and leap years (bulanan): February has 28 or 29 days, a 1-day January piece joins February", () => {
    expect(periods("2028-01-01", "2028-03-31", "BULANAN")).toEqual([
      "2028-01-01..2028-01-31 Januari 2028",
      "2028-02-01..2028-02-29 Februari 2028",
      "2028-03-01..2028-03-31 Maret 2028",
    ]);
    expect(periods("2027-02-01", "2027-02-28", "BULANAN")).toEqual(["2027-02-01..2027-02-28 Februari 2027"]);
    expect(periods("2028-01-31", "2028-03-31", "BULANAN")[0]).toBe("2028-01-31..2028-02-29 Februari 2028");
    // 14 of 29 days is less than half of February 2028; 15 of 29 is not.
    expect(periods("2028-01-01", "2028-02-14", "BULANAN").at(-1)).toBe("2028-01-01..2028-02-14 Januari 2028");
    expect(periods("2028-01-01", "2028-02-15", "BULANAN").at(-1)).toBe("2028-02-01..2028-02-15 Februari 2028");
  });

  it("semester and tahunan follow the calendar too (a leap year's first semester is 182 days)", () => {
    expect(periods("2028-01-01", "2029-12-31", "SEMESTER")).toEqual([
      "2028-01-01..2028-06-30 Semester I 2028",
      "2028-07-01..2028-12-31 Semester II 2028",
      "2029-01-01..2029-06-30 Semester I 2029",
      "2029-07-01..2029-12-31 Semester II 2029",
    ]);
    // 30 March – 30 June 2028 = 93 of 182 days: half or more, kept.
    expect(periods("2028-03-30", "2028-12-31", "SEMESTER")[0]).toBe("2028-03-30..2028-06-30 Semester I 2028");
    // 1 April – 30 June is 91 of 182 days (exactly half, kept); from 2 April it is 90: joined.
    expect(periods("2028-04-01", "2028-12-31", "SEMESTER")[0]).toBe("2028-04-01..2028-06-30 Semester I 2028");
    expect(periods("2028-04-02", "2028-12-31", "SEMESTER")[0]).toBe("2028-04-02..2028-12-31 Semester II 2028");
    expect(periods("2026-03-01", "2028-02-29", "TAHUNAN")).toEqual([
      "2026-03-01..2026-12-31 Tahun 2026",
      "2027-01-01..2028-02-29 Tahun 2027",
    ]);
  });

  it("keys are the start dates and indexes count from 1", () => {
    const list = tw("2026-02-02", "2026-12-31");
    expect(list.map((p) => [p.key, p.index])).toEqual([["2026-02-02", 1], ["2026-04-01", 2], ["2026-07-01", 3], ["2026-10-01", 4]]);
  });

  it("no start date, no end date, or an end before the start → no periods; open-ended runs up to today's period", () => {
    expect(reportingPeriods({ startDate: null, endDate: d("2027-01-01") }, "TRIWULAN")).toEqual([]);
    expect(reportingPeriods({ startDate: d("2026-01-01"), endDate: null }, "TRIWULAN")).toEqual([]);
    expect(reportingPeriods({ startDate: d("2026-05-01"), endDate: d("2026-04-30") }, "TRIWULAN")).toEqual([]);
    const open = reportingPeriods({ startDate: d("2026-01-01"), endDate: null }, "TRIWULAN", { openEndedUntil: d("2026-08-15") });
    expect(open.map((p) => p.label)).toEqual(["Triwulan I 2026", "Triwulan II 2026", "Triwulan III 2026"]);
  });

  it("an archive agreement is reported from the period it was registered in", () => {
    expect(periods("2023-01-01", "2027-12-31", "TRIWULAN", "2026-11-20").slice(0, 2)).toEqual([
      "2026-10-01..2026-12-31 Triwulan IV 2026",
      "2027-01-01..2027-03-31 Triwulan I 2027",
    ]);
    expect(tw("2023-01-01", "2027-12-31").find((p) => p.label === "Triwulan IV 2026")?.index).toBe(16);
  });

  it("property: the periods tile the agreement exactly — contiguous, no gap, no overlap, at most two calendar periods each", () => {
    const day = fc.integer({ min: 0, max: 3650 }).map((n) => new Date(Date.UTC(2024, 0, 1 + n)));
    const kind = fc.constantFrom<MonevPeriod>("BULANAN", "TRIWULAN", "SEMESTER", "TAHUNAN");
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 2200 }), kind, (start, length, k) => {
        const end = new Date(start.getTime() + length * 86_400_000);
        const list = reportingPeriods({ startDate: start, endDate: end }, k);
        expect(list.length).toBeGreaterThan(0);
        expect(isoDate(list[0].start)).toBe(isoDate(start));
        expect(isoDate(list.at(-1)!.end)).toBe(isoDate(end));
        for (let i = 0; i < list.length; i++) {
          expect(isoDate(list[i].start) <= isoDate(list[i].end)).toBe(true);
          if (i > 0) expect(list[i].start.getTime() - list[i - 1].end.getTime()).toBe(86_400_000);
          const days = (list[i].end.getTime() - list[i].start.getTime()) / 86_400_000 + 1;
          expect(days).toBeLessThan(31 * 2 * ({ BULANAN: 1, TRIWULAN: 3, SEMESTER: 6, TAHUNAN: 12 })[k]);
        }
        expect(new Set(list.map((p) => p.key)).size).toBe(list.length);
      }),
      { numRuns: 400 },
    );
  });
});

describe("the last period ended by a day (the reminder sweep), computed around that day only", () => {
  it("property: equals the whole computation's last period ending by that day — key, dates, label — for any agreement, day, kind and archive start", () => {
    const day = fc.integer({ min: 0, max: 4000 }).map((n) => new Date(Date.UTC(2022, 0, 1 + n)));
    const kind = fc.constantFrom<MonevPeriod>("BULANAN", "TRIWULAN", "SEMESTER", "TAHUNAN");
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 3700 }), fc.integer({ min: -400, max: 4000 }), kind, fc.option(fc.integer({ min: 0, max: 3000 })), fc.boolean(),
        (start, length, offset, k, fromDays, openEnded) => {
          const end = openEnded ? null : new Date(start.getTime() + length * 86_400_000);
          const today = new Date(start.getTime() + offset * 86_400_000);
          const from = fromDays === null ? null : new Date(start.getTime() + fromDays * 86_400_000);
          const options = { from, openEndedUntil: today };
          const whole = reportingPeriods({ startDate: start, endDate: end }, k, options).findLast((p) => isoDate(p.end) <= isoDate(today));
          const near = latestPeriodEndedBy({ startDate: start, endDate: end }, k, today, options);
          const view = (p: ReportingPeriod | null | undefined) => (p ? { key: p.key, span: span(p), isFinal: p.isFinal } : null);
          expect(view(near)).toEqual(view(whole));
        }),
      { numRuns: 3000 },
    );
  });
});

describe("status of a period on a day", () => {
  const q1 = tw("2026-01-01", "2026-12-31")[0]; // ends 31 March 2026
  const on = (iso: string, report?: { status: "DRAF" | "DIAJUKAN" | "DITINJAU" | "DIKEMBALIKAN" }) => statusOn(q1, report, d(iso), RULES);

  it("belum jatuh tempo before the period's last day, jatuh tempo from it for 10 days, terlambat after", () => {
    expect(on("2026-02-15")).toBe("BELUM_JATUH_TEMPO");
    expect(on("2026-03-30")).toBe("BELUM_JATUH_TEMPO");
    expect(on("2026-03-31")).toBe("JATUH_TEMPO");
    expect(on("2026-04-10")).toBe("JATUH_TEMPO");
    expect(on("2026-04-11")).toBe("TERLAMBAT");
    expect(dueWindow(q1, RULES)).toEqual({ dueFrom: d("2026-03-31"), dueBy: d("2026-04-10") });
  });

  it("a draft does not count as sent; a sent, reviewed or returned report decides the status whatever the date", () => {
    expect(on("2026-04-20", { status: "DRAF" })).toBe("TERLAMBAT");
    expect(on("2026-04-20", { status: "DIAJUKAN" })).toBe("DIKIRIM");
    expect(on("2026-03-01", { status: "DIAJUKAN" })).toBe("DIKIRIM");
    expect(on("2026-04-20", { status: "DITINJAU" })).toBe("DITINJAU");
    expect(on("2026-04-20", { status: "DIKEMBALIKAN" })).toBe("DIKEMBALIKAN");
  });

  it("the grace days are a setting (0: late the day after the period's last day)", () => {
    const strict = { ...RULES, monevGraceDays: 0 };
    expect(statusOn(q1, null, d("2026-03-31"), strict)).toBe("JATUH_TEMPO");
    expect(statusOn(q1, null, d("2026-04-01"), strict)).toBe("TERLAMBAT");
  });

  it("the final report is due from the agreement's last day and late after 30 days", () => {
    const year = { startDate: d("2026-01-01"), endDate: d("2026-12-31") };
    const final = finalPeriod(year, reportingPeriods(year, "TRIWULAN"))!;
    expect(final).toMatchObject({ key: "akhir", index: 5, isFinal: true, label: "Laporan Akhir", opensOn: d("2026-10-01") });
    // Written during the last period, not from the first day of the agreement.
    expect(mayDraftOn(final, d("2026-09-30"))).toBe(false);
    expect(mayDraftOn(final, d("2026-10-01"))).toBe(true);
    expect(maySendOn(final, d("2026-12-30"))).toBe(false);
    expect(maySendOn(final, d("2026-12-31"))).toBe(true);
    expect(statusOn(final, null, d("2026-12-30"), RULES)).toBe("BELUM_JATUH_TEMPO");
    expect(statusOn(final, null, d("2026-12-31"), RULES)).toBe("JATUH_TEMPO");
    expect(statusOn(final, null, d("2027-01-30"), RULES)).toBe("JATUH_TEMPO");
    expect(statusOn(final, null, d("2027-01-31"), RULES)).toBe("TERLAMBAT");
  });

  it("'today' is decided in the region's zone: WIB, WITA and WIT at midnight", () => {
    const wib = RULES;
    const wita = { ...RULES, region: { timeZone: "Asia/Makassar" } };
    const wit = { ...RULES, region: { timeZone: "Asia/Jayapura" } };
    // 31 March 00:00 local = 30 March 17:00 UTC (WIB), 16:00 (WITA), 15:00 (WIT).
    expect(statusAt(q1, null, new Date("2026-03-30T16:59:59Z"), wib)).toBe("BELUM_JATUH_TEMPO");
    expect(statusAt(q1, null, new Date("2026-03-30T17:00:00Z"), wib)).toBe("JATUH_TEMPO");
    expect(statusAt(q1, null, new Date("2026-03-30T15:59:59Z"), wita)).toBe("BELUM_JATUH_TEMPO");
    expect(statusAt(q1, null, new Date("2026-03-30T16:00:00Z"), wita)).toBe("JATUH_TEMPO");
    expect(statusAt(q1, null, new Date("2026-03-30T14:59:59Z"), wit)).toBe("BELUM_JATUH_TEMPO");
    expect(statusAt(q1, null, new Date("2026-03-30T15:00:00Z"), wit)).toBe("JATUH_TEMPO");
    // The same instant is on time in Jakarta and late in Jayapura (11 April has begun there).
    const instant = new Date("2026-04-10T16:30:00Z");
    expect(statusAt(q1, null, instant, wib)).toBe("JATUH_TEMPO");
    expect(statusAt(q1, null, instant, wita)).toBe("TERLAMBAT");
    expect(statusAt(q1, null, instant, wit)).toBe("TERLAMBAT");
  });

  it("a report may be drafted once its period has begun and sent from its last day", () => {
    const q2 = tw("2026-01-01", "2026-12-31")[1]; // 1 April – 30 June
    expect(mayDraftOn(q2, d("2026-03-31"))).toBe(false);
    expect(mayDraftOn(q2, d("2026-04-01"))).toBe(true);
    expect(maySendOn(q2, d("2026-06-29"))).toBe(false);
    expect(maySendOn(q2, d("2026-06-30"))).toBe(true);
  });
});

describe("the timeline of one agreement", () => {
  const agreement = { startDate: d("2026-01-01"), endDate: d("2026-12-31") };
  const report = (periodStart: string, status: "DRAF" | "DIAJUKAN" | "DITINJAU" | "DIKEMBALIKAN", extra: Partial<{ isFinal: boolean; periodEnd: string; periodLabel: string }> = {}) => ({
    id: `r-${periodStart}-${status}`, periodStart: d(periodStart), isFinal: extra.isFinal ?? false, status,
    periodEnd: d(extra.periodEnd ?? periodStart), periodLabel: extra.periodLabel ?? "",
  });
  const rules = { monevPeriod: "TRIWULAN" as const, monevGraceDays: 10, monevFinalReportDays: 30 };

  it("every period with its report and status, the final report last", () => {
    const entries = buildTimeline({
      agreement, today: d("2026-10-20"), rules, includeFinal: true,
      reports: [report("2026-01-01", "DITINJAU"), report("2026-04-01", "DIKEMBALIKAN"), report("2026-07-01", "DRAF")],
    });
    expect(entries.map((e) => [e.period.label, e.status, e.draft])).toEqual([
      ["Triwulan I 2026", "DITINJAU", false],
      ["Triwulan II 2026", "DIKEMBALIKAN", false],
      ["Triwulan III 2026", "TERLAMBAT", true],
      ["Triwulan IV 2026", "BELUM_JATUH_TEMPO", false],
      ["Laporan Akhir", "BELUM_JATUH_TEMPO", false],
    ]);
    expect(countByStatus(entries)).toMatchObject({ DITINJAU: 1, DIKEMBALIKAN: 1, TERLAMBAT: 1, BELUM_JATUH_TEMPO: 2, JATUH_TEMPO: 0 });
  });

  it("no final report after a pengakhiran; a report of a period that no longer exists keeps its entry", () => {
    const entries = buildTimeline({
      agreement, today: d("2026-10-20"), rules: { ...rules, monevPeriod: "SEMESTER" }, includeFinal: false,
      reports: [report("2026-01-01", "DITINJAU"), report("2026-04-01", "DIAJUKAN", { periodEnd: "2026-06-30", periodLabel: "Triwulan II 2026" })],
    });
    expect(entries.map((e) => [e.period.label, e.status])).toEqual([
      ["Semester I 2026", "DITINJAU"],
      ["Triwulan II 2026", "DIKIRIM"],
      ["Semester II 2026", "BELUM_JATUH_TEMPO"],
    ]);
  });

  it("the final report is matched by its flag, not by its start date (it starts with the first period)", () => {
    const entries = buildTimeline({
      agreement, today: d("2027-01-05"), rules, includeFinal: true,
      reports: [report("2026-01-01", "DIAJUKAN", { isFinal: true })],
    });
    expect(entries[0]).toMatchObject({ status: "TERLAMBAT", report: null });
    expect(entries.at(-1)).toMatchObject({ status: "DIKIRIM", period: { isFinal: true } });
  });

  it("the default setting is triwulan with 10 and 30 grace days", () => {
    expect(DEFAULT_SETTINGS).toMatchObject({ monevPeriod: "TRIWULAN", monevGraceDays: 10, monevFinalReportDays: 30 });
  });
});
