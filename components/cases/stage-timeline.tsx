import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";
import { ROLE_LABELS, type Role } from "@/lib/auth/roles";
import { formatTanggalWaktu } from "@/lib/format";
import { isTerminal, NEGATIVE_TERMINAL, stageLabel, type Initiator, type Stage } from "@/lib/workflow";
import { eventPastLabel, NEGATIVE_EVENTS } from "./labels";

export type TimelineHistoryEntry = {
  fromStage: Stage | null;
  toStage: Stage;
  event: string;
  note: string | null;
  createdAt: Date;
  actor: { fullName: string };
  actorRole: Role;
};

export type StageTimelineProps = {
  /** The case's current stage. */
  stage: Stage;
  /** When the case entered its current stage (used when the history is empty). */
  stageEnteredAt: Date;
  /** Forward path of the case (stagePath(kind, …)). */
  path: readonly Stage[];
  /** Stage history, oldest first or newest first (sorted here). */
  history: readonly TimelineHistoryEntry[];
  timeZone: string;
  /** Who initiated the case (a partner-initiated KSDPK names its offer stage differently). */
  initiator?: Initiator;
};

/** Stages off the forward path and where the path resumes after them. */
const RESUMES_AT: Partial<Record<Stage, Stage>> = {
  PERBAIKAN: "VERIFIKASI",
  ADENDUM_PENYUSUNAN: "PELAKSANAAN",
  ADENDUM_KAJIAN: "PELAKSANAAN",
  ADENDUM_DPRD: "PELAKSANAAN",
  ADENDUM_PENANDATANGANAN: "PELAKSANAAN",
};

const RETURN_EVENTS = ["kembalikan", "perlu_perbaikan"];

type Visit = { stage: Stage; enteredAt: Date; enteredBy?: TimelineHistoryEntry; leftBy?: TimelineHistoryEntry };

/** One visit per history row: the stage it entered, and the next row is how that stage was left. */
function visitsOf(history: readonly TimelineHistoryEntry[], stage: Stage, stageEnteredAt: Date): Visit[] {
  const rows = [...history].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  if (rows.length === 0) return [{ stage, enteredAt: stageEnteredAt }];
  return rows.map((row, i) => ({ stage: row.toStage, enteredAt: row.createdAt, enteredBy: row, leftBy: rows[i + 1] }));
}

function upcomingOf(path: readonly Stage[], stage: Stage): Stage[] {
  if (isTerminal(stage)) return [];
  const at = path.indexOf(stage);
  if (at >= 0) return path.slice(at + 1);
  const resume = RESUMES_AT[stage];
  const from = resume ? path.indexOf(resume) : -1;
  return from >= 0 ? path.slice(from) : [];
}

function Who({ entry, timeZone }: { entry: TimelineHistoryEntry; timeZone: string }) {
  return (
    <>
      oleh <span className="font-medium text-slate-900">{entry.actor.fullName}</span> ({ROLE_LABELS[entry.actorRole]}),{" "}
      <time dateTime={entry.createdAt.toISOString()}>{formatTanggalWaktu(entry.createdAt, timeZone)}</time>
    </>
  );
}

function Note({ entry }: { entry: TimelineHistoryEntry }) {
  if (!entry.note) return null;
  const negative = NEGATIVE_EVENTS.includes(entry.event);
  return (
    <p
      className={cn(
        "mt-1.5 rounded-md border-l-4 px-3 py-2 text-sm whitespace-pre-line",
        negative ? "border-red-600 bg-red-50 text-red-950" : "border-slate-300 bg-slate-50 text-slate-800",
      )}
    >
      <span className="font-semibold">{negative ? "Alasan: " : "Catatan: "}</span>
      {entry.note}
    </p>
  );
}

/** "Mulai …", or for the row that created the case, what created it and who. */
function Entered({ v, timeZone, prefix }: { v: Visit; timeZone: string; prefix: string }) {
  if (v.enteredBy && v.enteredBy.fromStage === null) {
    return (
      <p>
        {eventPastLabel(v.enteredBy.event)} <Who entry={v.enteredBy} timeZone={timeZone} />
      </p>
    );
  }
  return (
    <p>
      {prefix} <time dateTime={v.enteredAt.toISOString()}>{formatTanggalWaktu(v.enteredAt, timeZone)}</time>
    </p>
  );
}

const CHECK = "M5 12.5l4.5 4.5L19 7.5";
const CROSS = "M7 7l10 10M17 7L7 17";

function Marker({ kind }: { kind: "done" | "current" | "negative" | "todo" }) {
  const icon = kind === "done" ? CHECK : kind === "negative" ? CROSS : null;
  // One short class per part (.tl-* in app/globals.css): a long timeline sends these twice.
  return (
    <span aria-hidden="true" className={`tl-mark tl-mark-${kind}`}>
      {icon ? (
        <svg viewBox="0 0 24 24" className="size-4" fill="none" stroke="currentColor" strokeWidth={3} strokeLinecap="round" strokeLinejoin="round">
          <path d={icon} />
        </svg>
      ) : (
        <span className="tl-dot" />
      )}
    </span>
  );
}

function Item({
  marker,
  current,
  title,
  status,
  children,
}: {
  marker: "done" | "current" | "negative" | "todo";
  current?: boolean;
  title: string;
  status: ReactNode;
  children?: ReactNode;
}) {
  return (
    <li aria-current={current ? "step" : undefined} className="tl-item">
      <Marker kind={marker} />
      <div
        className={cn(
          current && "rounded-md border px-3 py-2",
          current && (marker === "negative" ? "border-red-200 bg-red-50" : "border-brand-200 bg-brand-50"),
        )}
      >
        <p className="tl-head">
          <span className={cn("font-semibold", marker === "todo" ? "text-slate-600" : "text-slate-900")}>{title}</span>
          <span className={cn("tl-status", marker === "todo" ? "text-slate-600" : marker === "negative" ? "text-red-800" : current ? "text-brand-800" : "text-emerald-800")}>
            {status}
          </span>
        </p>
        {children && <div className="mt-0.5 text-sm text-slate-700">{children}</div>}
      </div>
    </li>
  );
}

/**
 * The life of a case as an ordered list: every stage it has been in (with who moved it on, when,
 * and the note or reason), the current stage (aria-current="step"), then the stages still to come.
 * PERBAIKAN loops appear as often as they happened; a negative end is shown where it happened.
 */
export function StageTimeline({ stage, stageEnteredAt, path, history, timeZone, initiator }: StageTimelineProps) {
  const visits = visitsOf(history, stage, stageEnteredAt);
  const upcoming = upcomingOf(path, stage);
  const lastVisit = visits.length - 1;
  return (
    <ol aria-label="Tahapan dan riwayat" className="ml-3 border-l-2 border-slate-200">
      {visits.map((v, i) => {
        const isCurrent = i === lastVisit;
        const negativeEnd = NEGATIVE_TERMINAL.includes(v.stage);
        if (!isCurrent) {
          const out = v.leftBy;
          const negative = out ? NEGATIVE_EVENTS.includes(out.event) : false;
          return (
            <Item key={i} marker={negative ? "negative" : "done"} title={stageLabel(v.stage, initiator)} status={!negative ? "Dilalui" : RETURN_EVENTS.includes(out!.event) ? "Dikembalikan" : "Dihentikan"}>
              <Entered v={v} timeZone={timeZone} prefix="Mulai" />
              {out && (
                <>
                  <p>
                    <span className={cn("font-semibold", negative ? "text-red-800" : "text-slate-900")}>{eventPastLabel(out.event)}</span>{" "}
                    <Who entry={out} timeZone={timeZone} />
                  </p>
                  <Note entry={out} />
                </>
              )}
            </Item>
          );
        }
        return (
          <Item
            key={i}
            current
            marker={negativeEnd ? "negative" : stage === "SELESAI" ? "done" : "current"}
            title={stageLabel(v.stage, initiator)}
            status={isTerminal(v.stage) ? "Tahap akhir" : "Tahap saat ini"}
          >
            <Entered v={v} timeZone={timeZone} prefix={isTerminal(v.stage) ? "Sejak" : "Berlangsung sejak"} />
            {negativeEnd && <p className="mt-1 font-medium text-red-800">Proses kerja sama ini dihentikan; tidak ada tahap berikutnya.</p>}
          </Item>
        );
      })}
      {upcoming.map((s) => (
        <Item key={`todo-${s}`} marker="todo" title={stageLabel(s, initiator)} status="Belum" />
      ))}
    </ol>
  );
}
