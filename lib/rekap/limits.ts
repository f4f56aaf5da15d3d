// How many rows each rekap may hold (the routes refuse more with a 413 and advice to narrow the
// filter; the /kerja-sama/rekap page says so before the click). Pure and client-safe.

/**
 * As the register export. The file is streamed (first bytes in ≈ 0.1 s); 10,000 rows took 10–14 s
 * on a machine at load 10+ where the register export of the same rows took 4–5 s (650 ms in the bench).
 */
export const REKAP_XLSX_MAX_ROWS = 50_000;

/**
 * The printed rekap (≈ 60 pages at most): react-pdf lays the document out in the server process at
 * several ms a row, so a larger selection is refused with advice to narrow it or take the Excel file.
 */
export const REKAP_PDF_MAX_ROWS = 500;
