// How many rows each rekap may hold (the routes refuse more with a 413 and advice to narrow the
// filter; the /kerja-sama/rekap page says so before the click). Pure and client-safe.

/** As the register export: the Excel file is streamed, 10,000 rows take ≈ 1–2 s (README numbers). */
export const REKAP_XLSX_MAX_ROWS = 50_000;

/**
 * The printed rekap (≈ 60 pages at most): react-pdf lays the document out in the server process at
 * several ms a row, so a larger selection is refused with advice to narrow it or take the Excel file.
 */
export const REKAP_PDF_MAX_ROWS = 500;
