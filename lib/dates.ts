/*
 * Date-only values (domain §9). A calendar date (a naskah's start, end or signing date) is stored
 * in a @db.Date column and handled in code as a Date at UTC midnight of that date; "today" is the
 * calendar date in the region's zone (WIB/WITA/WIT). Every comparison of such dates goes through
 * this module; display formatting is lib/format.ts. Pure and client-safe.
 */

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** YYYY-MM-DD → Date at UTC midnight; anything else (or a date that does not exist) → null. */
export function parseDateOnly(value: string): Date | null {
  const m = DATE_ONLY.exec(value.trim());
  if (!m) return null;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return isoDate(d) === value.trim() ? d : null;
}

/** The YYYY-MM-DD key of a date-only value (its UTC calendar date). */
export function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

const zoneFormatters = new Map<string, Intl.DateTimeFormat>();

/** Calendar date (YYYY-MM-DD) of an instant in `timeZone`. */
export function dateInZone(t: Date, timeZone: string): string {
  let f = zoneFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
    zoneFormatters.set(timeZone, f);
  }
  return f.format(t);
}

/** Today in the region as a date-only value (UTC midnight), comparable with @db.Date columns. */
export function todayInZone(now: Date, timeZone: string): Date {
  return parseDateOnly(dateInZone(now, timeZone)) as Date;
}

/** Whole calendar days added to a date-only value. */
export function addDaysToDate(d: Date, days: number): Date {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + days));
}

/**
 * The last day of a period of `years` whole years starting on `start`: 1 Jan 2026 + 5 years runs
 * to 31 Dec 2030 (start + 5 years − 1 day).
 */
export function lastDayOfYears(start: Date, years: number): Date {
  return new Date(Date.UTC(start.getUTCFullYear() + years, start.getUTCMonth(), start.getUTCDate() - 1));
}

/** a < b, a ≤ b … on date-only values (by calendar date, whatever the time part). */
export const dateBefore = (a: Date, b: Date) => isoDate(a) < isoDate(b);
export const dateAfter = (a: Date, b: Date) => isoDate(a) > isoDate(b);
