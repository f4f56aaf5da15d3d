import "server-only";
import { isDeepStrictEqual } from "node:util";
import { writeAudit } from "@/lib/audit";
import { can, type PolicyUser } from "@/lib/auth/policy";
import { getDb, type Db, type Tx } from "@/lib/db";
import { DomainError, STALE_MESSAGE } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { SettingKey } from "./defaults";
import { GROUP_KEYS, GROUP_PERMISSION, GROUP_TITLES, groupValues, type GroupInput, type SettingGroup } from "./groups";
import { loadSettings } from "./load";

/*
 * Saving one group of the settings page. Invariants:
 * - only the roles of the group's policy row (GROUP_PERMISSION) may save it;
 * - optimistic lock: the form carries the sum of the versions of the group's rows as read with
 *   the page; under a transaction-scoped advisory lock (rows may not exist yet, so a row lock is
 *   not enough) the sum is compared again, and a different sum is STALE, nothing written;
 * - every key whose value changes gets version + 1 and one AuditEvent "settings.update" with the
 *   old and the new value, in the same transaction (the history on the page reads those rows).
 *   A save that changes nothing writes nothing.
 * Code reads the result through loadSettings()/getSettings(): the next request sees it.
 */

export type SaveSettingsInput<G extends SettingGroup> = {
  actor: PolicyUser & { id: string };
  now: Date;
  group: G;
  input: GroupInput<G>;
};

export const SETTINGS_AUDIT_ACTION = "settings.update";

async function lockSettings(tx: Tx): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('sikerda:settings'))`;
}

/** The optimistic-lock value of a group: the sum of its rows' versions (0 for a key without a row). */
export async function groupVersion(db: Db | Tx, group: SettingGroup): Promise<number> {
  const rows = await db.setting.findMany({ where: { key: { in: [...GROUP_KEYS[group]] } }, select: { version: true } });
  return rows.reduce((sum, r) => sum + r.version, 0);
}

export async function saveSettingsGroup<G extends SettingGroup>({ actor, now, group, input }: SaveSettingsInput<G>): Promise<{ changed: SettingKey[] }> {
  if (!can(actor, GROUP_PERMISSION[group])) {
    throw new DomainError("FORBIDDEN", `Anda tidak berwenang mengubah pengaturan ${GROUP_TITLES[group]}.`);
  }
  return getDb().$transaction(async (tx) => {
    await lockSettings(tx);
    if ((await groupVersion(tx, group)) !== input.versi) throw new DomainError("STALE", STALE_MESSAGE);
    const current = await loadSettings(tx);
    const next = groupValues(group, input, current);
    const changed: SettingKey[] = [];
    for (const key of GROUP_KEYS[group]) {
      const before = current[key];
      const after = next[key];
      if (after === undefined || isDeepStrictEqual(before, after)) continue;
      const value = after as Prisma.InputJsonValue;
      await tx.setting.upsert({
        where: { key },
        create: { key, value, version: 1, updatedById: actor.id },
        update: { value, version: { increment: 1 }, updatedById: actor.id },
      });
      await writeAudit(tx, {
        actorId: actor.id,
        action: SETTINGS_AUDIT_ACTION,
        entity: "Setting",
        entityId: key,
        data: { group, old: before as Prisma.InputJsonValue, new: value } as Prisma.InputJsonValue,
        at: now,
      });
      changed.push(key);
    }
    return { changed };
  });
}
