import { z } from "zod";

// The /laporan page's URL parameters: anything unknown is ignored rather than an error.
const firstValue = (v: unknown) => (Array.isArray(v) ? v[0] : v);
const blank = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const pageNumber = z.preprocess(firstValue, z.coerce.number().int().min(1).max(100_000).catch(1));

export const reportListFilterSchema = z.object({
  /** Page of the agreements list. */
  page: pageNumber,
  /** One OPD's agreements (Bagian Kerja Sama, Pimpinan). */
  opd: z.preprocess((v) => blank(firstValue(v)), z.string().regex(/^[A-Za-z0-9_-]{1,64}$/).optional().catch(undefined)),
});
