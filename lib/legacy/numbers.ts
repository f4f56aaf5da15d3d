import "server-only";
import type { Db, Tx } from "@/lib/db";

/*
 * Idempotency of archive registration: a naskah number of the region ("our number") identifies an
 * agreement, so registering or importing the same agreement twice is refused per number. Every
 * archive write takes ARCHIVE_LOCK (a transaction-scoped advisory lock) and re-reads the numbers
 * under it, so two imports of the same file at once cannot both pass.
 */

/** Normal form of a number for comparison: trimmed, inner spaces collapsed, case-insensitive. */
export function numberKey(n: string): string {
  return n.trim().replace(/\s+/g, " ").toLowerCase();
}

export async function takeArchiveLock(tx: Tx): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('sikerda:kerja-sama-arsip'))`;
}

/** Which of `numbers` some live naskah already carries (as our number), with its case code. */
export async function existingNumbers(db: Db | Tx, numbers: readonly string[]): Promise<Map<string, string>> {
  const keys = [...new Set(numbers.map(numberKey))];
  if (keys.length === 0) return new Map();
  const rows = await db.$queryRaw<{ key: string; code: string }[]>`
    SELECT lower(regexp_replace(btrim(a."ourNumber"), '\\s+', ' ', 'g')) AS key, c.code
      FROM "Agreement" a JOIN "Case" c ON c.id = a."caseId"
     WHERE a."deletedAt" IS NULL AND c."deletedAt" IS NULL AND a."ourNumber" IS NOT NULL
       AND lower(regexp_replace(btrim(a."ourNumber"), '\\s+', ' ', 'g')) = ANY(${keys}::text[])`;
  return new Map(rows.map((r) => [r.key, r.code]));
}
