import "server-only";
import { Prisma, type PartnerClass } from "@/lib/generated/prisma/client";
import { getDb, type Db, type Tx } from "@/lib/db";
import { can, type PolicyUser } from "@/lib/auth/policy";

/*
 * The similar-name warning (issue 7 §2): partners whose normalised name (Partner.nameKey, kept by
 * a trigger: lower case, no punctuation, no PT/CV/Tbk/Persero/Yayasan/Pemerintah…) is close to the
 * typed name by pg_trgm similarity, among the partners the actor may see. Same normalisation in
 * SQL for both sides (sikerda_partner_name_key), so "PT. Tirta Sejahtera Tbk" meets "Tirta Sejahtera".
 */

/** Similarity from which two names are worth a warning (pg_trgm similarity of the normalised names). */
export const SIMILAR_THRESHOLD = 0.45;
const LIMIT = 5;

export type SimilarPartner = { id: string; name: string; partnerClass: PartnerClass; verified: boolean; similarity: number };

type Actor = PolicyUser & { id: string };

export async function similarPartners(
  actor: Actor, name: string, { excludeId, db = getDb() }: { excludeId?: string; db?: Db | Tx } = {},
): Promise<SimilarPartner[]> {
  const text = name.trim().slice(0, 200);
  if (text.length < 3 || !can(actor, "partner.read")) return [];
  const manages = can(actor, "partner.manage");
  const visible = manages
    ? Prisma.sql`TRUE`
    : Prisma.sql`(p.verified OR p."requestedByOpdId" = ${actor.opdId ?? ""})`;
  // `%` uses the GIN trigram index (threshold 0.3 by default); the stricter threshold follows.
  return db.$queryRaw<SimilarPartner[]>`
    WITH q AS (SELECT sikerda_partner_name_key(${text}) AS key)
    SELECT p.id, p.name, p."partnerClass"::text AS "partnerClass", p.verified,
           round(similarity(p."nameKey", q.key)::numeric, 2)::float8 AS similarity
      FROM "Partner" p, q
     WHERE p."deletedAt" IS NULL AND q.key <> '' AND p."nameKey" % q.key
       AND similarity(p."nameKey", q.key) >= ${SIMILAR_THRESHOLD}
       AND p.id <> ${excludeId ?? ""} AND ${visible}
     ORDER BY similarity(p."nameKey", q.key) DESC, p.name ASC, p.id ASC
     LIMIT ${LIMIT}`;
}

/** The warning text of a form field: names and a hint. */
export function similarMessage(similar: SimilarPartner[]): string {
  const names = similar.map((s) => `"${s.name}"`).join(", ");
  return `Nama mirip dengan mitra yang sudah ada: ${names}. Periksa apakah mitra yang sama; bila berbeda, centang pernyataan di bawah lalu simpan lagi.`;
}
