import "server-only";
import { getDb, type Tx } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { can } from "@/lib/auth/policy";
import type { CurrentUser } from "@/lib/auth/session";
import type { OpdInput } from "@/lib/opd/schemas";
import { changedFields, withUniqueMessages, writeAudit, type UniqueRule } from "@/lib/users/shared";

/*
 * OPD (Perangkat Daerah) administration. Input is the OPD form's parsed output, whose field names
 * are the model's (name, shortName, code, active), so field errors land on the form fields. Invariant: an inactive OPD has
 * no active user. Deactivation locks the OPD row FOR UPDATE before counting, and user changes lock it
 * FOR SHARE before checking it is active, so neither can slip past the other.
 */

const UNIQUE_RULES: readonly UniqueRule[] = [
  { column: "name", field: "name", message: "Nama OPD sudah terdaftar." },
  { column: "shortName", field: "shortName", message: "Singkatan sudah dipakai OPD lain." },
  { column: "code", field: "code", message: "Kode sudah dipakai OPD lain." },
];

function assertCanManage(actor: CurrentUser): void {
  if (!can(actor, "opd.manage")) throw new DomainError("FORBIDDEN", "Anda tidak berwenang mengelola daftar OPD.");
}

function invalid(fieldErrors: Record<string, string>): DomainError {
  return new DomainError("VALIDATION", Object.values(fieldErrors)[0], fieldErrors);
}

function recordOf(input: OpdInput) {
  return { name: input.name, shortName: input.shortName, code: input.code ?? null, active: input.active };
}

/** Case-insensitive duplicates ("Dinas Kesehatan" vs "dinas kesehatan") are refused too. */
async function assertUnique(tx: Tx, record: ReturnType<typeof recordOf>, exceptId?: string) {
  const notSelf = exceptId ? { id: { not: exceptId } } : {};
  const fieldErrors: Record<string, string> = {};
  const checks = [
    { column: "name", value: record.name },
    { column: "shortName", value: record.shortName },
    { column: "code", value: record.code },
  ] as const;
  for (const { column, value } of checks) {
    if (!value) continue;
    const taken = await tx.opd.findFirst({
      where: { [column]: { equals: value, mode: "insensitive" }, ...notSelf },
      select: { id: true },
    });
    const rule = UNIQUE_RULES.find((r) => r.column === column);
    if (taken && rule) fieldErrors[rule.field] = rule.message;
  }
  if (Object.keys(fieldErrors).length > 0) throw invalid(fieldErrors);
}

export async function createOpd(actor: CurrentUser, input: OpdInput): Promise<{ id: string }> {
  assertCanManage(actor);
  const record = recordOf(input);
  return withUniqueMessages(UNIQUE_RULES, () =>
    getDb().$transaction(async (tx) => {
      await assertUnique(tx, record);
      const opd = await tx.opd.create({ data: record, select: { id: true } });
      await writeAudit(tx, { actorId: actor.id, action: "opd.create", entity: "Opd", entityId: opd.id, data: record });
      return opd;
    }),
  );
}

export async function updateOpd(actor: CurrentUser, id: string, input: OpdInput): Promise<{ changed: string[] }> {
  assertCanManage(actor);
  const next = recordOf(input);
  return withUniqueMessages(UNIQUE_RULES, () =>
    getDb().$transaction(async (tx) => {
      const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Opd" WHERE id = ${id} FOR UPDATE`;
      if (locked.length === 0) throw new DomainError("NOT_FOUND", "OPD tidak ditemukan.");
      const current = await tx.opd.findUniqueOrThrow({
        where: { id },
        select: { name: true, shortName: true, code: true, active: true },
      });
      if (current.active && !next.active) {
        const activeUsers = await tx.user.count({ where: { opdId: id, active: true } });
        if (activeUsers > 0) {
          throw invalid({
            active:
              `OPD ini masih memiliki ${activeUsers} pengguna aktif. Nonaktifkan pengguna tersebut atau ` +
              "pindahkan ke OPD lain terlebih dahulu.",
          });
        }
      }
      await assertUnique(tx, next, id);
      const changes = changedFields(current, next);
      const changed = Object.keys(changes);
      if (changed.length === 0) return { changed };
      await tx.opd.update({ where: { id }, data: next });
      await writeAudit(tx, { actorId: actor.id, action: "opd.update", entity: "Opd", entityId: id, data: { changes } });
      return { changed };
    }),
  );
}
