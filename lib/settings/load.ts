import type { Db, Tx } from "@/lib/db";
import { DEFAULT_SETTINGS, SETTING_KEYS, type Settings } from "./defaults";

/**
 * Effective settings: code defaults overridden by Setting rows (one row per top-level key).
 * Plain function (no React cache) so services and tests can call it with any client.
 */
const KNOWN = new Set<string>(SETTING_KEYS);

export async function loadSettings(db: Db | Tx): Promise<Settings> {
  // Read on every request (the layout, the session): written out without parameters, since the ORM
  // (or an array parameter) costs ~4× the CPU of this statement. One row per key: a handful of rows.
  const rows = await db.$queryRaw<{ key: string; value: unknown }[]>`SELECT key, value FROM "Setting"`;
  const merged: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const row of rows) if (KNOWN.has(row.key)) merged[row.key] = row.value;
  return merged as Settings;
}
