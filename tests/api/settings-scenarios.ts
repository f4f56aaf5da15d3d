// The settings page's actions (app/(app)/pengaturan/actions.ts) in the authorization matrix. Each call
// submits a real change to one group (so a refusal is visible as "nothing changed"); an accepted call
// is checked in the Setting row, then the setting is put back at once: the demo database is shared
// by the whole run, and e.g. a second-factor requirement left on would lock the Kepala Bagian out.
import { expect } from "@playwright/test";
import { DEFAULT_SETTINGS, type SettingKey, type Settings } from "@/lib/settings/defaults";
import { GROUP_KEYS, groupFormValues, type SettingGroup } from "@/lib/settings/groups";
import { db, one } from "./harness/db";
import type { ActionScenario, Prepared } from "./scenarios";

async function current(group: SettingGroup): Promise<{ settings: Settings; versi: number }> {
  const { rows } = await db().query<{ key: string; value: unknown; version: number }>(`SELECT key, value, version FROM "Setting"`);
  const settings = { ...DEFAULT_SETTINGS } as Record<string, unknown>;
  for (const r of rows) settings[r.key] = r.value;
  const keys = new Set<string>(GROUP_KEYS[group]);
  return { settings: settings as Settings, versi: rows.filter((r) => keys.has(r.key)).reduce((s, r) => s + r.version, 0) };
}

const asFields = (values: Record<string, unknown>): Record<string, string> =>
  Object.fromEntries(Object.entries(values).filter(([, v]) => typeof v === "string").map(([k, v]) => [k, v as string]));

/** Fields of `group` with `tweak` applied; check: `expected` holds for the stored value of `key`, then it is put back. */
function scenario(
  group: SettingGroup,
  key: SettingKey,
  tweak: (fields: Record<string, string>, s: Settings) => Record<string, string>,
  expected: (stored: unknown, before: Settings) => void,
): ActionScenario {
  return {
    page: () => "/pengaturan",
    async prepare(): Promise<Prepared> {
      const { settings, versi } = await current(group);
      const fields = tweak({ versi: String(versi), ...asFields(groupFormValues(group, settings)) }, settings);
      return {
        fields,
        check: async () => {
          const row = await one<{ value: unknown }>(`SELECT value FROM "Setting" WHERE key = $1`, [key]);
          expect(row, `Setting ${key} saved`).toBeTruthy();
          expected(row!.value, settings);
          await one(`UPDATE "Setting" SET value = $2::jsonb WHERE key = $1 RETURNING key`, [key, JSON.stringify(settings[key])]);
        },
      };
    },
  };
}

export const SETTINGS_SCENARIOS: Record<string, ActionScenario> = {
  "saveRegionSettingsAction | region profile (Kabag, Admin)": scenario(
    "wilayah", "region",
    (f) => ({ ...f, regionName: `${f.regionName} Uji` }),
    (v, s) => expect((v as Settings["region"]).name).toBe(`${s.region.name} Uji`),
  ),
  "saveMonitoringSettingsAction | reminder and monev rules": scenario(
    "pemantauan", "monevFinalReportDays",
    (f) => ({ ...f, monevFinalReportDays: String(Number(f.monevFinalReportDays) === 180 ? 179 : Number(f.monevFinalReportDays) + 1) }),
    (v, s) => expect(v).not.toBe(s.monevFinalReportDays),
  ),
  "saveNaskahSettingsAction | PKS years, DPRD deadline, PTN-BH": scenario(
    "naskah", "dprdResponseDays",
    (f) => ({ ...f, dprdResponseDays: f.dprdResponseDays === "45" ? "46" : "45" }),
    (v) => expect([45, 46]).toContain(v),
  ),
  "saveNumberPatternsAction | naskah number patterns": scenario(
    "nomor", "numberPatterns",
    (f) => ({ ...f, KB: "{klasifikasi}/{urut}/UJI/{tahun}" }),
    (v) => expect((v as Settings["numberPatterns"]).KB).toBe("{klasifikasi}/{urut}/UJI/{tahun}"),
  ),
  // Single-valued fields: the SINERGI list becomes "SK PPKSD at DRAF" only; put back right after.
  "saveRequiredDocumentsAction | required documents of one jenis": scenario(
    "dokumen", "requiredDocuments",
    (f) => ({ versi: f.versi, jenis: "SINERGI", "dokumen.DRAF": "SK_PPKSD" }),
    (v) => expect((v as Settings["requiredDocuments"]).SINERGI).toEqual({ DRAF: ["SK_PPKSD"] }),
  ),
  "saveSecuritySettingsAction | second-factor requirement (Kabag, Admin)": scenario(
    "keamanan", "security",
    (f): Record<string, string> => (f.requireSecondFactor === "on" ? { versi: f.versi } : { ...f, requireSecondFactor: "on" }),
    (v, s) => expect((v as Settings["security"]).requireSecondFactor).toBe(!s.security.requireSecondFactor),
  ),
};
