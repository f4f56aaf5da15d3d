/**
 * Indonesian display conventions (domain.md §9). Instants are stored in UTC and shown in the
 * region's zone (a setting, default Asia/Jakarta); calendar decisions ("berakhir hari ini") are made
 * in that zone too. Zone conversion uses Intl only, so no extra dependency is needed.
 */

export const DEFAULT_TIME_ZONE = "Asia/Jakarta";

const BULAN = [
  "Januari", "Februari", "Maret", "April", "Mei", "Juni",
  "Juli", "Agustus", "September", "Oktober", "November", "Desember",
] as const;

/** Indonesian zone abbreviations; other zones fall back to Intl's short name (e.g. "UTC"). */
const ZONE_ABBREVIATIONS: Readonly<Record<string, string>> = {
  "Asia/Jakarta": "WIB",
  "Asia/Pontianak": "WIB",
  "Asia/Makassar": "WITA",
  "Asia/Ujung_Pandang": "WITA",
  "Asia/Jayapura": "WIT",
};

export type DateInput = Date | string | number;

interface ZonedParts {
  year: number;
  month: number; // 1–12
  day: number;
  hour: number;
  minute: number;
}

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = partsFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      hourCycle: "h23",
    });
    partsFormatters.set(timeZone, f);
  }
  return f;
}

function toDate(input: DateInput): Date {
  const date = input instanceof Date ? input : new Date(input);
  if (Number.isNaN(date.getTime())) throw new RangeError(`Tanggal tidak valid: ${String(input)}`);
  return date;
}

/** Wall-clock fields of an instant in `timeZone`. */
export function zonedParts(input: DateInput, timeZone = DEFAULT_TIME_ZONE): ZonedParts {
  const parts = partsFormatter(timeZone).formatToParts(toDate(input));
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  return { year: get("year"), month: get("month"), day: get("day"), hour: get("hour") % 24, minute: get("minute") };
}

const pad2 = (n: number) => String(n).padStart(2, "0");

/** "21 November 2023" */
export function formatTanggal(date: DateInput, timeZone = DEFAULT_TIME_ZONE): string {
  if (timeZone === "UTC") {
    // Date-only values (stored as UTC midnight) — the rekap formats thousands: no Intl round trip.
    const d = toDate(date);
    return `${d.getUTCDate()} ${BULAN[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
  }
  const { year, month, day } = zonedParts(date, timeZone);
  return `${day} ${BULAN[month - 1]} ${year}`;
}

export function zoneAbbreviation(timeZone = DEFAULT_TIME_ZONE, at: DateInput = 0): string {
  const known = ZONE_ABBREVIATIONS[timeZone];
  if (known) return known;
  const name = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "short" })
    .formatToParts(toDate(at))
    .find((p) => p.type === "timeZoneName")?.value;
  return name ?? timeZone;
}

/** "10.30 WIB" (24-hour clock, period as separator, zone abbreviation). */
export function formatWaktu(date: DateInput, timeZone = DEFAULT_TIME_ZONE): string {
  const { hour, minute } = zonedParts(date, timeZone);
  return `${pad2(hour)}.${pad2(minute)} ${zoneAbbreviation(timeZone, date)}`;
}

/** "21 November 2023 pukul 10.30 WIB" */
export function formatTanggalWaktu(date: DateInput, timeZone = DEFAULT_TIME_ZONE): string {
  return `${formatTanggal(date, timeZone)} pukul ${formatWaktu(date, timeZone)}`;
}

const DECIMAL = /^-?\d+(\.\d+)?$/;
const rupiahWhole = new Intl.NumberFormat("id-ID", {
  style: "currency",
  currency: "IDR",
  minimumFractionDigits: 0,
  maximumFractionDigits: 0,
});
const rupiahSen = new Intl.NumberFormat("id-ID", {
  style: "currency",
  currency: "IDR",
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});

/**
 * "Rp 1.500.000" with U+00A0 after "Rp" whatever spacing the ICU build produces. Accepts a number,
 * a bigint, or a decimal string (Prisma Decimal's toString()) without losing precision; sen are
 * shown ("Rp 1.500.000,50") only when non-zero.
 */
export function formatRupiah(value: number | bigint | string): string {
  let hasSen = false;
  let amount: number | bigint | string = value;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new RangeError(`Nilai rupiah tidak valid: ${value}`);
    hasSen = !Number.isInteger(value);
  } else if (typeof value === "string") {
    const s = value.trim();
    if (!DECIMAL.test(s)) throw new RangeError(`Nilai rupiah tidak valid: ${value}`);
    hasSen = /\.\d*[1-9]/.test(s);
    amount = s;
  }
  // Intl.NumberFormat.format accepts decimal strings exactly (ES2023); the cast satisfies older lib typings.
  const formatted = (hasSen ? rupiahSen : rupiahWhole).format(amount as number);
  const normalised = formatted.replace(/\u2212/g, "-").replace(/Rp[\s\u00a0\u202f]*/u, "Rp\u00a0");
  // Some ICU builds put the sign after the symbol ("Rp -1.500"); Indonesian usage is "-Rp 1.500".
  return normalised.replace(/^-?\s*Rp\u00a0-/, "-Rp\u00a0").replace(/^-\s+/, "-");
}

// ── NIP (Nomor Induk Pegawai): YYYYMMDD YYYYMM S NNN ─────────────────────────────────────────

export interface Nip {
  nip: string;
  tanggalLahir: { year: number; month: number; day: number };
  tmt: { year: number; month: number };
  jenisKelamin: "L" | "P";
  nomorUrut: number;
}

export type NipResult = ({ ok: true } & Nip) | { ok: false; error: string };

/** Minimum age at appointment (TMT CPNS). */
const MIN_AGE_AT_TMT = 18;

/**
 * Parses an 18-digit NIP (spaces allowed, as printed "19850312 201001 1 003"). Checks that the
 * birth date exists, that the TMT is a real month at least 18 years after birth and not in the
 * future, that the sex digit is 1 (laki-laki) or 2 (perempuan) and that the sequence is not 000.
 */
export function parseNip(input: string, now: Date = new Date()): NipResult {
  const nip = String(input ?? "").replace(/\s+/g, "");
  if (!/^\d{18}$/.test(nip)) return { ok: false, error: "NIP harus terdiri atas 18 angka" };
  const n = (from: number, to: number) => Number(nip.slice(from, to));
  const [year, month, day] = [n(0, 4), n(4, 6), n(6, 8)];
  const [tmtYear, tmtMonth] = [n(8, 12), n(12, 14)];
  const sex = nip[14];
  const nomorUrut = n(15, 18);

  const birth = new Date(Date.UTC(year, month - 1, day));
  const birthValid =
    year >= 1900 && birth.getUTCFullYear() === year && birth.getUTCMonth() === month - 1 && birth.getUTCDate() === day;
  if (!birthValid || birth.getTime() > now.getTime()) {
    return { ok: false, error: "Tanggal lahir pada NIP (8 angka pertama) tidak valid" };
  }
  const tmtIndex = tmtYear * 12 + (tmtMonth - 1);
  const nowIndex = now.getUTCFullYear() * 12 + now.getUTCMonth();
  if (tmtMonth < 1 || tmtMonth > 12 || tmtIndex > nowIndex + 12) {
    return { ok: false, error: "TMT pada NIP (angka ke-9 s.d. ke-14) tidak valid" };
  }
  if (tmtIndex < (year + MIN_AGE_AT_TMT) * 12 + (month - 1)) {
    return { ok: false, error: "TMT pada NIP harus sekurang-kurangnya 18 tahun setelah tanggal lahir" };
  }
  if (sex !== "1" && sex !== "2") {
    return { ok: false, error: "Angka jenis kelamin pada NIP (angka ke-15) harus 1 atau 2" };
  }
  if (nomorUrut === 0) return { ok: false, error: "Nomor urut pada NIP (3 angka terakhir) tidak boleh 000" };

  return {
    ok: true,
    nip,
    tanggalLahir: { year, month, day },
    tmt: { year: tmtYear, month: tmtMonth },
    jenisKelamin: sex === "1" ? "L" : "P",
    nomorUrut,
  };
}

export function isValidNip(input: string, now?: Date): boolean {
  return parseNip(input, now).ok;
}

/** "19850312 201001 1 003"; input that is not 18 digits is returned trimmed and unchanged. */
export function formatNip(input: string): string {
  const nip = String(input ?? "").replace(/\s+/g, "");
  if (!/^\d{18}$/.test(nip)) return String(input ?? "").trim();
  return `${nip.slice(0, 8)} ${nip.slice(8, 14)} ${nip.slice(14, 15)} ${nip.slice(15)}`;
}

// ── Calendar arithmetic in the region's zone ─────────────────────────────────────────────────

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Day number (days since 1970-01-01) of the calendar date `input` falls on in `timeZone`. */
function dayNumber(input: DateInput, timeZone: string): number {
  if (typeof input === "string") {
    const m = DATE_ONLY.exec(input);
    if (m) return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / 86_400_000;
  }
  const { year, month, day } = zonedParts(input, timeZone);
  return Date.UTC(year, month - 1, day) / 86_400_000;
}

/**
 * Whole calendar days from `now` to `endDate`, both read as dates in the region's zone:
 * 0 = ends today, 1 = tomorrow, negative = already passed. A "YYYY-MM-DD" string is taken as that
 * calendar date; a Date is an instant (a @db.Date column arrives as UTC midnight, which is the same
 * date in every Indonesian zone).
 */
export function hariMenuju(endDate: DateInput, now: DateInput, timeZone = DEFAULT_TIME_ZONE): number {
  return dayNumber(endDate, timeZone) - dayNumber(now, timeZone);
}
