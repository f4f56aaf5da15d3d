import type { CaseKind, Initiator, Stage } from "@/lib/generated/prisma/enums";
import { TKKSD_REVIEW_STAGES } from "@/lib/auth/policy-table";
import { ROLES, type Role } from "@/lib/auth/roles";
import { tableConditions } from "@/lib/cases/inbox-rules";

/*
 * Who acts next when a case reaches a stage: exactly the roles whose "Perlu Tindakan" inbox
 * (lib/cases/inbox-rules.ts, derived from the transition table) would list the case, so a hand-off
 * notification and the inbox never disagree. Pure: the caller finds the users of these roles
 * (OPD roles only in the case's OPD).
 */

export type HandoffCase = { stage: Stage; kind: CaseKind; initiator: Initiator };

type Condition = { stage?: unknown; kind?: unknown; initiator?: unknown };

function matches(cond: Condition, c: HandoffCase): boolean {
  if (cond.stage !== c.stage) return false;
  const kinds = (cond.kind as { in?: CaseKind[] } | undefined)?.in;
  if (kinds && !kinds.includes(c.kind)) return false;
  return cond.initiator === undefined || cond.initiator === c.initiator;
}

const memo = new Map<string, Role[]>();

/** The roles (memoized: a pure function of stage × kind × initiator, asked once per transition and per event). */
export function nextActorRoles(c: HandoffCase): Role[] {
  const key = `${c.stage}|${c.kind}|${c.initiator}`;
  let roles = memo.get(key);
  if (!roles) {
    roles = ROLES.filter((role) => {
      if (role === "TKKSD" && (TKKSD_REVIEW_STAGES as readonly Stage[]).includes(c.stage)) return true;
      return tableConditions(role).some((cond) => matches(cond as Condition, c));
    });
    memo.set(key, roles);
  }
  return roles;
}
