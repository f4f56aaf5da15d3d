import { describe, expect, it } from "vitest";
import { reportSchema, returnSchema, reviewSchema } from "@/lib/reports/schemas";

// The report forms' schemas (the browser and the server parse with the same ones).

const fields = (result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) =>
  result.success ? [] : result.error!.issues.map((i) => i.path.join("."));
const base = { caseId: "case-1", period: "2026-04-01", realization: "PENUH", outputAchieved: "Kegiatan terlaksana.", recommendation: "LANJUTKAN" };

describe("report form", () => {
  it("a draft needs realisasi, capaian and rekomendasi; sending also manfaat, kendala and tindak lanjut — all errors at once", () => {
    expect(reportSchema.safeParse({ ...base, intent: "draf" }).success).toBe(true);
    expect(fields(reportSchema.safeParse({ ...base, intent: "kirim" }))).toEqual(["benefits", "obstacles", "followUp"]);
    expect(fields(reportSchema.safeParse({ caseId: "case-1", period: "akhir", intent: "kirim" }))).toEqual([
      "realization", "outputAchieved", "recommendation", "benefits", "obstacles", "followUp",
    ]);
    expect(reportSchema.safeParse({ ...base, intent: "kirim", benefits: "a", obstacles: "b", followUp: "c" }).success).toBe(true);
  });

  it("refuses unknown periods, intents and choices, and control characters", () => {
    expect(fields(reportSchema.safeParse({ ...base, intent: "draf", period: "2026-4-1" }))).toEqual(["period"]);
    expect(fields(reportSchema.safeParse({ ...base, intent: "hapus" }))).toEqual(["intent"]);
    expect(fields(reportSchema.safeParse({ ...base, intent: "draf", realization: "SEMPURNA" }))).toEqual(["realization"]);
    expect(fields(reportSchema.safeParse({ ...base, intent: "draf", outputAchieved: "ada\u0000nol" }))).toEqual(["outputAchieved"]);
    // Multi-line answers keep their line breaks.
    expect(reportSchema.safeParse({ ...base, intent: "draf", outputAchieved: "baris 1\nbaris 2" }).success).toBe(true);
  });

  it("a rating is a whole number 1–5 with a note; a return needs a reason of at least 10 characters", () => {
    for (const rating of [1, 5]) expect(reviewSchema.safeParse({ reportId: "r", version: 0, rating, reviewNote: "Baik." }).success).toBe(true);
    for (const rating of [0, 6, 3.5, Number.NaN]) {
      expect(fields(reviewSchema.safeParse({ reportId: "r", version: 0, rating, reviewNote: "Baik." }))).toEqual(["rating"]);
    }
    expect(fields(reviewSchema.safeParse({ reportId: "r", version: 0, rating: 3, reviewNote: "  " }))).toEqual(["reviewNote"]);
    expect(fields(returnSchema.safeParse({ reportId: "r", version: 0, reason: "Kurang." }))).toEqual(["reason"]);
    expect(returnSchema.safeParse({ reportId: "r", version: 0, reason: "Lampirkan daftar hadir." }).success).toBe(true);
  });
});
