import type { ReactNode } from "react";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { Icon } from "@/components/ui/icons";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { transitionSchema } from "@/lib/cases/schemas";
import type { FormActionFn } from "@/lib/forms/action";
import { formConstraints, type Constraint } from "@/lib/forms/constraints";
import {
  DOCUMENT_LABELS, isTerminal, rowsFor, stageLabel, type AvailableEvent, type CaseKind, type Initiator, type Stage,
} from "@/lib/workflow";
import { EVENT_HINTS, NEGATIVE_EVENTS, TERMINATION_GROUND_LABELS } from "./labels";
import { TransitionForm, type TransitionFields } from "./transition-form";

export type ActionPanelProps = {
  /** transitionAction (server action) of the case page. */
  action: FormActionFn;
  caseId: string;
  version: number;
  stage: Stage;
  kind: CaseKind;
  initiator: Initiator;
  /** What the server allows this user now (getCaseDetail().available): the only events shown. */
  available: readonly AvailableEvent[];
  /** settings.region.headTitle, e.g. "Bupati". */
  headTitle: string;
  /** settings.region.name, e.g. "Kabupaten Sukamaju". */
  regionName: string;
  /** settings.pksMaxYears. */
  pksMaxYears: number;
  /** settings.numberPatterns: shown as the format of the region's number when a naskah is signed. */
  numberPatterns?: Partial<Record<"KB" | "PKS" | "NK" | "MOU" | "ADENDUM", string>>;
  /** The partner's name (the signing form asks for its signatory). */
  partnerName: string | null;
  /** Today in the region, YYYY-MM-DD. */
  today: string;
  /** settings.ksdpkDprdFollowsQuestions (the adendum's DPRD questions). */
  ksdpkDprdFollowsQuestions: boolean;
  /** In an adendum round: the type of the naskah it amends (only a PKS adendum may be signed with a surat kuasa). */
  adendumAmends: string | null;
  /** Further actions that are not workflow events (e.g. Perpanjangan), shown after the events. */
  extra?: readonly { key: string; label: string; description: string; content: ReactNode }[];
};

const NUMBER_PATTERN_OF: Partial<Record<Stage, "KB" | "PKS" | "NK" | "MOU" | "ADENDUM">> = {
  PENANDATANGANAN_KB: "KB",
  PENANDATANGANAN_PKS: "PKS",
  PENANDATANGANAN_NK: "NK",
  PENANDATANGANAN_MOU: "MOU",
  ADENDUM_PENANDATANGANAN: "ADENDUM",
};

const NASKAH: Partial<Record<Stage, string>> = {
  PENANDATANGANAN_KB: "Kesepakatan Bersama",
  PENANDATANGANAN_PKS: "Perjanjian Kerja Sama",
  PENANDATANGANAN_NK: "Nota Kesepakatan",
  PENANDATANGANAN_MOU: "MoU",
};

const GROUNDS = Object.entries(TERMINATION_GROUND_LABELS).map(([value, label]) => ({ value, label }));

function checklistItems(kind: CaseKind, initiator: Initiator): string[] {
  return [
    "Isian usulan lengkap dan jelas (objek, urusan, maksud dan tujuan, ruang lingkup, manfaat, pendanaan)",
    "Kerangka Acuan Kerja (KAK) sesuai dengan usulan",
    initiator === "MITRA"
      ? "Surat penawaran mitra terdaftar dan disposisi kepada OPD tersedia"
      : "Surat inisiasi/usulan ditandatangani Kepala OPD",
    ...(kind === "KSDPK" ? ["Studi kelayakan tersedia dan memadai (KSDPK)"] : []),
    "Mitra dan objek kerja sama sesuai dengan kewenangan daerah",
  ];
}

/** The Kepala Daerah as signer: radio label and the prefilled position, e.g. "Bupati Sukamaju". */
function headSigner(p: ActionPanelProps) {
  const place = p.regionName.replace(/^(Kabupaten|Kota|Provinsi)\s+/i, "");
  const pattern = NUMBER_PATTERN_OF[p.stage];
  return {
    headLabel: `${p.headTitle} (Kepala Daerah)`,
    headPosition: `${p.headTitle} ${place}`,
    numberPattern: pattern ? p.numberPatterns?.[pattern] : undefined,
  };
}

function fieldsFor(e: AvailableEvent, p: ActionPanelProps): TransitionFields {
  switch (e.event) {
    case "lengkap":
      return { kind: "checklist", items: checklistItems(p.kind, p.initiator) };
    case "tandatangani": {
      if (p.stage === "ADENDUM_PENANDATANGANAN") {
        // An adendum binds from its signing to the end of the naskah it amends: no period inputs.
        return {
          kind: "signing",
          options: {
            ...headSigner(p), naskah: "Adendum", allowDelegate: p.adendumAmends === "PKS", withPeriod: false, partnerName: p.partnerName,
          },
        };
      }
      const isPks = p.stage === "PENANDATANGANAN_PKS";
      return {
        kind: "signing",
        options: {
          ...headSigner(p),
          naskah: NASKAH[p.stage] ?? "naskah",
          allowDelegate: isPks,
          maxYears: isPks ? p.pksMaxYears : undefined,
          partnerName: p.partnerName,
        },
      };
    }
    case "loi_ditandatangani":
      // The LoI is signed by the Kepala Daerah and has no validity period of its own.
      return {
        kind: "signing",
        options: { ...headSigner(p), naskah: "Letter of Intent", allowDelegate: false, withPeriod: false, partnerName: p.partnerName },
      };
    case "dprd_setuju":
    case "dprd_tolak":
      return { kind: "dprd" };
    case "akhiri":
      return { kind: "termination", grounds: GROUNDS };
    case "mulai_adendum":
      return { kind: "adendum", caseKind: p.kind, ksdpkFollowsQuestions: p.ksdpkDprdFollowsQuestions };
    default:
      return { kind: "none" };
  }
}

/**
 * transitionSchema's HTML constraints (maxLength, required…), computed once on the server: the event
 * forms validate on the server only, so the case page's bundle carries no zod (use-server-form-action.ts).
 */
const TRANSITION_CONSTRAINTS = formConstraints(transitionSchema);

const GROUP_OF: Partial<Record<TransitionFields["kind"], string>> = {
  signing: "signing.", dprd: "dprd.", termination: "termination.", adendum: "adendum.",
};

/** The constraints of the controls one event's form shows (each form's props travel in the page). */
function constraintsFor(fields: TransitionFields): Record<string, Constraint> {
  const prefix = GROUP_OF[fields.kind];
  return Object.fromEntries(
    Object.entries(TRANSITION_CONSTRAINTS).filter(
      ([name]) =>
        name === "note" || (fields.kind === "checklist" && name === "checklistComplete") || (prefix !== undefined && name.startsWith(prefix)),
    ),
  );
}

/** Who may act on this stage at all (from the transition table), for "menunggu tindakan …". */
function waitingFor(p: ActionPanelProps): string[] {
  const roles = new Set(rowsFor({ kind: p.kind, stage: p.stage, initiator: p.initiator }).flatMap((t) => t.roles));
  return [...roles].map((r) => ROLE_LABELS[r]);
}

function EventSummary({ e, danger, initiator }: { e: AvailableEvent; danger: boolean; initiator: Initiator }): ReactNode {
  return (
    <span className="flex flex-1 flex-wrap items-center gap-x-3 gap-y-1">
      <span className={cn("font-semibold", danger ? "text-red-800" : "text-brand-800")}>{e.label}</span>
      <span className="text-sm font-normal text-slate-700">Tahap berikutnya: {stageLabel(e.to, initiator)}</span>
      {e.missingDocuments.length > 0 && (
        <span className="text-sm font-normal text-amber-900">({e.missingDocuments.length} dokumen belum ada)</span>
      )}
    </span>
  );
}

/** Stages of a running cooperation: its page leads with the reports, every action stays folded. */
const RUNNING_STAGES: readonly Stage[] = ["PELAKSANAAN", "BERAKHIR"];

type PanelItem = { key: string; summary: ReactNode; danger: boolean; content: ReactNode };

/**
 * The decisions this user may record now: one form per event the server allows (never more), plus
 * the extra actions (perpanjangan). With several items each sits in a <details>; the first
 * non-negative one starts open — except on a running cooperation, where ending it early is a
 * secondary, last, folded action and nothing is open by default.
 */
export function ActionPanel(props: ActionPanelProps) {
  const { available, stage } = props;
  const running = RUNNING_STAGES.includes(stage);
  const events: PanelItem[] = available.map((e) => {
    const danger = NEGATIVE_EVENTS.includes(e.event);
    const fields = fieldsFor(e, props);
    return {
      key: e.event,
      danger,
      summary: <EventSummary e={e} danger={danger} initiator={props.initiator} />,
      content: (
        <TransitionForm
          action={props.action}
          caseId={props.caseId}
          version={props.version}
          event={e.event}
          label={e.label}
          reasonRequired={e.reasonRequired}
          danger={danger}
          missingDocuments={e.missingDocuments.map((d) => DOCUMENT_LABELS[d])}
          fields={fields}
          constraint={constraintsFor(fields)}
          today={props.today}
          hint={EVENT_HINTS[e.event]}
        />
      ),
    };
  });
  const extras: PanelItem[] = (props.extra ?? []).map((x) => ({
    key: x.key,
    danger: false,
    summary: (
      <span className="flex flex-1 flex-wrap items-center gap-x-3 gap-y-1">
        <span className="font-semibold text-brand-800">{x.label}</span>
        <span className="text-sm font-normal text-slate-700">{x.description}</span>
      </span>
    ),
    content: x.content,
  }));
  const items = running
    ? [...events.filter((i) => !i.danger), ...extras, ...events.filter((i) => i.danger)]
    : [...events, ...extras];
  const openIndex = running ? -1 : Math.max(0, items.findIndex((f) => !f.danger));

  return (
    <Card
      title="Tindakan pada tahap ini"
      description={`Tahap saat ini: ${stageLabel(stage, props.initiator)}. Hanya tindakan yang boleh Anda lakukan yang ditampilkan.`}
    >
      {items.length === 0 ? (
        <p className="flex items-start gap-2 text-sm text-slate-700">
          <Icon name="info" className="mt-0.5 size-5 shrink-0 text-sky-700" />
          <span>
            {isTerminal(stage)
              ? "Proses kerja sama ini telah berakhir; tidak ada tindakan lanjutan."
              : waitingFor(props).length > 0
                ? `Tidak ada tindakan untuk Anda pada tahap ini. Tahap ini menunggu tindakan: ${waitingFor(props).join(", ")}.`
                : "Tidak ada tindakan untuk Anda pada tahap ini."}
          </span>
        </p>
      ) : items.length === 1 && !running ? (
        <div className="space-y-3">
          <h3 className="text-base font-semibold text-slate-900">{items[0].summary}</h3>
          {items[0].content}
        </div>
      ) : (
        <div className="space-y-3">
          {items.map(({ key, danger, summary, content }, i) => (
            <details
              key={key}
              open={i === openIndex}
              className={cn("group rounded-md border", danger ? "border-red-200" : "border-slate-300")}
            >
              <summary
                className={cn(
                  "flex cursor-pointer list-none items-center gap-2 rounded-md px-4 py-3 hover:bg-slate-50",
                  "[&::-webkit-details-marker]:hidden",
                )}
              >
                <Icon name="chevronRight" className="size-4 shrink-0 text-slate-600 transition-transform group-open:rotate-90" />
                {summary}
              </summary>
              <div className="border-t border-slate-200 px-4 py-4">{content}</div>
            </details>
          ))}
        </div>
      )}
    </Card>
  );
}
