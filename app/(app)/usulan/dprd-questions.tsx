"use client";

import { useState } from "react";
import { FieldSet, type FieldError } from "@/components/ui/field";
import { Radio } from "@/components/ui/checkbox";
import { asksDprdQuestions, computeRequiresDprd } from "@/lib/workflow/dprd";
import type { CaseKind } from "@/lib/generated/prisma/enums";

type Answer = "ya" | "tidak" | "";

const QUESTIONS = [
  { name: "burdensPublic", legend: "Apakah kerja sama membebani masyarakat dan daerah?" },
  { name: "budgetedInApbd", legend: "Apakah pendanaannya sudah dianggarkan dalam APBD tahun berjalan?" },
] as const;

const asBool = (a: Answer) => (a === "ya" ? true : a === "tidak" ? false : null);
function reason(burdens: boolean, unbudgeted: boolean): string {
  if (burdens && unbudgeted) return "Kerja sama membebani masyarakat dan daerah, dan pendanaannya belum dianggarkan dalam APBD tahun berjalan";
  if (burdens) return "Kerja sama membebani masyarakat dan daerah";
  return "Pendanaan kerja sama belum dianggarkan dalam APBD tahun berjalan";
}

const asAnswer = (v: string | undefined): Answer => (v === "ya" || v === "tidak" ? v : "");

/**
 * The two DPRD questions (domain §4.1) with the computed result shown as the user answers. The
 * server computes and stores the same result with the same function; this is only a preview.
 * Remount it (key) to start again from `values`.
 */
export function DprdQuestions({
  kind,
  values,
  errors,
  ksdpkFollowsQuestions,
  idPrefix,
}: {
  kind: CaseKind;
  values: Record<string, string>;
  errors: Record<string, FieldError>;
  ksdpkFollowsQuestions: boolean;
  idPrefix: string;
}) {
  const [answers, setAnswers] = useState<Record<string, Answer>>({
    burdensPublic: asAnswer(values.burdensPublic),
    budgetedInApbd: asAnswer(values.budgetedInApbd),
  });

  if (!asksDprdQuestions(kind)) {
    const always = kind === "KSDPL" || kind === "KSDLL";
    return (
      <p className="rounded-md border border-slate-200 bg-slate-50 p-3 text-sm text-slate-800">
        <strong>Persetujuan DPRD: {always ? "Ya" : "Tidak"}.</strong>{" "}
        {always
          ? "Selalu memerlukan persetujuan DPRD (Permendagri 25/2020)."
          : "Tidak memerlukan persetujuan DPRD (dukungan program pemerintah pusat)."}
      </p>
    );
  }

  const complete = answers.burdensPublic !== "" && answers.budgetedInApbd !== "";
  const requires = computeRequiresDprd(
    kind,
    { burdensPublic: asBool(answers.burdensPublic), budgetedInApbd: asBool(answers.budgetedInApbd) },
    ksdpkFollowsQuestions,
  );
  const settingNote = kind === "KSDPK" && !ksdpkFollowsQuestions;

  return (
    <div className="space-y-5">
      {QUESTIONS.map((q) => (
        <FieldSet key={q.name} id={`${idPrefix}-${q.name}`} legend={q.legend} required error={errors[q.name]}>
          <div className="flex flex-wrap gap-x-8 gap-y-2">
            {(["ya", "tidak"] as const).map((a) => (
              <Radio
                key={a}
                id={`${idPrefix}-${q.name}-${a}`}
                name={q.name}
                value={a}
                label={a === "ya" ? "Ya" : "Tidak"}
                defaultChecked={answers[q.name] === a}
                onChange={() => setAnswers((prev) => ({ ...prev, [q.name]: a }))}
              />
            ))}
          </div>
        </FieldSet>
      ))}
      <p aria-live="polite" className="rounded-md border border-slate-200 bg-slate-50 p-3 text-sm text-slate-800">
        {complete ? (
          <>
            <strong>Perlu persetujuan DPRD: {requires ? "Ya" : "Tidak"}.</strong>{" "}
            {settingNote
              ? "Pengaturan daerah menetapkan kerja sama dengan pihak ketiga tidak memerlukan persetujuan DPRD."
              : requires
                ? `${reason(answers.burdensPublic === "ya", answers.budgetedInApbd === "tidak")} (PP 28/2018).`
                : "Kerja sama tidak membebani masyarakat dan daerah, dan pendanaannya sudah dianggarkan dalam APBD tahun berjalan."}
          </>
        ) : (
          "Jawab kedua pertanyaan di atas; hasilnya (perlu atau tidak persetujuan DPRD) tampil di sini."
        )}
      </p>
    </div>
  );
}
