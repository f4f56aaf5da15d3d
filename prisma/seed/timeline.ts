// Stage paths (domain §4) and the dates each case entered each stage. Everything is relative to
// the seed's `now`, pinned where the story needs it (signing days, end dates, terminations) and
// filled in between by typical stage durations.
import type { CaseKind, Stage } from "../../lib/generated/prisma/enums";
import type { CaseSpec } from "./types";

const DAY = 86_400_000;
const WIB = 7 * 3_600_000;

/** Midnight (WIB) of the calendar day `daysFromToday` from `now`, as a UTC instant. */
export function wibMidnight(now: Date, daysFromToday = 0): Date {
  const local = new Date(now.getTime() + WIB);
  const midnight = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()) - WIB;
  return new Date(midnight + daysFromToday * DAY);
}

/** The WIB calendar date of an instant, as a UTC-midnight Date (what a @db.Date column stores). */
export function wibDate(t: Date): Date {
  const local = new Date(t.getTime() + WIB);
  return new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()));
}

export const addDays = (d: Date, days: number) => new Date(d.getTime() + days * DAY);
export const addMinutes = (d: Date, m: number) => new Date(d.getTime() + m * 60_000);

/** Adds whole years to a date-only value, then subtracts a day ("five years" ends the day before). */
export function addYearsMinusDay(d: Date, years: number): Date {
  return new Date(Date.UTC(d.getUTCFullYear() + years, d.getUTCMonth(), d.getUTCDate() - 1));
}

/** Moves a Saturday/Sunday (WIB) back to Friday: offices sign on working days. */
function workday(t: Date): Date {
  const dow = new Date(t.getTime() + WIB).getUTCDay();
  return dow === 6 ? addDays(t, -1) : dow === 0 ? addDays(t, -2) : t;
}

/** Small deterministic hash for stable variety (hours, serials, reviewers). */
export function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

// ───────────── paths ─────────────

const FRONT: Stage[] = ["DRAF", "PERSETUJUAN_OPD", "VERIFIKASI", "KAJIAN_TKKSD"];
const BACK: Stage[] = ["PELAKSANAAN", "BERAKHIR", "SELESAI"];

export function mainChain(kind: CaseKind, requiresDprd: boolean): Stage[] {
  if (kind === "SINERGI") return [...FRONT, "PENYUSUNAN_NK", "PENANDATANGANAN_NK", ...BACK];
  if (kind === "KSDPL" || kind === "KSDLL") {
    return [...FRONT, "PENJAJAKAN_LOI", "KONSULTASI_KEMENDAGRI", "PERSETUJUAN_DPRD", "PEMBAHASAN_INTERKEMENTERIAN",
      "PERSETUJUAN_PUSAT", "PENANDATANGANAN_MOU", ...BACK];
  }
  return [...FRONT, "PENAWARAN", "PENYUSUNAN_KB", "PENANDATANGANAN_KB",
    ...(requiresDprd ? (["PERSETUJUAN_DPRD"] as Stage[]) : []), "PENYUSUNAN_PKS", "PENANDATANGANAN_PKS", ...BACK];
}

/** Negative terminal stage → the only stage it can be reached from. */
export const NEGATIVE_FROM: Partial<Record<Stage, Stage>> = {
  DITOLAK: "KAJIAN_TKKSD", BATAL: "PENAWARAN", DITOLAK_DPRD: "PERSETUJUAN_DPRD", DIAKHIRI: "PELAKSANAAN",
};
export const ADENDUM_STAGES: Stage[] = ["ADENDUM_PENYUSUNAN", "ADENDUM_KAJIAN", "ADENDUM_PENANDATANGANAN"];
export const TERMINAL: Stage[] = ["SELESAI", "DIAKHIRI", "DITOLAK", "BATAL", "DITOLAK_DPRD"];

export function requiresDprdOf(spec: CaseSpec): boolean {
  if (spec.kind === "KSDPL" || spec.kind === "KSDLL") return true;
  if (spec.kind === "SINERGI") return false;
  return spec.burdensPublic || !spec.budgetedInApbd;
}

function insertAfterFirst(path: Stage[], anchor: Stage, extra: Stage[]) {
  const i = path.indexOf(anchor);
  if (i < 0) throw new Error(`Tahap ${anchor} tidak ada di jalur`);
  path.splice(i + 1, 0, ...extra);
}

/** The stages a case entered, in order: path[0] is its entry stage, the last is its current stage. */
export function buildPath(spec: CaseSpec): Stage[] {
  const chain = mainChain(spec.kind, requiresDprdOf(spec));
  const entry: Stage = spec.archive ? "PELAKSANAAN" : spec.pksUnderCase ? "PENYUSUNAN_PKS" : spec.partnerInitiated ? "VERIFIKASI" : "DRAF";
  let base = spec.stage;
  let tail: Stage[] = [];
  if (NEGATIVE_FROM[spec.stage]) [base, tail] = [NEGATIVE_FROM[spec.stage]!, [spec.stage]];
  else if (spec.stage === "PERBAIKAN") [base, tail] = ["VERIFIKASI", ["PERBAIKAN"]];
  else if (ADENDUM_STAGES.includes(spec.stage)) [base, tail] = ["PELAKSANAAN", ADENDUM_STAGES.slice(0, ADENDUM_STAGES.indexOf(spec.stage) + 1)];
  const from = chain.indexOf(entry);
  const to = chain.indexOf(base);
  if (from < 0 || to < from) throw new Error(`Tahap ${spec.stage} tidak terjangkau untuk ${spec.id}`);
  const path = chain.slice(from, to + 1);
  if (spec.returnedByKepala) insertAfterFirst(path, "PERSETUJUAN_OPD", ["DRAF", "PERSETUJUAN_OPD"]);
  (spec.verificationReturns ?? []).forEach(() => insertAfterFirst(path, "VERIFIKASI", ["PERBAIKAN", "VERIFIKASI"]));
  if (spec.tkksdReturn) insertAfterFirst(path, "KAJIAN_TKKSD", ["PERBAIKAN", "VERIFIKASI", "KAJIAN_TKKSD"]);
  if (spec.adendum) insertAfterFirst(path, "PELAKSANAAN", [...ADENDUM_STAGES, "PELAKSANAAN"]);
  return [...path, ...tail];
}

// ───────────── times ─────────────

/** Typical days spent in a stage (weights between pinned dates). */
const DWELL: Partial<Record<Stage, number>> = {
  DRAF: 6, PERSETUJUAN_OPD: 4, VERIFIKASI: 9, PERBAIKAN: 8, KAJIAN_TKKSD: 14, PENAWARAN: 21,
  PENYUSUNAN_KB: 18, PENANDATANGANAN_KB: 10, PERSETUJUAN_DPRD: 30, PENYUSUNAN_PKS: 25, PENANDATANGANAN_PKS: 10,
  PENYUSUNAN_NK: 20, PENANDATANGANAN_NK: 10, PENJAJAKAN_LOI: 20, KONSULTASI_KEMENDAGRI: 14,
  PEMBAHASAN_INTERKEMENTERIAN: 21, PERSETUJUAN_PUSAT: 21, PENANDATANGANAN_MOU: 10, PELAKSANAAN: 300,
  ADENDUM_PENYUSUNAN: 20, ADENDUM_KAJIAN: 14, ADENDUM_PENANDATANGANAN: 10, BERAKHIR: 30,
};
const dwell = (s: Stage) => DWELL[s] ?? 7;

export type Timeline = { path: Stage[]; times: Date[]; endDate: Date | null };

/** Entry time of every row of the path. Throws if the spec's numbers cannot be made consistent. */
export function computeTimeline(spec: CaseSpec, now: Date): Timeline {
  const path = buildPath(spec);
  const n = path.length;
  const at = (daysAgo: number, hourWib: number) => new Date(wibMidnight(now, -daysAgo).getTime() + hourWib * 3_600_000);
  const pins = new Map<number, Date>();
  const endDate = spec.endInDays === undefined ? null : wibDate(wibMidnight(now, spec.endInDays));

  if (spec.archive) pins.set(0, workday(at(spec.archive.registeredDaysAgo, 9.5)));
  const kbExit = path.findIndex((s, i) => i > 0 && path[i - 1] === "PENANDATANGANAN_KB");
  const firstPel = path.indexOf("PELAKSANAAN");
  if (!spec.archive && spec.signedDaysAgo !== undefined) {
    const signed = workday(at(spec.signedDaysAgo, 10));
    if (kbExit > 0) {
      pins.set(kbExit, signed);
      if (firstPel > kbExit) {
        const span = path.slice(kbExit, firstPel).reduce((sum, s) => sum + dwell(s), 0);
        pins.set(firstPel, workday(addDays(signed, span)));
      }
    } else if (firstPel > 0) pins.set(firstPel, signed);
  }
  if (spec.adendum) {
    const back = path.indexOf("PELAKSANAAN", firstPel + 1);
    pins.set(back, workday(at(spec.adendum.signedDaysAgo, 11)));
  }
  const last = n - 1;
  if (path[last] === "BERAKHIR" || path[last] === "SELESAI") {
    const i = path.indexOf("BERAKHIR");
    pins.set(i, addMinutes(at(-(spec.endInDays! + 1), 0), 5)); // daily job, 00.05 WIB the day after the end
  }
  if (path[last] === "DIAKHIRI") pins.set(last, workday(at(spec.termination!.daysAgo, 14)));
  if (!pins.has(last)) pins.set(last, workday(at(spec.daysInStage ?? 1, 9 + (hash(spec.id) % 6))));

  const t: (Date | undefined)[] = Array.from({ length: n }, (_, i) => pins.get(i));
  const pinned = [...pins.keys()].sort((a, b) => a - b);
  for (let i = pinned[0] - 1; i >= 0; i--) t[i] = addDays(t[i + 1]!, -dwell(path[i]));
  for (let k = 0; k + 1 < pinned.length; k++) {
    const [a, b] = [pinned[k], pinned[k + 1]];
    const total = t[b]!.getTime() - t[a]!.getTime();
    const weights = path.slice(a, b).map(dwell);
    const sum = weights.reduce((x, y) => x + y, 0);
    let acc = 0;
    for (let i = a + 1; i < b; i++) {
      acc += weights[i - a - 1];
      t[i] = new Date(t[a]!.getTime() + (total * acc) / sum);
    }
  }
  // Unpinned rows: office hours (08.00–15.59 WIB) on a working day, never out of order.
  const times = t as Date[];
  for (let i = 0; i < n; i++) {
    if (pins.has(i)) continue;
    const h = hash(`${spec.id}:${i}`);
    const candidate = workday(new Date(wibMidnight(times[i]).getTime() + (8 + (h % 8)) * 3_600_000 + (h % 60) * 60_000));
    const lower = i > 0 ? addMinutes(times[i - 1], 20) : new Date(0);
    const nextPin = pinned.find((p) => p > i);
    const upper = addMinutes(nextPin === undefined ? now : times[nextPin], -20 * ((nextPin ?? n) - i));
    times[i] = candidate >= lower && candidate <= upper ? candidate : lower > times[i] ? lower : times[i];
  }
  for (let i = 0; i < n; i++) {
    if ((i > 0 && times[i] <= times[i - 1]) || times[i] >= now) {
      throw new Error(`Linimasa ${spec.id} tidak konsisten pada baris ${i} (${path[i]})`);
    }
  }
  return { path, times, endDate };
}

/** Index of the row that left `stage` (the row entering the next stage), or -1. */
export function exitIndex(path: Stage[], stage: Stage, occurrence = 0): number {
  let seen = 0;
  for (let i = 1; i < path.length; i++) {
    if (path[i - 1] === stage) {
      if (seen === occurrence) return i;
      seen++;
    }
  }
  return -1;
}
