import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { ACTIONS, can, caseScope, POLICY, type Action, type PolicyResource } from "@/lib/auth/policy";
import { ROLES, type Role } from "@/lib/auth/roles";
import { TRANSITIONS } from "@/lib/workflow";

/*
 * What the authorization matrix (lib/auth/policy-table.ts) must always satisfy, whatever rows are
 * added: the semantics of each scope, failing closed, the separation of duties of domain.md §3,
 * and agreement with the transition table. The matrix itself is not copied here; which action a
 * real role may call on a real record is the action-level matrix test over HTTP (tests/api).
 */

const OWN = "opd-a";
const OTHER = "opd-b";
const isOpd = (role: Role) => role === "OPERATOR_OPD" || role === "KEPALA_OPD";
const userOf = (role: Role) => ({ role, opdId: isOpd(role) ? OWN : null });
const CONTEXTS: (PolicyResource | undefined)[] = [
  undefined, {}, { opdId: OWN, stage: "PELAKSANAAN" }, { opdId: OTHER, stage: "PELAKSANAAN" }, { opdId: null, stage: "VERIFIKASI" },
  { opdId: OWN, stage: "KAJIAN_TKKSD" }, { opdId: OTHER, stage: "KAJIAN_TKKSD" }, { opdId: OTHER, stage: "ADENDUM_KAJIAN" },
];
const mutating = (a: Action) => POLICY[a].effect === "write";

describe("scope semantics", () => {
  it("OWN_OPD on a record: own OPD yes, another OPD or no record no; on a query: the query scopes it", () => {
    const operator = { role: "OPERATOR_OPD" as const, opdId: OWN };
    expect(can(operator, "case.submit", { opdId: OWN })).toBe(true);
    expect(can(operator, "case.submit", { opdId: OTHER })).toBe(false);
    expect(can(operator, "case.submit", { opdId: null })).toBe(false);
    expect(can(operator, "case.submit")).toBe(false);
    expect(can(operator, "case.list")).toBe(true);
    expect(can(operator, "case.list", { opdId: OTHER })).toBe(false);
  });
  it("UNDER_REVIEW: only cases in a TKKSD review stage, whatever their OPD", () => {
    const tkksd = { role: "TKKSD" as const, opdId: null };
    expect(can(tkksd, "case.read", { opdId: OTHER, stage: "KAJIAN_TKKSD" })).toBe(true);
    expect(can(tkksd, "case.read", { opdId: OTHER, stage: "ADENDUM_KAJIAN" })).toBe(true);
    expect(can(tkksd, "case.read", { opdId: OTHER, stage: "VERIFIKASI" })).toBe(false);
    expect(can(tkksd, "case.read")).toBe(false);
  });
});

describe("fail closed", () => {
  it("denies an unknown action to every role", () => {
    for (const role of ROLES) {
      for (const action of ["case.delete", "", "toString", "__proto__", "constructor", "CASE.READ"]) {
        expect(can(userOf(role), action as Action, { opdId: OWN })).toBe(false);
      }
    }
  });
  it("denies an unknown or missing role, and a user that is no object", () => {
    for (const role of ["SUPERADMIN", "", undefined, null, "admin"]) {
      expect(can({ role, opdId: null } as never, "notification.read")).toBe(false);
      expect(caseScope({ role, opdId: null } as never)).toEqual({ kind: "none" });
    }
    expect(can(null as never, "notification.read")).toBe(false);
  });
  it("denies everything to an OPD role without an OPD", () => {
    for (const role of ["OPERATOR_OPD", "KEPALA_OPD"] as const) {
      for (const opdId of [null, ""]) {
        for (const action of ACTIONS) for (const resource of CONTEXTS) expect(can({ role, opdId }, action, resource)).toBe(false);
        expect(caseScope({ role, opdId })).toEqual({ kind: "none" });
      }
    }
  });
  it("never throws and never grants a role absent from the action's row, for arbitrary input", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ROLES),
        fc.oneof(fc.constantFrom(...ACTIONS), fc.string()),
        fc.option(fc.string(), { nil: null }),
        fc.option(fc.record({ opdId: fc.option(fc.string(), { nil: null }), stage: fc.string() }), { nil: undefined }),
        (role, action, opdId, resource) => {
          const row = Object.prototype.hasOwnProperty.call(POLICY, action) ? POLICY[action as Action] : undefined;
          if (!row || row.roles[role] === undefined) expect(can({ role, opdId }, action as Action, resource)).toBe(false);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe("separation of duties (domain.md §3)", () => {
  it("ADMIN holds no workflow action and sees no case", () => {
    for (const action of ACTIONS.filter((a) => POLICY[a].workflow)) {
      for (const resource of CONTEXTS) expect(can({ role: "ADMIN", opdId: null }, action, resource), action).toBe(false);
    }
    expect(caseScope({ role: "ADMIN", opdId: null })).toEqual({ kind: "none" });
  });
  it("PIMPINAN changes nothing but reads every case", () => {
    const pimpinan = { role: "PIMPINAN" as const, opdId: null };
    for (const action of ACTIONS.filter(mutating)) for (const resource of CONTEXTS) expect(can(pimpinan, action, resource)).toBe(false);
    for (const action of ["case.read", "document.read", "dashboard.view", "register.view", "rekap.export"] as const) {
      expect(can(pimpinan, action, { opdId: OTHER, stage: "DRAF" })).toBe(true);
    }
  });
  it("TKKSD members only mutate by giving an opinion", () => {
    const tkksd = { role: "TKKSD" as const, opdId: null };
    const review = { opdId: OTHER, stage: "KAJIAN_TKKSD" };
    expect(ACTIONS.filter((a) => mutating(a) && can(tkksd, a, review))).toEqual(["case.giveTkksdOpinion"]);
  });
  it("OPD roles never hold a grant over every OPD's cases", () => {
    for (const action of ACTIONS.filter((a) => POLICY[a].workflow)) {
      for (const role of ["OPERATOR_OPD", "KEPALA_OPD"] as const) expect(POLICY[action].roles[role], action).not.toBe("ALL");
    }
  });
  it("decisions that end a case or move it past a gate belong to the Kepala Bagian Kerja Sama alone", () => {
    const decisions: Action[] = [
      "case.acceptVerification", "case.requestRevision", "case.recordTkksdResult", "case.reject", "case.cancel",
      "case.confirmSigning", "case.recordDprdDecision", "case.close", "case.recordPengakhiran",
    ];
    for (const action of decisions) expect(Object.keys(POLICY[action].roles), action).toEqual(["KABAG_KS"]);
  });
  it("KABAG_KS holds every STAF_KS action", () => {
    for (const action of ACTIONS) {
      if (can({ role: "STAF_KS", opdId: null }, action, { opdId: OTHER })) {
        expect(can({ role: "KABAG_KS", opdId: null }, action, { opdId: OTHER }), action).toBe(true);
      }
    }
  });
});

describe("agreement with the transition table (lib/workflow/transitions.ts)", () => {
  it("every row's action grants each of its roles on an own-OPD case in the row's stage", () => {
    for (const t of TRANSITIONS) {
      expect(ACTIONS, t.action).toContain(t.action);
      for (const role of t.roles) {
        expect(can(userOf(role), t.action, { opdId: OWN, stage: t.from }), `${t.from} ${t.event} ${role}`).toBe(true);
      }
    }
  });
  it("no row lets an OPD role act on another OPD's case", () => {
    for (const t of TRANSITIONS) {
      for (const role of t.roles.filter(isOpd)) {
        expect(can(userOf(role), t.action, { opdId: OTHER, stage: t.from }), `${t.event} ${role}`).toBe(false);
      }
    }
  });
});

describe("caseScope", () => {
  it("describes what each role's queries may return", () => {
    expect(caseScope({ role: "OPERATOR_OPD", opdId: OWN })).toEqual({ kind: "opd", opdId: OWN });
    expect(caseScope({ role: "KEPALA_OPD", opdId: OTHER })).toEqual({ kind: "opd", opdId: OTHER });
    expect(caseScope({ role: "STAF_KS", opdId: null })).toEqual({ kind: "all" });
    expect(caseScope({ role: "KABAG_KS", opdId: null })).toEqual({ kind: "all" });
    expect(caseScope({ role: "PIMPINAN", opdId: null })).toEqual({ kind: "all" });
    expect(caseScope({ role: "TKKSD", opdId: null })).toEqual({ kind: "stages", stages: ["KAJIAN_TKKSD", "ADENDUM_KAJIAN"] });
    expect(caseScope({ role: "ADMIN", opdId: null })).toEqual({ kind: "none" });
  });
});
