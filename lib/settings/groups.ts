// The groups of the settings page (/pengaturan, issue 8 §4): which Setting keys each form saves,
// who may save it, and its zod schema (Indonesian messages; the same schema runs in the browser
// and on the server). Pure: no database, no clock. The service is lib/settings/update.ts.
import { z } from "zod";
import type { Action } from "@/lib/auth/policy";
import type { CaseKind, DocumentType, Stage } from "@/lib/generated/prisma/enums";
import { checkbox, requiredChoice, requiredText } from "@/lib/validation/fields";
import { stageDocumentTypes } from "@/lib/workflow/documents";
import { ADENDUM_STAGES, stagePath } from "@/lib/workflow/stages";
import type { SettingKey, Settings } from "./defaults";

export const SETTING_GROUPS = ["wilayah", "pemantauan", "naskah", "nomor", "dokumen", "keamanan"] as const;
export type SettingGroup = (typeof SETTING_GROUPS)[number];

export const GROUP_KEYS: Record<SettingGroup, readonly SettingKey[]> = {
  wilayah: ["region"],
  pemantauan: ["reminderOffsetsDays", "endingSoonDays", "monevPeriod", "monevGraceDays", "monevFinalReportDays", "kbWithoutPksMonths", "stageWaitDays"],
  naskah: ["pksMaxYears", "dprdResponseDays", "ksdpkDprdFollowsQuestions", "ptnBhKind"],
  nomor: ["numberPatterns"],
  dokumen: ["requiredDocuments"],
  keamanan: ["security"],
};

/**
 * Rule settings (domain §10) are a Kepala Bagian Kerja Sama decision; the region profile and the
 * sign-in requirement are system administration shared with the Administrator (policy-table.ts).
 */
export const GROUP_PERMISSION: Record<SettingGroup, Action> = {
  wilayah: "settings.system.edit",
  pemantauan: "settings.edit",
  naskah: "settings.edit",
  nomor: "settings.edit",
  dokumen: "settings.edit",
  keamanan: "settings.system.edit",
};

export const GROUP_TITLES: Record<SettingGroup, string> = {
  wilayah: "Profil Daerah",
  pemantauan: "Pengingat dan Pemantauan",
  naskah: "Aturan Naskah",
  nomor: "Pola Nomor Naskah",
  dokumen: "Dokumen Wajib per Tahapan",
  keamanan: "Keamanan Masuk",
};

export const TIME_ZONES = { "Asia/Jakarta": "WIB — Asia/Jakarta", "Asia/Makassar": "WITA — Asia/Makassar", "Asia/Jayapura": "WIT — Asia/Jayapura" } as const;
export const REGION_LEVELS = { KABUPATEN: "Kabupaten", KOTA: "Kota", PROVINSI: "Provinsi" } as const;
export const MONEV_PERIODS = { BULANAN: "Bulanan", TRIWULAN: "Triwulan", SEMESTER: "Semester", TAHUNAN: "Tahunan" } as const;
export const PTN_BH_KINDS = { KSDPK: "KSDPK (Pihak Ketiga)", SINERGI: "SINERGI (Program Pusat)" } as const;
export const NUMBER_KINDS = { KB: "Kesepakatan Bersama", PKS: "Perjanjian Kerja Sama", NK: "Nota Kesepakatan", MOU: "MoU", ADENDUM: "Adendum" } as const;
export const NUMBER_TOKENS = ["{klasifikasi}", "{urut}", "{unit}", "{tahun}"] as const;
export const CASE_KINDS = ["KSDD", "KSDPK", "SINERGI", "KSDPL", "KSDLL"] as const satisfies readonly CaseKind[];

/** A label map → the enum object zod wants (`z.enum({ K: "K" })`: the values are what is accepted). */
function codes<K extends string>(labels: Record<K, string>): { [P in K]: P } {
  return Object.fromEntries(Object.keys(labels).map((k) => [k, k])) as { [P in K]: P };
}

const FORM_BROKEN = "Formulir tidak lengkap. Muat ulang halaman lalu coba lagi.";
/** Sum of the versions of the group's Setting rows, read with the page (the optimistic lock). */
const versi = z.number({ error: FORM_BROKEN }).int().min(0);

/** A whole number typed in a field, min..max, with the field's name in every message. */
function wholeNumber(label: string, min: number, max: number) {
  return z
    .number({ error: (iss) => (iss.input === undefined ? `${label} wajib diisi` : `${label} harus berupa bilangan bulat`) })
    .int({ error: `${label} harus berupa bilangan bulat` })
    .min(min, { error: `${label} minimal ${min}` })
    .max(max, { error: `${label} maksimal ${max}` });
}

export const wilayahSchema = z.object({
  versi,
  regionName: requiredText("Nama daerah", 120, { min: 3 }),
  regionLevel: requiredChoice(codes(REGION_LEVELS), "Tingkat daerah"),
  headTitle: requiredText("Sebutan Kepala Daerah", 60, { min: 3 }),
  timeZone: requiredChoice(codes(TIME_ZONES), "Zona waktu"),
});

const OFFSETS_LABEL = "Jarak pengingat";
export const pemantauanSchema = z
  .object({
    versi,
    reminderOffsetsDays: z
      .string({ error: `${OFFSETS_LABEL} wajib diisi` })
      .trim()
      .regex(/^\d{1,4}(\s*,\s*\d{1,4})*$/, { error: `${OFFSETS_LABEL} berupa bilangan hari dipisah koma, mis. 180, 90, 30, 7` })
      .transform((s) => s.split(",").map((p) => Number(p.trim())))
      .refine((list) => list.every((d) => d >= 1 && d <= 1095), { error: `Setiap ${OFFSETS_LABEL.toLowerCase()} 1 sampai 1095 hari` })
      .refine((list) => new Set(list).size === list.length, { error: `${OFFSETS_LABEL} tidak boleh berulang` })
      .refine((list) => list.length <= 8, { error: `${OFFSETS_LABEL} paling banyak 8 nilai` })
      .transform((list) => [...list].sort((a, b) => b - a)),
    endingSoonDays: wholeNumber("Batas \"Akan Berakhir\"", 1, 730),
    monevPeriod: requiredChoice(codes(MONEV_PERIODS), "Periode laporan"),
    monevGraceDays: wholeNumber("Tenggang laporan berkala", 0, 90),
    monevFinalReportDays: wholeNumber("Tenggat laporan akhir", 1, 180),
    kbWithoutPksMonths: wholeNumber("Batas KB tanpa PKS", 1, 60),
    stageWaitDays: wholeNumber("Batas menunggu di satu tahapan", 1, 365),
  });

export const naskahSchema = z.object({
  versi,
  pksMaxYears: wholeNumber("Jangka waktu PKS terlama", 1, 30),
  // Empty = no deadline (domain §4.3: none was found in current primary text; never approve by lapse).
  dprdResponseDays: wholeNumber("Batas jawaban DPRD", 1, 365).optional().transform((v) => v ?? null),
  ksdpkDprdFollowsQuestions: checkbox,
  ptnBhKind: requiredChoice(codes(PTN_BH_KINDS), "Jenis kerja sama PTN-BH"),
});

function numberPattern(label: string) {
  return requiredText(`Pola nomor ${label}`, 120, { min: 3 })
    .refine((s) => s.includes("{urut}"), { error: `Pola nomor ${label} harus memuat {urut}` })
    .refine((s) => [...s.matchAll(/\{[^}]*\}/g)].every((m) => (NUMBER_TOKENS as readonly string[]).includes(m[0])), {
      error: `Pola nomor ${label} hanya boleh memuat penanda ${NUMBER_TOKENS.join(" ")}`,
    });
}

export const nomorSchema = z.object({
  versi,
  KB: numberPattern("KB"),
  PKS: numberPattern("PKS"),
  NK: numberPattern("NK"),
  MOU: numberPattern("MoU"),
  ADENDUM: numberPattern("Adendum"),
});

/** The stages whose required documents can be set for a jenis: its path (both DPRD variants) and the adendum round. */
export function configurableStages(kind: CaseKind): Stage[] {
  const path = new Set<Stage>([
    ...stagePath(kind, { requiresDprd: true }),
    ...ADENDUM_STAGES,
  ]);
  return [...path].filter((s) => s !== "PELAKSANAAN" && s !== "BERAKHIR" && s !== "SELESAI" && s !== "VERIFIKASI");
}

/** Document types that can be required at a stage: those that can be uploaded in it. */
export function requirableTypes(stage: Stage): readonly DocumentType[] {
  return stageDocumentTypes(stage, "DAERAH").filter((t) => t !== "LAINNYA");
}

const docList = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]));

export const dokumenSchema = z
  .object({
    versi,
    jenis: requiredChoice(codes(Object.fromEntries(CASE_KINDS.map((k) => [k, k])) as Record<CaseKind, string>), "Jenis kerja sama"),
    dokumen: z.record(z.string(), docList).optional().transform((v) => v ?? {}),
  })
  .superRefine((v, ctx) => {
    const stages = new Set<string>(configurableStages(v.jenis));
    for (const [stage, types] of Object.entries(v.dokumen)) {
      if (!stages.has(stage)) {
        ctx.addIssue({ code: "custom", path: ["dokumen"], message: "Tahapan tidak dikenal untuk jenis ini. Muat ulang halaman." });
        continue;
      }
      const allowed = new Set<string>(requirableTypes(stage as Stage));
      if (types.some((t) => !allowed.has(t))) {
        ctx.addIssue({
          code: "custom",
          path: ["dokumen", stage],
          message: "Dokumen ini tidak dapat diunggah pada tahapan tersebut, sehingga tidak dapat diwajibkan",
        });
      }
    }
  });

export const keamananSchema = z.object({ versi, requireSecondFactor: checkbox });

export const GROUP_SCHEMAS = {
  wilayah: wilayahSchema,
  pemantauan: pemantauanSchema,
  naskah: naskahSchema,
  nomor: nomorSchema,
  dokumen: dokumenSchema,
  keamanan: keamananSchema,
} as const;

export type GroupInput<G extends SettingGroup> = z.output<(typeof GROUP_SCHEMAS)[G]>;

/** The parsed form → the Setting keys it sets (`current` gives what a form edits only in part). */
export function groupValues<G extends SettingGroup>(group: G, input: GroupInput<G>, current: Settings): Partial<Settings> {
  switch (group) {
    case "wilayah": {
      const v = input as GroupInput<"wilayah">;
      return { region: { name: v.regionName, level: v.regionLevel, headTitle: v.headTitle, timeZone: v.timeZone } };
    }
    case "pemantauan": {
      const v = input as GroupInput<"pemantauan">;
      return {
        reminderOffsetsDays: v.reminderOffsetsDays, endingSoonDays: v.endingSoonDays, monevPeriod: v.monevPeriod,
        monevGraceDays: v.monevGraceDays, monevFinalReportDays: v.monevFinalReportDays, kbWithoutPksMonths: v.kbWithoutPksMonths,
        stageWaitDays: v.stageWaitDays,
      };
    }
    case "naskah": {
      const v = input as GroupInput<"naskah">;
      return { pksMaxYears: v.pksMaxYears, dprdResponseDays: v.dprdResponseDays, ksdpkDprdFollowsQuestions: v.ksdpkDprdFollowsQuestions, ptnBhKind: v.ptnBhKind };
    }
    case "nomor": {
      const v = input as GroupInput<"nomor">;
      return { numberPatterns: { KB: v.KB, PKS: v.PKS, NK: v.NK, MOU: v.MOU, ADENDUM: v.ADENDUM } };
    }
    case "dokumen": {
      const v = input as GroupInput<"dokumen">;
      const perStage: Partial<Record<Stage, DocumentType[]>> = {};
      for (const stage of configurableStages(v.jenis)) {
        const chosen = v.dokumen[stage] ?? [];
        // Kept in the order of the stage's upload list, so an unchanged form compares equal.
        const ordered = requirableTypes(stage).filter((t) => chosen.includes(t));
        if (ordered.length > 0) perStage[stage] = ordered;
      }
      return { requiredDocuments: { ...current.requiredDocuments, [v.jenis]: perStage } };
    }
    case "keamanan":
      return { security: { requireSecondFactor: (input as GroupInput<"keamanan">).requireSecondFactor } };
  }
  throw new Error(`unknown settings group ${String(group)}`);
}

/** Form default values (strings, "on" for a ticked box) of a group from the effective settings. */
export function groupFormValues(group: SettingGroup, s: Settings, kind: CaseKind = "KSDD"): Record<string, unknown> {
  switch (group) {
    case "wilayah":
      return { regionName: s.region.name, regionLevel: s.region.level, headTitle: s.region.headTitle, timeZone: s.region.timeZone };
    case "pemantauan":
      return {
        reminderOffsetsDays: s.reminderOffsetsDays.join(", "),
        endingSoonDays: String(s.endingSoonDays),
        monevPeriod: s.monevPeriod,
        monevGraceDays: String(s.monevGraceDays),
        monevFinalReportDays: String(s.monevFinalReportDays),
        kbWithoutPksMonths: String(s.kbWithoutPksMonths),
        stageWaitDays: String(s.stageWaitDays),
      };
    case "naskah":
      return {
        pksMaxYears: String(s.pksMaxYears),
        dprdResponseDays: s.dprdResponseDays === null ? "" : String(s.dprdResponseDays),
        ksdpkDprdFollowsQuestions: s.ksdpkDprdFollowsQuestions ? "on" : undefined,
        ptnBhKind: s.ptnBhKind,
      };
    case "nomor":
      return { ...s.numberPatterns };
    case "dokumen":
      return { jenis: kind, dokumen: { ...(s.requiredDocuments[kind] ?? {}) } };
    case "keamanan":
      return { requireSecondFactor: s.security.requireSecondFactor ? "on" : undefined };
  }
}
