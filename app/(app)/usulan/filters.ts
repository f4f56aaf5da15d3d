import { z } from "zod";
import { CaseKind, Stage } from "@/lib/generated/prisma/enums";
import { searchTextParam } from "@/lib/validation/search-text";

// Filters of the usulan list, read from the URL: anything unknown is ignored rather than an error.
const firstValue = (v: unknown) => (Array.isArray(v) ? v[0] : v);
const blank = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

export const caseListFilterSchema = z.object({
  // Control characters (NUL …) are removed so they never reach PostgreSQL.
  q: searchTextParam(100),
  kind: z.preprocess((v) => blank(firstValue(v)), z.enum(CaseKind).optional().catch(undefined)),
  stage: z.preprocess((v) => blank(firstValue(v)), z.enum(Stage).optional().catch(undefined)),
  page: z.preprocess(firstValue, z.coerce.number().int().min(1).max(100_000).catch(1)),
});

export type CaseListFilter = z.output<typeof caseListFilterSchema>;
