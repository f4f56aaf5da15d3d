import { parseWithZod } from "@conform-to/zod/v4";
import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "@/lib/settings/defaults";
import { CASE_KINDS, GROUP_KEYS, GROUP_SCHEMAS, SETTING_GROUPS, groupFormValues, groupValues, type SettingGroup } from "@/lib/settings/groups";
import { diffSetting } from "@/lib/settings/history";
import { SETTING_KEYS } from "@/lib/settings/defaults";

// The settings page's forms are a faithful view of the settings: the defaults, shown in a form and
// posted back unchanged, parse and give exactly the defaults (so an untouched save changes nothing
// and every default required document can be ticked on the page).

function post(group: SettingGroup, values: Record<string, unknown>) {
  const fd = new FormData();
  fd.append("versi", "0");
  for (const [k, v] of Object.entries(values)) {
    if (v === undefined) continue;
    if (k === "dokumen") {
      for (const [stage, types] of Object.entries(v as Record<string, string[]>)) for (const t of types) fd.append(`dokumen.${stage}`, t);
    } else fd.append(k, String(v));
  }
  return parseWithZod(fd, { schema: GROUP_SCHEMAS[group] });
}

describe("settings groups", () => {
  it("every Setting key belongs to exactly one group of the page", () => {
    const keys = SETTING_GROUPS.flatMap((g) => GROUP_KEYS[g]);
    expect([...keys].sort()).toEqual([...SETTING_KEYS].sort());
  });

  it.each(SETTING_GROUPS.filter((g) => g !== "dokumen"))("the defaults round-trip through the %s form", (group) => {
    const submission = post(group, groupFormValues(group, DEFAULT_SETTINGS));
    expect(submission.status, JSON.stringify(submission.reply().error)).toBe("success");
    if (submission.status !== "success") return;
    const values = groupValues(group, submission.value as never, DEFAULT_SETTINGS);
    for (const key of GROUP_KEYS[group]) expect(values[key]).toEqual(DEFAULT_SETTINGS[key]);
  });

  it.each(CASE_KINDS)("the default required documents of %s round-trip through the form", (kind) => {
    const submission = post("dokumen", groupFormValues("dokumen", DEFAULT_SETTINGS, kind));
    expect(submission.status, JSON.stringify(submission.reply().error)).toBe("success");
    if (submission.status !== "success") return;
    expect(groupValues("dokumen", submission.value as never, DEFAULT_SETTINGS).requiredDocuments).toEqual(DEFAULT_SETTINGS.requiredDocuments);
  });

  it("the history names each changed leaf in Indonesian", () => {
    expect(diffSetting("region", DEFAULT_SETTINGS.region, { ...DEFAULT_SETTINGS.region, timeZone: "Asia/Makassar" })).toEqual([
      { label: "Zona waktu", before: "WIB — Asia/Jakarta", after: "WITA — Asia/Makassar" },
    ]);
    expect(diffSetting("dprdResponseDays", null, 45)).toEqual([{ label: "Batas jawaban DPRD (hari)", before: "—", after: "45" }]);
    expect(diffSetting("security", { requireSecondFactor: true }, { requireSecondFactor: false })).toEqual([
      { label: "Verifikasi dua langkah wajib", before: "Ya", after: "Tidak" },
    ]);
  });
});
