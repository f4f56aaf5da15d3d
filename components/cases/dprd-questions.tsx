"use client";

import { useState } from "react";
import { RadioGroupField, type Meta } from "@/components/forms/fields";
import { asksDprdQuestions, computeRequiresDprd } from "@/lib/workflow/dprd";
import type { CaseKind } from "@/lib/generated/prisma/enums";

type Answer = "ya" | "tidak" | "";

const YES_NO = [
  { value: "ya", label: "Ya" },
  { value: "tidak", label: "Tidak" },
];

const asBool = (a: Answer) => (a === "ya" ? true : a === "tidak" ? false : null);
const asAnswer = (v: unknown): Answer => (v === "ya" || v === "tidak" ? v : "");

/** What the questions are about: the cooperation (usulan) or an adendum's change (domain §5). */
export type DprdQuestionSubject = "kerja sama" | "perubahan";

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function reason(subject: DprdQuestionSubject, burdens: boolean, unbudgeted: boolean): string {
  const s = capital(subject);
  if (burdens && unbudgeted) return `${s} membebani masyarakat dan daerah, dan pendanaannya belum dianggarkan dalam APBD tahun berjalan`;
  if (burdens) return `${s} membebani masyarakat dan daerah`;
  return `Pendanaan ${subject} belum dianggarkan dalam APBD tahun berjalan`;
}

/**
 * The two DPRD questions (domain §4.1) with the computed result shown as the user answers. The
 * server computes and stores the same result with the same function; this is only a preview.
 */
export function DprdQuestions({
  kind,
  burdensPublic,
  budgetedInApbd,
  ksdpkFollowsQuestions,
  subject = "kerja sama",
}: {
  kind: CaseKind;
  burdensPublic: Meta;
  budgetedInApbd: Meta;
  ksdpkFollowsQuestions: boolean;
  subject?: DprdQuestionSubject;
}) {
  const [answers, setAnswers] = useState({
    burdensPublic: asAnswer(burdensPublic.initialValue),
    budgetedInApbd: asAnswer(budgetedInApbd.initialValue),
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
      <RadioGroupField
        meta={burdensPublic}
        label={`Apakah ${subject} membebani masyarakat dan daerah?`}
        required
        inline
        choices={YES_NO}
        onChange={(v) => setAnswers((prev) => ({ ...prev, burdensPublic: asAnswer(v) }))}
      />
      <RadioGroupField
        meta={budgetedInApbd}
        label="Apakah pendanaannya sudah dianggarkan dalam APBD tahun berjalan?"
        required
        inline
        choices={YES_NO}
        onChange={(v) => setAnswers((prev) => ({ ...prev, budgetedInApbd: asAnswer(v) }))}
      />
      <p aria-live="polite" className="rounded-md border border-slate-200 bg-slate-50 p-3 text-sm text-slate-800">
        {complete ? (
          <>
            <strong>Perlu persetujuan DPRD: {requires ? "Ya" : "Tidak"}.</strong>{" "}
            {settingNote
              ? "Pengaturan daerah menetapkan kerja sama dengan pihak ketiga tidak memerlukan persetujuan DPRD."
              : requires
                ? `${reason(subject, answers.burdensPublic === "ya", answers.budgetedInApbd === "tidak")} (PP 28/2018).`
                : `${capital(subject)} tidak membebani masyarakat dan daerah, dan pendanaannya sudah dianggarkan dalam APBD tahun berjalan.`}
          </>
        ) : (
          "Jawab kedua pertanyaan di atas; hasilnya (perlu atau tidak persetujuan DPRD) tampil di sini."
        )}
      </p>
    </div>
  );
}
