// Pure parts of the dashboard: the "KB belum ditindaklanjuti" deadline (calendar months, month ends
// clamped) and the monev flags of one agreement's timeline (Tanpa Laporan, terlambat).
import { describe, expect, it } from "vitest";
import { flagsOf } from "@/lib/dashboard/monev-flags";
import { dashboardYear } from "@/lib/dashboard/queries";
import { isoDate } from "@/lib/dates";
import { buildTimeline } from "@/lib/reports/periods";
import { kbDeadline } from "@/lib/register/sql";
import { DEFAULT_SETTINGS } from "@/lib/settings/defaults";

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe("kbDeadline", () => {
  it("goes back whole calendar months and clamps to the month's last day", () => {
    expect(isoDate(kbDeadline(d("2026-11-27"), 6))).toBe("2026-05-27");
    expect(isoDate(kbDeadline(d("2026-08-31"), 6))).toBe("2026-02-28");
    expect(isoDate(kbDeadline(d("2028-08-31"), 6))).toBe("2028-02-29");
    expect(isoDate(kbDeadline(d("2027-01-15"), 12))).toBe("2026-01-15");
  });
});

describe("flagsOf (Tanpa Laporan, laporan terlambat, laporan jatuh tempo)", () => {
  const agreement = { startDate: d("2026-01-01"), endDate: d("2027-12-31") };
  const timeline = (today: string, reports: { periodStart: string; status: "DRAF" | "DIAJUKAN" | "DITINJAU" }[] = []) =>
    buildTimeline({
      agreement,
      reports: reports.map((r) => ({ periodStart: d(r.periodStart), periodEnd: d(r.periodStart), periodLabel: "x", isFinal: false, status: r.status })),
      today: d(today),
      rules: DEFAULT_SETTINGS,
      includeFinal: true,
    });

  it("no period due yet → no flag", () => {
    expect(flagsOf(timeline("2026-02-15"), true)).toEqual({ withoutReport: false, lateReports: 0, dueReports: 0, firstDueBy: null });
  });
  it("the last due period without a sent report is Tanpa Laporan, from its last day on; late after the grace days", () => {
    expect(flagsOf(timeline("2026-03-31"), true)).toMatchObject({ withoutReport: true, lateReports: 0, dueReports: 1, firstDueBy: d("2026-04-10") });
    expect(flagsOf(timeline("2026-04-20"), true)).toMatchObject({ withoutReport: true, lateReports: 1, dueReports: 1, firstDueBy: d("2026-04-10") });
  });
  it("a draft is no report; a sent one clears the flag but not an older late period", () => {
    expect(flagsOf(timeline("2026-07-05", [{ periodStart: "2026-04-01", status: "DRAF" }]), true).withoutReport).toBe(true);
    expect(flagsOf(timeline("2026-07-05", [{ periodStart: "2026-04-01", status: "DIAJUKAN" }]), true)).toMatchObject({ withoutReport: false, lateReports: 1, dueReports: 1 });
  });
  it("an agreement no longer in force is never Tanpa Laporan (its late reports still count)", () => {
    expect(flagsOf(timeline("2026-04-20"), false)).toMatchObject({ withoutReport: false, lateReports: 1, dueReports: 1 });
  });
});

describe("dashboardYear", () => {
  const now = new Date("2026-11-27T03:00:00Z");
  it("accepts a four-digit year up to next year, else no filter", () => {
    expect(dashboardYear("2025", now)).toBe(2025);
    expect(dashboardYear(["2027", "2020"], now)).toBe(2027);
    for (const bad of [undefined, "", "2028", "1900", "20x5", "2025 ", "99999"]) expect(dashboardYear(bad, now)).toBeNull();
  });
});
