import "server-only";
import { cache } from "react";
import { getDb } from "@/lib/db";
import { DEFAULT_SETTINGS, SETTING_KEYS, type Settings } from "./defaults";

/** Effective settings: code defaults overridden by Setting rows (one row per top-level key). */
export const getSettings = cache(async (): Promise<Settings> => {
  const rows = await getDb().setting.findMany({ where: { key: { in: SETTING_KEYS } } });
  const merged: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const row of rows) merged[row.key] = row.value;
  return merged as Settings;
});
