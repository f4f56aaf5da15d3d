import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { ACTIONS, can, caseScope, rolesFor, type Action, type PolicyResource } from "@/lib/auth/policy";
import { ROLES, type Role } from "@/lib/auth/roles";

/*
 * Expectations written independently of lib/auth/policy-table.ts, from domain.md §3–§6.
 * Codes:  Y    — always allowed
 *         OWN  — own-OPD record only (no record given → denied)
 *         OWNQ — query scoped to own OPD (no record → allowed; a record of another OPD → denied)
 *         REV  — only a case in a TKKSD review stage (no record → denied)
 *         REVQ — query scoped to review stages (no record → allowed; a record in another stage → denied)
 * A role missing from a row is denied in every context.
 */
type Code = "Y" | "OWN" | "OWNQ" | "REV" | "REVQ";
type Row = Partial<Record<Role, Code>>;

const KS: Row = { STAF_KS: "Y", KABAG_KS: "Y" };
const KABAG: Row = { KABAG_KS: "Y" };
const OPERATOR: Row = { OPERATOR_OPD: "OWN" };

const EXPECTED: Record<string, Row> = {
  "case.list": { OPERATOR_OPD: "OWNQ", KEPALA_OPD: "OWNQ", STAF_KS: "Y", KABAG_KS: "Y", TKKSD: "REVQ", PIMPINAN: "Y" },
  "case.read": { OPERATOR_OPD: "OWN", KEPALA_OPD: "OWN", STAF_KS: "Y", KABAG_KS: "Y", TKKSD: "REV", PIMPINAN: "Y" },
  "case.create": { OPERATOR_OPD: "OWNQ" },
  "case.editDraft": OPERATOR,
  "case.submit": OPERATOR,
  "case.resubmit": OPERATOR,
  "case.approveByOpd": { KEPALA_OPD: "OWN" },
  "case.returnByOpd": { KEPALA_OPD: "OWN" },
  "case.verify": KS,
  "case.acceptVerification": KABAG,
  "case.requestRevision": KABAG,
  "case.giveTkksdOpinion": { TKKSD: "REV" },
  "case.recordTkksdResult": KABAG,
  "case.reject": KABAG,
  "case.cancel": KABAG,
  "case.recordOffer": KS,
  "case.recordPartnerAnswer": KS,
  "case.uploadDraft": { OPERATOR_OPD: "OWN", STAF_KS: "Y", KABAG_KS: "Y" },
  "case.finalizeDraft": KS,
  "case.confirmSigning": KABAG,
  "case.recordDprdDecision": KABAG,
  "case.recordLoi": KS,
  "case.recordKonsultasiKemendagri": KS,
  "case.recordPembahasanInterkementerian": KS,
  "case.recordPersetujuanPusat": KS,
  "case.startPksTurunan": KS,
  "case.registerPartnerInitiated": KS,
  "case.close": KABAG,
  "case.startAdendum": { OPERATOR_OPD: "OWN", STAF_KS: "Y", KABAG_KS: "Y" },
  "case.confirmAdendumSigning": KABAG,
  "case.startPerpanjangan": { OPERATOR_OPD: "OWN", STAF_KS: "Y", KABAG_KS: "Y" },
  "case.recordPengakhiran": KABAG,
  "legacy.register": KS,
  "legacy.import": KS,
  "report.list": { OPERATOR_OPD: "OWNQ", KEPALA_OPD: "OWNQ", STAF_KS: "Y", KABAG_KS: "Y", PIMPINAN: "Y" },
  "report.submit": OPERATOR,
  "report.review": KS,
  "document.upload": { OPERATOR_OPD: "OWN", KEPALA_OPD: "OWN", STAF_KS: "Y", KABAG_KS: "Y" },
  "document.read": { OPERATOR_OPD: "OWN", KEPALA_OPD: "OWN", STAF_KS: "Y", KABAG_KS: "Y", TKKSD: "REV", PIMPINAN: "Y" },
  "partner.read": { OPERATOR_OPD: "Y", KEPALA_OPD: "Y", STAF_KS: "Y", KABAG_KS: "Y", TKKSD: "Y", PIMPINAN: "Y" },
  "partner.manage": KS,
  "settings.read": { STAF_KS: "Y", KABAG_KS: "Y", PIMPINAN: "Y", ADMIN: "Y" },
  "settings.edit": KABAG,
  "user.manage": { ADMIN: "Y" },
  "opd.manage": { ADMIN: "Y" },
  "reference.manage": { ADMIN: "Y" },
  "dashboard.view": { OPERATOR_OPD: "OWNQ", KEPALA_OPD: "OWNQ", STAF_KS: "Y", KABAG_KS: "Y", TKKSD: "REVQ", PIMPINAN: "Y" },
  "register.view": { OPERATOR_OPD: "OWNQ", KEPALA_OPD: "OWNQ", STAF_KS: "Y", KABAG_KS: "Y", PIMPINAN: "Y" },
  "register.export": { OPERATOR_OPD: "OWNQ", KEPALA_OPD: "OWNQ", STAF_KS: "Y", KABAG_KS: "Y", PIMPINAN: "Y" },
  "rekap.export": { STAF_KS: "Y", KABAG_KS: "Y", PIMPINAN: "Y" },
  "notification.read": { OPERATOR_OPD: "Y", KEPALA_OPD: "Y", STAF_KS: "Y", KABAG_KS: "Y", TKKSD: "Y", PIMPINAN: "Y", ADMIN: "Y" },
};

/** Actions that change nothing (or only the user's own notifications). Everything else mutates. */
const NON_MUTATING = new Set([
  "case.list", "case.read", "report.list", "document.read", "partner.read", "settings.read",
  "dashboard.view", "register.view", "register.export", "rekap.export", "notification.read",
]);
/** Workflow actions (cases, agreements, documents, monev) — never an administrator's. */
const WORKFLOW = Object.keys(EXPECTED).filter((a) => /^(case|legacy|report|document|dashboard|register|rekap)\./.test(a));

const OWN = "opd-a";
const OTHER = "opd-b";
const CONTEXTS: Record<string, PolicyResource | undefined> = {
  none: undefined,
  empty: {},
  own: { opdId: OWN, stage: "PELAKSANAAN" },
  other: { opdId: OTHER, stage: "PELAKSANAAN" },
  orphan: { opdId: null, stage: "VERIFIKASI" },
  ownReview: { opdId: OWN, stage: "KAJIAN_TKKSD" },
  otherReview: { opdId: OTHER, stage: "KAJIAN_TKKSD" },
  adendumReview: { opdId: OTHER, stage: "ADENDUM_KAJIAN" },
  adendumDraft: { opdId: OTHER, stage: "ADENDUM_PENYUSUNAN" },
};
const ALLOWED_IN: Record<Code, string[]> = {
  Y: Object.keys(CONTEXTS),
  OWN: ["own", "ownReview"],
  OWNQ: ["none", "empty", "own", "ownReview"],
  REV: ["ownReview", "otherReview", "adendumReview"],
  REVQ: ["none", "empty", "ownReview", "otherReview", "adendumReview"],
};

const isOpd = (role: Role) => role === "OPERATOR_OPD" || role === "KEPALA_OPD";
const userOf = (role: Role) => ({ role, opdId: isOpd(role) ? OWN : null });

describe("authorization matrix", () => {
  it("has exactly one expectation row per action (a new action needs a row here)", () => {
    expect([...ACTIONS].sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  const cases = Object.entries(EXPECTED).flatMap(([action, row]) =>
    ROLES.flatMap((role) =>
      Object.entries(CONTEXTS).map(([ctx, resource]) => {
        const code = row[role];
        const expected = code !== undefined && ALLOWED_IN[code].includes(ctx);
        return { action, role, ctx, resource, expected };
      }),
    ),
  );

  it.each(cases)("$action × $role × $ctx → $expected", ({ action, role, resource, expected }) => {
    expect(can(userOf(role), action as Action, resource)).toBe(expected);
  });

  it.each(Object.keys(EXPECTED))("rolesFor(%s) lists the roles of its row", (action) => {
    const expected = ROLES.filter((r) => EXPECTED[action][r] !== undefined);
    expect(rolesFor(action as Action)).toEqual(expected);
  });
});

describe("fail closed", () => {
  it("denies an unknown action to every role", () => {
    for (const role of ROLES) {
      for (const action of ["case.delete", "", "toString", "__proto__", "constructor", "CASE.READ"]) {
        expect(can(userOf(role), action as Action, { opdId: OWN })).toBe(false);
      }
    }
    expect(rolesFor("case.delete" as Action)).toEqual([]);
  });

  it("denies an unknown or missing role", () => {
    for (const role of ["SUPERADMIN", "", undefined, null, "admin"]) {
      expect(can({ role, opdId: null } as never, "notification.read")).toBe(false);
      expect(caseScope({ role, opdId: null } as never)).toEqual({ kind: "none" });
    }
    expect(can(null as never, "notification.read")).toBe(false);
  });

  it("denies everything to an OPD role without an OPD, even with a matching null resource", () => {
    for (const role of ["OPERATOR_OPD", "KEPALA_OPD"] as const) {
      for (const opdId of [null, ""]) {
        for (const action of ACTIONS) {
          for (const resource of Object.values(CONTEXTS)) {
            expect(can({ role, opdId }, action, resource)).toBe(false);
          }
        }
        expect(caseScope({ role, opdId })).toEqual({ kind: "none" });
      }
    }
  });

  it("never throws and never grants an unlisted role, for arbitrary input", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ROLES),
        fc.oneof(fc.constantFrom(...ACTIONS), fc.string()),
        fc.option(fc.string(), { nil: null }),
        fc.option(fc.record({ opdId: fc.option(fc.string(), { nil: null }), stage: fc.string() }), { nil: undefined }),
        (role, action, opdId, resource) => {
          const allowed = can({ role, opdId }, action as Action, resource);
          const row = EXPECTED[action as string];
          if (!Object.prototype.hasOwnProperty.call(EXPECTED, action) || row[role] === undefined) {
            expect(allowed).toBe(false);
          }
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe("separation of duties", () => {
  it("ADMIN can never perform a workflow action nor read a case", () => {
    expect(WORKFLOW.length).toBeGreaterThan(30);
    for (const action of WORKFLOW) {
      for (const resource of Object.values(CONTEXTS)) {
        expect(can({ role: "ADMIN", opdId: null }, action as Action, resource)).toBe(false);
        expect(can({ role: "ADMIN", opdId: OWN }, action as Action, resource)).toBe(false);
      }
    }
    expect(caseScope({ role: "ADMIN", opdId: null })).toEqual({ kind: "none" });
  });

  it("PIMPINAN performs no mutating action but reads every case", () => {
    const pimpinan = { role: "PIMPINAN" as const, opdId: null };
    for (const action of ACTIONS.filter((a) => !NON_MUTATING.has(a))) {
      for (const resource of Object.values(CONTEXTS)) expect(can(pimpinan, action, resource)).toBe(false);
    }
    for (const action of ["case.read", "document.read", "dashboard.view", "register.view", "rekap.export"] as const) {
      expect(can(pimpinan, action, { opdId: OTHER, stage: "DRAF" })).toBe(true);
    }
  });

  it("TKKSD members only mutate by giving an opinion", () => {
    const tkksd = { role: "TKKSD" as const, opdId: null };
    const review = { opdId: OTHER, stage: "KAJIAN_TKKSD" };
    const mutating = ACTIONS.filter((a) => !NON_MUTATING.has(a) && can(tkksd, a, review));
    expect(mutating).toEqual(["case.giveTkksdOpinion"]);
  });

  it("a Kepala OPD cannot approve another OPD's proposal, nor an operator submit it", () => {
    expect(can({ role: "KEPALA_OPD", opdId: OTHER }, "case.approveByOpd", { opdId: OWN })).toBe(false);
    expect(can({ role: "KEPALA_OPD", opdId: OWN }, "case.approveByOpd", { opdId: OWN })).toBe(true);
    expect(can({ role: "OPERATOR_OPD", opdId: OWN }, "case.approveByOpd", { opdId: OWN })).toBe(false);
    expect(can({ role: "OPERATOR_OPD", opdId: OTHER }, "case.submit", { opdId: OWN })).toBe(false);
  });

  it("KABAG_KS holds every STAF_KS action", () => {
    for (const action of ACTIONS) {
      if (can({ role: "STAF_KS", opdId: null }, action, CONTEXTS.other)) {
        expect(can({ role: "KABAG_KS", opdId: null }, action, CONTEXTS.other), action).toBe(true);
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
    expect(caseScope({ role: "TKKSD", opdId: null })).toEqual({
      kind: "stages",
      stages: ["KAJIAN_TKKSD", "ADENDUM_KAJIAN"],
    });
    expect(caseScope({ role: "ADMIN", opdId: null })).toEqual({ kind: "none" });
  });
});
