"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formAction } from "@/lib/forms/action";
import { GROUP_PERMISSION, GROUP_SCHEMAS, type GroupInput, type SettingGroup } from "@/lib/settings/groups";
import { saveSettingsGroup } from "@/lib/settings/update";

// One action per group of the settings page; each checks the group's own grant (and the service
// checks it again). A setting can change any page (the region's name is in the shell): revalidate all.
function settingsAction<G extends SettingGroup>(group: G) {
  return formAction({
    schema: GROUP_SCHEMAS[group],
    permission: GROUP_PERMISSION[group],
    run: ({ actor, data, now }) => saveSettingsGroup({ actor, now, group, input: data as GroupInput<G> }),
    onSuccess: (_result, data) => {
      revalidatePath("/", "layout");
      const jenis = group === "dokumen" ? `&jenis=${(data as { jenis: string }).jenis}` : "";
      redirect(`/pengaturan?tersimpan=${group}${jenis}#${group}`);
    },
  });
}

export const saveRegionSettingsAction = settingsAction("wilayah");
export const saveMonitoringSettingsAction = settingsAction("pemantauan");
export const saveNaskahSettingsAction = settingsAction("naskah");
export const saveNumberPatternsAction = settingsAction("nomor");
export const saveRequiredDocumentsAction = settingsAction("dokumen");
export const saveSecuritySettingsAction = settingsAction("keamanan");
