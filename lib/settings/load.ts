import type { Db, Tx } from "@/lib/db";
import { DEFAULT_SETTINGS, SETTING_KEYS, type Settings } from "./defaults";

/**
 * Effective settings: code defaults overridden by Setting rows (one row per top-level key).
 * Plain function (no React cache) so services and tests can call it with any client.
 */
export async function loadSettings(db: Db | Tx): Promise<Settings> {
  const rows = await db.setting.findMany({ where: { key: { in: SETTING_KEYS } } });
  const merged: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const row of rows) merged[row.key] = row.value;
  return merged as Settings;
}
