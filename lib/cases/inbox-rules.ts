import type { Prisma } from "@/lib/generated/prisma/client";
import type { CaseKind, Initiator, Stage } from "@/lib/generated/prisma/enums";
import { can, type PolicyUser } from "@/lib/auth/policy";
import type { Role } from "@/lib/auth/roles";
import { TKKSD_REVIEW_STAGES } from "@/lib/auth/policy-table";
import { TRANSITIONS } from "@/lib/workflow";

/*
 * Which cases wait for a user, derived from the transition table (the same rows decide() and
 * availableEvents() use), so the inbox never lists a case on which the user can do nothing.
 * Every condition is on indexed columns (stage, kind, initiator, opdId); the OPD scope comes from
 * caseWhereFor().
 */

/** One (stage, initiator) where a role may record an event, with the kinds it applies to. */
export type TableCondition = { stage: Stage; initiator?: Initiator; kinds: CaseKind[] };

/** Where `role` may record an event: one condition per (stage, initiator), kinds merged. */
export function tableRows(role: Role): TableCondition[] {
  const groups = new Map<string, { stage: Stage; initiator?: Initiator; kinds: Set<CaseKind> }>();
  for (const t of TRANSITIONS) {
    // PELAKSANAAN waits for a person only once the agreement has ended (below), never by stage alone;
    // so does "berakhir" anywhere (an adendum in progress overtaken by the end of the naskah).
    if (!t.roles.includes(role) || t.from === "PELAKSANAAN" || t.guards?.includes("ended")) continue;
    const key = `${t.from}:${t.initiator ?? "*"}`;
    const g = groups.get(key) ?? { stage: t.from, initiator: t.initiator, kinds: new Set<CaseKind>() };
    for (const k of t.kinds) g.kinds.add(k);
    groups.set(key, g);
  }
  return [...groups.values()].map((g) => ({ stage: g.stage, ...(g.initiator ? { initiator: g.initiator } : {}), kinds: [...g.kinds] }));
}

/** tableRows() as Prisma conditions. */
export function tableConditions(role: Role): Prisma.CaseWhereInput[] {
  return tableRows(role).map((g) => ({
    stage: g.stage,
    kind: { in: g.kinds },
    ...(g.initiator ? { initiator: g.initiator } : {}),
  }));
}

/** Roles that record "berakhir" on a running agreement whose end date has passed. */
const CLOSERS = new Set(
  TRANSITIONS.filter((t) => t.from === "PELAKSANAAN" && t.event === "berakhir").flatMap((t) => t.roles),
);
const ENDABLE: Stage[] = [...new Set(TRANSITIONS.filter((t) => t.event === "berakhir").map((t) => t.from))];

/**
 * The parts of a user's inbox: table rows, the TKKSD review stages (a member's written opinion is not
 * a table event) and, for those who close agreements, the stages where an ended naskah waits.
 * inboxWhere() (Prisma) and lib/cases/inbox.ts inboxSql() (SQL, for grouped counts) both read it.
 */
export function inboxParts(user: PolicyUser): { table: TableCondition[]; reviewStages: Stage[]; endableStages: Stage[] } {
  return {
    table: tableRows(user.role),
    reviewStages: can(user, "case.giveTkksdOpinion", { stage: TKKSD_REVIEW_STAGES[0] }) ? [...TKKSD_REVIEW_STAGES] : [],
    endableStages: CLOSERS.has(user.role) ? ENDABLE : [],
  };
}

/** Agreement types whose passed end date makes a case wait for "berakhir". */
export const ENDING_TYPES = ["PKS", "NK", "MOU"] as const;

/** Every stage in which something can wait for this user (the inbox's groups are drawn from these). */
export function inboxStages(user: PolicyUser): Stage[] {
  const p = inboxParts(user);
  return [...new Set([...p.table.map((t) => t.stage), ...p.reviewStages, ...p.endableStages])];
}

/** The user-specific part of the inbox WHERE clause (null: nothing ever waits for this user). */
export function inboxWhere(user: PolicyUser, today: Date): Prisma.CaseWhereInput | null {
  const p = inboxParts(user);
  const or: Prisma.CaseWhereInput[] = [...tableConditions(user.role)];
  if (p.reviewStages.length > 0) or.push({ stage: { in: p.reviewStages } });
  if (p.endableStages.length > 0) {
    or.push({
      stage: { in: p.endableStages },
      agreements: { some: { status: "BERLAKU", type: { in: [...ENDING_TYPES] }, deletedAt: null, endDate: { lt: today } } },
    });
  }
  return or.length > 0 ? { OR: or } : null;
}

/** Whether anything can ever wait for this user (the "Perlu Tindakan" page and menu item). */
export function hasInbox(user: PolicyUser): boolean {
  return inboxWhere(user, new Date(0)) !== null;
}
