import type { ReactNode } from "react";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { agreementState, AGREEMENT_STATE_LABELS, type AgreementState } from "@/lib/agreements/state";
import { formatTanggal } from "@/lib/format";
import type { AgreementStatus, AgreementType, SignerType, TerminationGround } from "@/lib/generated/prisma/enums";
import { AGREEMENT_TYPE_LABELS, TERMINATION_GROUND_LABELS } from "./labels";

export type AgreementItem = {
  id: string;
  type: AgreementType;
  title: string;
  status: AgreementStatus;
  ourNumber: string | null;
  partnerNumber: string | null;
  signedAt: Date | null;
  signedPlace: string | null;
  signerType: SignerType | null;
  signerName: string | null;
  signerPosition: string | null;
  partnerSignerName?: string | null;
  partnerSignerPosition?: string | null;
  startDate: Date | null;
  endDate: Date | null;
  version: number;
  dprdDecisionNumber: string | null;
  dprdDecisionDate: Date | null;
  terminatedAt: Date | null;
  terminationGround: TerminationGround | null;
};

const STATE_TONE: Record<AgreementState, BadgeTone> = {
  DRAF: "neutral", MENUNGGU_DPRD: "warning", BELUM_BERLAKU: "info", BERLAKU: "success", BERAKHIR: "neutral",
  DIAKHIRI: "danger", DIGANTI: "warning", DITOLAK_DPRD: "danger", BATAL: "neutral",
};

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-sm font-semibold text-slate-900">{label}</dt>
      <dd className="mt-0.5 text-sm text-slate-800">{children}</dd>
    </div>
  );
}

const dash = (v: string | null | undefined) => (v && v.trim() ? v : "—");

/** Date-only columns are UTC midnight: format them in UTC so the calendar date never shifts. */
const date = (d: Date | null) => (d ? formatTanggal(d, "UTC") : "—");

/**
 * One naskah (KB, PKS, NK, MoU, adendum): both numbers, signing, both signatories, period, and
 * whether it binds today ("belum berlaku" before its start date, "menunggu persetujuan DPRD" while
 * the DPRD has not approved). `children` go inside the card (its documents, an adendum's changes).
 */
export function AgreementCard({ a, today, children }: { a: AgreementItem; today: Date; children?: ReactNode }) {
  const state = agreementState(a, today);
  return (
    <div className="rounded-lg border border-slate-200 p-4">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <h3 className="text-sm font-semibold text-slate-900">
          {AGREEMENT_TYPE_LABELS[a.type]}
          {a.version > 1 && a.type !== "ADENDUM" && <span className="font-normal text-slate-700"> (versi {a.version}, setelah adendum)</span>}
          <span className="block font-normal text-slate-700">{a.title}</span>
        </h3>
        <Badge tone={STATE_TONE[state]} wrap>
          <span className="sr-only">Status: </span>
          {AGREEMENT_STATE_LABELS[state]}
        </Badge>
      </div>
      <dl className="mt-3 grid gap-x-6 gap-y-3 sm:grid-cols-2">
        <Row label="Nomor pihak daerah">{dash(a.ourNumber)}</Row>
        <Row label="Nomor pihak mitra">{dash(a.partnerNumber)}</Row>
        <Row label="Ditandatangani">
          {a.signedAt ? `${date(a.signedAt)}${a.signedPlace ? ` di ${a.signedPlace}` : ""}` : "Belum ditandatangani"}
        </Row>
        <Row label="Penandatangan pihak daerah">
          {a.signerName ? (
            <>
              {a.signerName}
              {a.signerPosition && `, ${a.signerPosition}`}
              {a.signerType === "PEJABAT_DIKUASAKAN" && <span className="font-semibold"> — dengan surat kuasa</span>}
            </>
          ) : (
            "—"
          )}
        </Row>
        {a.partnerSignerName && (
          <Row label="Penandatangan pihak mitra">
            {a.partnerSignerName}
            {a.partnerSignerPosition && `, ${a.partnerSignerPosition}`}
          </Row>
        )}
        <Row label={a.type === "ADENDUM" ? "Berlaku" : "Jangka waktu"}>
          {a.startDate && a.endDate ? `${date(a.startDate)} s.d. ${date(a.endDate)}` : "—"}
        </Row>
        {a.dprdDecisionNumber && (
          <Row label="Persetujuan DPRD">
            {a.dprdDecisionNumber}, {date(a.dprdDecisionDate)}
          </Row>
        )}
        {a.terminatedAt && (
          <Row label="Pengakhiran">
            {date(a.terminatedAt)}
            {a.terminationGround && ` — ${TERMINATION_GROUND_LABELS[a.terminationGround]}`}
          </Row>
        )}
      </dl>
      {children}
    </div>
  );
}

/** The naskah of a case, one card each. */
export function AgreementList({
  agreements,
  today,
}: {
  agreements: readonly AgreementItem[];
  /** Today in the region (lib/dates todayInZone). */
  today: Date;
}) {
  return (
    <ul className="space-y-4">
      {agreements.map((a) => (
        <li key={a.id}>
          <AgreementCard a={a} today={today} />
        </li>
      ))}
    </ul>
  );
}
