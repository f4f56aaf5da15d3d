import "server-only";
import { can } from "@/lib/auth/policy";
import type { CurrentUser } from "@/lib/auth/session";
import { getDb, type Tx } from "@/lib/db";
import { DomainError, STALE_MESSAGE } from "@/lib/errors";
import { loadSettings } from "@/lib/settings/load";
import { partnerMismatch } from "@/lib/workflow";

/*
 * Merging a duplicate partner (typically an OPD's request of a partner that already exists) into
 * the real one (issue 7 §2). In ONE transaction, under row locks on both partners:
 *   every reference to the duplicate moves to the target — every foreign key that points at
 *   "Partner", found in the database's catalog (Case, Agreement, PartnerDocument, earlier merges,
 *   and whatever table a later release adds), so nothing is left behind —, the duplicate is
 *   soft-deleted with mergedIntoId, and one audit row lists how many rows of each table moved.
 * Refused (nothing changed) when a case of the duplicate would not fit the target's class (domain
 * §2), when either side is gone or already merged, or when the duplicate changed since the page.
 */

export type MergeResult = { moved: Record<string, number> };

type Reference = { table: string; column: string };

const quote = (ident: string) => `"${ident.replaceAll('"', '""')}"`;

/** Every (table, column) with a foreign key to "Partner"(id), from pg_constraint. */
export async function partnerReferences(tx: Tx): Promise<Reference[]> {
  return tx.$queryRaw<Reference[]>`
    SELECT cl.relname AS "table", a.attname AS "column"
      FROM pg_constraint c
      JOIN pg_class cl ON cl.oid = c.conrelid
      JOIN pg_namespace n ON n.oid = cl.relnamespace
      JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey)
     WHERE c.contype = 'f' AND c.confrelid = '"Partner"'::regclass AND n.nspname = current_schema()
     ORDER BY cl.relname, a.attname`;
}

export async function mergePartner({
  actor, now, sourceId, targetId, version,
}: { actor: CurrentUser; now: Date; sourceId: string; targetId: string; version: string }): Promise<MergeResult> {
  if (!can(actor, "partner.manage")) throw new DomainError("FORBIDDEN", "Anda tidak berwenang menggabungkan data mitra.");
  if (sourceId === targetId) {
    throw new DomainError("VALIDATION", "Pilih mitra lain sebagai tujuan penggabungan.", { targetId: "Pilih mitra lain sebagai tujuan penggabungan." });
  }
  const db = getDb();
  const settings = await loadSettings(db);
  return db.$transaction(async (tx) => {
    // Both rows locked in a fixed order, so two merges of the same pair cannot deadlock.
    await tx.$queryRaw`SELECT id FROM "Partner" WHERE id IN (${sourceId}, ${targetId}) ORDER BY id FOR UPDATE`;
    const [source, target] = await Promise.all([
      tx.partner.findFirst({ where: { id: sourceId, deletedAt: null } }),
      tx.partner.findFirst({ where: { id: targetId, deletedAt: null } }),
    ]);
    if (!source) throw new DomainError("NOT_FOUND", "Mitra yang akan digabungkan tidak ditemukan (mungkin sudah digabungkan).");
    if (source.updatedAt.toISOString() !== version) throw new DomainError("STALE", STALE_MESSAGE);
    if (!target) {
      throw new DomainError("VALIDATION", "Mitra tujuan tidak ditemukan.", { targetId: "Mitra tujuan tidak ditemukan." });
    }
    if (!target.verified) {
      const message = "Mitra tujuan belum terverifikasi: verifikasi dahulu, atau pilih mitra lain.";
      throw new DomainError("VALIDATION", message, { targetId: message });
    }
    const cases = await tx.case.findMany({ where: { partnerId: sourceId, deletedAt: null }, select: { code: true, kind: true } });
    const misfits = cases.filter((c) => partnerMismatch(c.kind, target, settings.ptnBhKind) !== null);
    if (misfits.length > 0) {
      const message = `Kelas mitra tujuan tidak sesuai dengan jenis kerja sama ${misfits.slice(0, 5).map((c) => `${c.code} (${c.kind})`).join(", ")}.`;
      throw new DomainError("VALIDATION", message, { targetId: message });
    }

    const moved: Record<string, number> = {};
    for (const ref of await partnerReferences(tx)) {
      const sql = `UPDATE ${quote(ref.table)} SET ${quote(ref.column)} = $1 WHERE ${quote(ref.column)} = $2`;
      const n = await tx.$executeRawUnsafe(sql, targetId, sourceId);
      if (n > 0) moved[`${ref.table}.${ref.column}`] = n;
    }
    await tx.partner.update({
      where: { id: sourceId },
      data: { deletedAt: now, deletedById: actor.id, mergedIntoId: targetId, updatedAt: now },
    });
    await tx.auditEvent.create({
      data: {
        actorId: actor.id, action: "partner.merge", entity: "Partner", entityId: sourceId, createdAt: now,
        data: { into: targetId, sourceName: source.name, targetName: target.name, moved },
      },
    });
    return { moved };
  });
}
