import { z } from "zod";
import { Realization, ReportRecommendation } from "@/lib/generated/prisma/enums";
import { optionalText, recordId, recordVersion, requiredChoice, requiredText } from "@/lib/validation/fields";

/*
 * The forms of the monitoring reports, parsed by conform on the server (lib/forms/action.ts) and in
 * the browser. A draft needs the realisation, the output and the recommendation (the columns the
 * report cannot exist without); sending needs every part of domain §6.
 */

/** A period's URL key: its start date (YYYY-MM-DD) or "akhir" for the final report. */
export const periodKey = z
  .string({ error: "Formulir tidak lengkap. Muat ulang halaman lalu coba lagi." })
  .regex(/^(\d{4}-\d{2}-\d{2}|akhir)$/, { error: "Periode laporan tidak sah. Muat ulang halaman lalu coba lagi." });

export const REPORT_INTENTS = ["draf", "kirim"] as const;

const SEND_REQUIRED = {
  benefits: "Manfaat wajib diisi sebelum laporan dikirim",
  obstacles: "Kendala wajib diisi sebelum laporan dikirim (tulis \"Tidak ada kendala\" bila memang tidak ada)",
  followUp: "Tindak lanjut wajib diisi sebelum laporan dikirim",
} as const;

export const reportSchema = z
  .object({
    caseId: recordId,
    period: periodKey,
    /** Absent until the report's first save. */
    reportId: recordId.optional(),
    version: recordVersion.optional(),
    /** Which button was pressed: save as a draft, or send to Bagian Kerja Sama. */
    intent: z.enum(REPORT_INTENTS, { error: "Pilih Simpan Draf atau Kirim Laporan." }),
    realization: requiredChoice(Realization, "Realisasi kegiatan"),
    outputAchieved: requiredText("Capaian output", 4000, { multiline: true }),
    benefits: optionalText("Manfaat", 4000, { multiline: true }),
    obstacles: optionalText("Kendala", 4000, { multiline: true }),
    followUp: optionalText("Tindak lanjut", 4000, { multiline: true }),
    recommendation: requiredChoice(ReportRecommendation, "Rekomendasi"),
  })
  .superRefine(
    (v, ctx) => {
      if (v.intent !== "kirim") return;
      for (const [field, message] of Object.entries(SEND_REQUIRED) as [keyof typeof SEND_REQUIRED, string][]) {
        if (!v[field]) ctx.addIssue({ code: "custom", path: [field], message });
      }
    },
    // Also when other fields failed: every error of the form at once.
    { when: (payload) => typeof payload.value === "object" && payload.value !== null },
  );

export type ReportInput = z.output<typeof reportSchema>;

export const RATING_MIN = 1;
export const RATING_MAX = 5;

export const reviewSchema = z.object({
  reportId: recordId,
  version: recordVersion,
  rating: z
    .number({ error: (iss) => (iss.input === undefined ? "Nilai wajib dipilih" : "Nilai harus 1 sampai 5") })
    .int({ error: "Nilai harus 1 sampai 5" })
    .min(RATING_MIN, { error: "Nilai harus 1 sampai 5" })
    .max(RATING_MAX, { error: "Nilai harus 1 sampai 5" }),
  reviewNote: requiredText("Catatan telaah", 2000, { multiline: true }),
});

export const returnSchema = z.object({
  reportId: recordId,
  version: recordVersion,
  reason: requiredText("Alasan pengembalian", 2000, { multiline: true, min: 10 }),
});

export const removeEvidenceSchema = z.object({
  reportId: recordId,
  documentId: recordId,
});
