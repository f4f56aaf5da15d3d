import { isOpdRole, isRole, type Role } from "./roles";
import {
  POLICY,
  TKKSD_REVIEW_STAGES,
  type Action,
  type PolicyRow,
  type Scope,
} from "./policy-table";

export { POLICY, TKKSD_REVIEW_STAGES, type Action, type PolicyRow, type Scope };

/**
 * Pure authorization: who may do what, to which record. No I/O, no clock. Every server action and
 * route handler calls `can()` again even when the page already hid the button (house-style.md).
 */

export interface PolicyUser {
  role: Role;
  opdId: string | null;
}

/** The record an action targets, as far as authorization needs to know it. */
export interface PolicyResource {
  opdId?: string | null;
  stage?: string;
  /** Whether the case has a signed naskah (SIGNED_OR_UNDER_REVIEW grants). */
  signed?: boolean;
}

export const ACTIONS: readonly Action[] = Object.freeze(Object.keys(POLICY) as Action[]);

export function isAction(value: unknown): value is Action {
  return typeof value === "string" && Object.prototype.hasOwnProperty.call(POLICY, value);
}

function rowOf(action: unknown): PolicyRow | undefined {
  return isAction(action) ? POLICY[action] : undefined;
}

/** A usable identity: a known role, and an OPD role always carries its OPD. */
function isWellFormed(user: unknown): user is PolicyUser {
  if (typeof user !== "object" || user === null) return false;
  const { role, opdId } = user as { role?: unknown; opdId?: unknown };
  if (!isRole(role)) return false;
  if (isOpdRole(role)) return typeof opdId === "string" && opdId.length > 0;
  return true;
}

function isReviewStage(stage: unknown): boolean {
  return typeof stage === "string" && (TKKSD_REVIEW_STAGES as readonly string[]).includes(stage);
}

function withinScope(scope: Scope, row: PolicyRow, user: PolicyUser, resource?: PolicyResource): boolean {
  if (scope === "ALL") return true;
  // Query-scoped actions (lists, create, dashboard) need no record: the query applies caseScope().
  // A record that is given must still fall inside the grant.
  const recordRequired = row.target === "record";
  if (scope === "OWN_OPD") {
    const opdId = resource?.opdId;
    if (opdId === undefined) return !recordRequired;
    return opdId !== null && opdId === user.opdId;
  }
  if (scope === "UNDER_REVIEW") {
    const stage = resource?.stage;
    if (stage === undefined) return !recordRequired;
    return isReviewStage(stage);
  }
  if (scope === "SIGNED_OR_UNDER_REVIEW") {
    const stage = resource?.stage;
    if (stage === undefined && resource?.signed === undefined) return !recordRequired;
    return resource?.signed === true || isReviewStage(stage);
  }
  return false;
}

/**
 * May `user` perform `action` (on `resource`)? Unknown action, unknown role, or an OPD role
 * without an OPD → false. Record-scoped grants without the record → false.
 */
export function can(user: PolicyUser, action: Action, resource?: PolicyResource): boolean {
  const row = rowOf(action);
  if (!row || !isWellFormed(user)) return false;
  const scope = row.roles[user.role];
  if (scope === undefined) return false;
  return withinScope(scope, row, user, resource);
}

export type CaseScope =
  | { kind: "all" }
  | { kind: "opd"; opdId: string }
  | { kind: "stages"; stages: string[] }
  | { kind: "signedOrStages"; stages: string[] }
  | { kind: "none" };

function scopeOf(user: PolicyUser, action: Action): CaseScope {
  if (!isWellFormed(user)) return { kind: "none" };
  const scope = POLICY[action].roles[user.role];
  switch (scope) {
    case "ALL":
      return { kind: "all" };
    case "OWN_OPD":
      return { kind: "opd", opdId: user.opdId as string };
    case "UNDER_REVIEW":
      return { kind: "stages", stages: [...TKKSD_REVIEW_STAGES] };
    case "SIGNED_OR_UNDER_REVIEW":
      return { kind: "signedOrStages", stages: [...TKKSD_REVIEW_STAGES] };
    default:
      return { kind: "none" };
  }
}

/**
 * Which cases a user's queries may return, derived from the `case.list` grant. Queries translate
 * it into a WHERE clause; "none" must yield no rows.
 */
export function caseScope(user: PolicyUser): CaseScope {
  return scopeOf(user, "case.list");
}

/**
 * Which cases the register (list, count and export) may return, derived from the `register.view`
 * grant: lib/register/scope.ts translates it into SQL. "none" must yield no rows.
 */
export function registerScope(user: PolicyUser): CaseScope {
  return scopeOf(user, "register.view");
}
