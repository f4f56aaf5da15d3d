// Short Indonesian calendar dates for narrow table columns ("30 Jun 2026"). Date-only values are
// UTC midnight (lib/dates.ts): read in UTC, never shifted.
const BULAN = ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"] as const;

export function tanggalPendek(d: Date | null): string | null {
  return d ? `${d.getUTCDate()} ${BULAN[d.getUTCMonth()]} ${d.getUTCFullYear()}` : null;
}
