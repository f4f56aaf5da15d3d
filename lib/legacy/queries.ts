import "server-only";
import { getDb } from "@/lib/db";

/** Active OPDs' short names for the template's drop-down list (OPD names are public). */
export async function listActiveOpdShortNames(): Promise<string[]> {
  const opds = await getDb().opd.findMany({ where: { active: true }, orderBy: { shortName: "asc" }, select: { shortName: true } });
  return opds.map((o) => o.shortName);
}
