// decide(): the single source of truth for "may this actor record this event now?". It never
// throws for business outcomes; the server calls it before every transition and the UI calls
// availableEvents() to decide which buttons to show.
import { isOpdRole } from "@/lib/auth/roles";
import { docsMissing, GUARDS, merge, type Refusal } from "./guards";
import { requiredDocuments } from "./documents";
import { STAGE_LABELS } from "./stages";
import { TRANSITIONS, type Transition } from "./transitions";
import {
  EVENTS, type CaseSnapshot, type Decision, type DecideContext, type DocumentType, type Effect, type EventCode,
  type EventInput, type Stage, type WorkflowActor,
} from "./types";

function isEvent(e: string): e is EventCode {
  return (EVENTS as readonly string[]).includes(e);
}

/** Rows of the table for this case's jenis, stage and initiator. */
export function rowsFor(s: Pick<CaseSnapshot, "kind" | "stage" | "initiator">): Transition[] {
  return TRANSITIONS.filter(
    (t) => t.kinds.includes(s.kind) && t.from === s.stage && (t.initiator === undefined || t.initiator === s.initiator),
  );
}

export function resolveTarget(t: Transition, s: Pick<CaseSnapshot, "requiresDprd" | "adendum">): Stage {
  if (t.to === "DPRD_IF_REQUIRED_ELSE_PKS") return s.requiresDprd ? "PERSETUJUAN_DPRD" : "PENYUSUNAN_PKS";
  if (t.to === "DPRD_IF_REQUIRED_ELSE_ADENDUM_SIGNING") return s.adendum?.requiresDprd ? "ADENDUM_DPRD" : "ADENDUM_PENANDATANGANAN";
  return t.to;
}

/** Documents this transition needs, given the settings. */
export function documentsFor(t: Transition, s: CaseSnapshot, ctx: DecideContext): DocumentType[] {
  const leave = t.leave ? requiredDocuments(s, t.leaveAs ?? t.from, ctx.settings) : [];
  return [...new Set([...leave, ...(t.docs ?? [])])];
}

function roleAllowed(t: Transition, s: CaseSnapshot, actor: WorkflowActor): "ok" | "role" | "opd" {
  if (!t.roles.includes(actor.role)) return "role";
  if (isOpdRole(actor.role) && (!actor.opdId || actor.opdId !== s.opdId)) return "opd";
  return "ok";
}

export function decide(
  s: CaseSnapshot,
  event: string,
  actor: WorkflowActor,
  input: EventInput,
  ctx: DecideContext,
): Decision {
  if (!isEvent(event)) return { ok: false, code: "UNKNOWN_EVENT", message: "Tindakan tidak dikenal." };
  const rows = rowsFor(s).filter((t) => t.event === event);
  if (rows.length === 0) {
    return {
      ok: false,
      code: "NOT_AVAILABLE",
      message: `Tindakan ini tidak tersedia pada tahap "${STAGE_LABELS[s.stage]}".`,
    };
  }
  const verdicts = rows.map((t) => roleAllowed(t, s, actor));
  const index = verdicts.indexOf("ok");
  if (index === -1) {
    return verdicts.includes("opd")
      ? { ok: false, code: "NOT_OWN_OPD", message: "Usulan ini milik perangkat daerah lain." }
      : { ok: false, code: "ROLE_NOT_ALLOWED", message: "Peran Anda tidak berwenang melakukan tindakan ini pada tahap ini." };
  }
  const t = rows[index];
  // Every problem at once (the reason, each guard, the documents), so the user fixes them in one go.
  const refusals: (Refusal | null)[] = [];
  if (t.reason && !(input.note ?? "").trim()) {
    refusals.push({
      code: "REASON_REQUIRED",
      message: "Alasan wajib diisi untuk tindakan ini.",
      fields: { note: "Alasan wajib diisi untuk tindakan ini." },
    });
  }
  for (const name of t.guards ?? []) refusals.push(GUARDS[name](s, input, ctx));
  const missing = documentsFor(t, s, ctx).filter((d) => !s.documents.includes(d));
  if (missing.length > 0) refusals.push(docsMissing(missing));
  const to = resolveTarget(t, s);
  // Invariant of §4.1: a case that needs the DPRD never reaches the PKS without its decision.
  if (to === "PENYUSUNAN_PKS" && s.requiresDprd && !s.isPksTurunan && !s.documents.includes("PERSETUJUAN_DPRD")) {
    refusals.push({
      code: "DPRD_DECISION_REQUIRED",
      message: "Kerja sama ini memerlukan persetujuan DPRD sebelum penyusunan PKS.",
    });
  }
  const refusal = refusals.reduce<Refusal | null>(merge, null);
  if (refusal) return { ok: false, ...refusal };
  const effects: Effect[] = [{ kind: "LOCK_STAGE_DOCUMENTS", stage: s.stage }, ...(t.effects ?? [])];
  return { ok: true, from: s.stage, to, event, effects };
}

export type AvailableEvent = {
  event: EventCode;
  label: string;
  to: Stage;
  reasonRequired: boolean;
  documents: DocumentType[];
  missingDocuments: DocumentType[];
  guards: readonly string[];
};

/** The events this actor may record now (same table and role rules as decide()). */
export function availableEvents(s: CaseSnapshot, actor: WorkflowActor, ctx: DecideContext): AvailableEvent[] {
  const out: AvailableEvent[] = [];
  for (const t of rowsFor(s)) {
    if (roleAllowed(t, s, actor) !== "ok") continue;
    // Rows that depend only on the calendar: "Berakhir" once the agreement has actually ended, an
    // adendum only while the naskah is still in force.
    if (t.guards?.includes("ended") && GUARDS.ended(s, {}, ctx)) continue;
    if (t.guards?.includes("runningInForce") && GUARDS.runningInForce(s, {}, ctx)) continue;
    const documents = documentsFor(t, s, ctx);
    out.push({
      event: t.event,
      label: t.label,
      to: resolveTarget(t, s),
      reasonRequired: Boolean(t.reason),
      documents,
      missingDocuments: documents.filter((d) => !s.documents.includes(d)),
      guards: t.guards ?? [],
    });
  }
  return out;
}
