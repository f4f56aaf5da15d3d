// How each row of the ACTIONS and ROUTES tables (matrix.ts) is called, and how an accepted call is
// recognised in the database. Keyed "<action or route> | <scenario>" exactly as in the tables.
// Records a call needs are created beforehand through the real services (tests/support/fixtures-cli.ts).
import { createHash } from "node:crypto";
import { expect } from "@playwright/test";
import type { FixtureOp } from "../support/fixtures/protocol";
import type { CaseFixture, DocumentFixture, OpdFixture, PartnerFixture, ReportFixture, UserFixture } from "../support/fixture-client";
import { DEMO_PASSWORD, draftFields, FIXTURE_OPD } from "../support/fixtures/plan";
import { samplePdf } from "../support/pdf";
import { pdfPageTexts } from "../support/pdf-read";
import { generate } from "otplib";
import ExcelJS from "exceljs";
import { DATA_SHEET, IMPORT_COLUMNS } from "@/lib/legacy/columns";
import type { Role } from "@/lib/auth/roles";
import type { Caller } from "./harness/callers";
import { actionNamed, freshSession, USER_OF_COLUMN } from "./harness/callers";
import { one } from "./harness/db";
import { BASE_URL, callRoute, loginStep, type Session } from "./harness/http";
import { CALLER_COLUMNS, type CallerColumn } from "./matrix";
import { SETTINGS_SCENARIOS } from "./settings-scenarios";

export type ScenarioContext = {
  caller: Caller;
  /** Fixture results by key (see `fixtures`). */
  fx: Record<string, unknown>;
  /** A number unique to this call (for unique names). */
  n: number;
};

export type Prepared = {
  /** The form's fields (ids and versions travel as hidden fields). */
  fields: Record<string, string>;
  /** Called only after an accepted call: throws unless the intended change is in the database. */
  check?: () => Promise<void>;
  /** Another session than the caller's main one (for calls that end a session). */
  session?: Session;
};

export type ActionScenario = {
  fixtures?: FixtureOp[];
  /** The page the call is posted to (it must serve the action: checked against the build manifest). */
  page: (fx: Record<string, unknown>) => string;
  prepare: (ctx: ScenarioContext) => Promise<Prepared>;
};

export type RouteScenario = {
  fixtures?: FixtureOp[];
  request: (ctx: ScenarioContext) => Promise<{
    url: string;
    headers?: Record<string, string>;
    body?: Uint8Array<ArrayBuffer>;
    check?: (response: { status: number; body: Buffer }) => Promise<void>;
    session?: Session;
  }>;
};

/** Every demo user a column signs in as. */
const DEMO_CALLERS = Object.values(USER_OF_COLUMN).filter((u): u is string => u !== null);

const stamp = (n: number) => `${Date.now().toString(36)}${n}`;
/** Unique per run: names of records the fixtures create must not meet a reused database's. */
const RUN = Date.now().toString(36);
const caseOf = (fx: Record<string, unknown>, key: string) => fx[key] as CaseFixture;

async function partnerId(kind: "KSDD" | "KSDPK"): Promise<string> {
  const cls = kind === "KSDD" ? "PEMDA" : "SWASTA";
  const p = await one<{ id: string }>(`SELECT id FROM "Partner" WHERE "partnerClass" = $1 AND verified ORDER BY name LIMIT 1`, [cls]);
  return p!.id;
}

async function partnerName(cls: "PEMDA"): Promise<string> {
  return (await one<{ name: string }>(`SELECT name FROM "Partner" WHERE "partnerClass" = $1 AND verified AND "deletedAt" IS NULL ORDER BY name LIMIT 1`, [cls]))!.name;
}

async function versionOf(caseId: string): Promise<number> {
  return (await one<{ version: number }>(`SELECT version FROM "Case" WHERE id = $1`, [caseId]))!.version;
}

async function expectRow(sql: string, params: unknown[]): Promise<void> {
  expect(await one(sql, params), sql).toBeTruthy();
}

/** The role and OPD of each column's demo user, for fresh users that stand in for it. */
const ACCOUNT_OF_COLUMN: Record<CallerColumn, { role: Role; opdId: string | null }> = {
  anon: { role: "OPERATOR_OPD", opdId: "opd-dispar" },
  OP: { role: "OPERATOR_OPD", opdId: FIXTURE_OPD },
  "OP'": { role: "OPERATOR_OPD", opdId: "opd-dispar" },
  KO: { role: "KEPALA_OPD", opdId: FIXTURE_OPD },
  "KO'": { role: "KEPALA_OPD", opdId: "opd-dispar" },
  STAF: { role: "STAF_KS", opdId: null },
  KABAG: { role: "KABAG_KS", opdId: null },
  TKKSD: { role: "TKKSD", opdId: null },
  PIMP: { role: "PIMPINAN", opdId: null },
  ADMIN: { role: "ADMIN", opdId: null },
};

/**
 * One fresh user per column (role and OPD of that column), for the rows that change the caller's
 * own account; `withAnon` adds one for the anonymous column (public actions acting on a named user).
 */
function ownAccountUsers(prefix: string, secondFactor?: "pending" | "enabled", withAnon = false): FixtureOp[] {
  return CALLER_COLUMNS.filter((c) => withAnon || c !== "anon").map((c) => ({
    op: "user" as const, key: `${prefix}:${c}`, ...ACCOUNT_OF_COLUMN[c], secondFactor,
  }));
}

const ownUser = (fx: Record<string, unknown>, prefix: string, caller: Caller) => fx[`${prefix}:${caller.column}`] as UserFixture;

/** A running cooperation per accepting column (one perpanjangan at a time), one shared by the refused. */
const PERPANJANGAN_CASES = ["OP", "STAF", "KABAG", "shared"] as const;

// ── Server actions ─────────────────────────────────────────────────────────────────────────
export const ACTION_SCENARIOS: Record<string, ActionScenario> = {
  "passwordLoginAction | sign in (public by nature)": {
    fixtures: [{ op: "user", key: "loginUser", role: "OPERATOR_OPD", opdId: "opd-dispar" }],
    page: () => "/login",
    async prepare({ fx }) {
      const user = fx.loginUser as UserFixture;
      // Compared as the database's own text: no clock or time zone of the test process involved.
      const lastLogin = async () => (await one<{ t: string | null }>(`SELECT "lastLoginAt"::text AS t FROM "User" WHERE id = $1`, [user.id]))!.t;
      const before = await lastLogin();
      return {
        fields: { username: user.username, password: DEMO_PASSWORD },
        check: async () => {
          const after = await lastLogin();
          expect(after, "lastLoginAt after a successful sign-in").not.toBeNull();
          expect(after).not.toBe(before);
        },
      };
    },
  },

  "codeLoginAction | second step: recovery code (public)": {
    // Public like the password step: whoever posts a valid challenge + code is signed in as that user.
    fixtures: ownAccountUsers("codeLogin", "enabled", true),
    page: () => "/login",
    async prepare({ fx, caller }) {
      const user = ownUser(fx, "codeLogin", caller);
      const step = await loginStep(actionNamed("passwordLoginAction"), { username: user.username, password: DEMO_PASSWORD }, caller.session.address);
      const challenge = (step.reply as { challenge?: string } | undefined)?.challenge;
      if (!challenge) throw new Error(`the password step of ${user.username} gave no challenge: ${JSON.stringify(step.reply)}`);
      return {
        fields: { challenge, code: user.recoveryCodes![0] },
        check: async () => {
          await expectRow(`SELECT 1 FROM "Session" WHERE "userId" = $1 AND "secondFactor" AND "revokedAt" IS NULL`, [user.id]);
          await expectRow(`SELECT 1 FROM "RecoveryCode" WHERE "userId" = $1 AND "usedAt" IS NOT NULL`, [user.id]);
        },
      };
    },
  },

  "logoutAction | sign out (recorded for the user)": {
    page: () => "/beranda",
    async prepare({ caller }) {
      // Never the caller's main session: a sign-out may end it.
      const session = caller.username ? await freshSession(caller.username) : undefined;
      const count = async () =>
        Number((await one<{ n: string }>(`SELECT count(*) AS n FROM "AuditEvent" WHERE "actorId" = $1 AND action = 'auth.logout'`, [caller.userId]))!.n);
      const before = caller.userId ? await count() : 0;
      return { fields: {}, session, check: async () => expect(await count()).toBe(before + 1) };
    },
  },

  "createOpdAction | new OPD": {
    page: () => "/admin/opd/baru",
    async prepare({ n }) {
      const name = `Dinas Uji Buat ${stamp(n)}`;
      return {
        fields: { name, shortName: `DUB${n}`, code: "", active: "on" },
        check: () => expectRow(`SELECT 1 FROM "Opd" WHERE name = $1`, [name]),
      };
    },
  },

  "updateOpdAction | rename an OPD": {
    fixtures: [{ op: "opd", key: "opd" }],
    page: (fx) => `/admin/opd/${(fx.opd as OpdFixture).id}`,
    async prepare({ fx, n }) {
      const opd = fx.opd as OpdFixture;
      const name = `Dinas Uji Ubah ${stamp(n)}`;
      return {
        fields: { id: opd.id, name, shortName: opd.shortName, code: "", active: "on" },
        check: () => expectRow(`SELECT 1 FROM "Opd" WHERE id = $1 AND name = $2`, [opd.id, name]),
      };
    },
  },

  "createUserAction | new user": {
    page: () => "/admin/pengguna/baru",
    async prepare({ n }) {
      const username = `uji.buat.${stamp(n)}`;
      return {
        fields: {
          username, fullName: `Pengguna Uji Buat ${n}`, nip: "", email: "", role: "OPERATOR_OPD", opdId: "opd-dispar",
          password: "SandiUjiMatriks2026", confirmPassword: "SandiUjiMatriks2026",
        },
        check: () => expectRow(`SELECT 1 FROM "User" WHERE username = $1`, [username]),
      };
    },
  },

  "updateUserAction | edit a user": {
    fixtures: [{ op: "user", key: "editUser", role: "OPERATOR_OPD", opdId: "opd-dispar" }],
    page: (fx) => `/admin/pengguna/${(fx.editUser as UserFixture).id}`,
    async prepare({ fx, n }) {
      const user = fx.editUser as UserFixture;
      const fullName = `Pengguna Uji Diubah ${stamp(n)}`;
      return {
        fields: { id: user.id, username: user.username, fullName, nip: "", email: "", role: "OPERATOR_OPD", opdId: "opd-dispar", active: "on" },
        check: () => expectRow(`SELECT 1 FROM "User" WHERE id = $1 AND "fullName" = $2`, [user.id, fullName]),
      };
    },
  },

  "resetPasswordAction | reset a user's password": {
    fixtures: [{ op: "user", key: "resetUser", role: "OPERATOR_OPD", opdId: "opd-dispar" }],
    page: (fx) => `/admin/pengguna/${(fx.resetUser as UserFixture).id}`,
    async prepare({ fx }) {
      const user = fx.resetUser as UserFixture;
      const hash = async () => (await one<{ h: string }>(`SELECT "passwordHash" AS h FROM "User" WHERE id = $1`, [user.id]))!.h;
      const before = await hash();
      return {
        fields: { id: user.id, password: "SandiBaruMatriks2026", confirmPassword: "SandiBaruMatriks2026" },
        check: async () => expect(await hash()).not.toBe(before),
      };
    },
  },

  "resetSecondFactorAction | remove a user's second factor": {
    fixtures: [{ op: "user", key: "reset2fa", role: "OPERATOR_OPD", opdId: "opd-dispar", secondFactor: "enabled" }],
    page: (fx) => `/admin/pengguna/${(fx.reset2fa as UserFixture).id}`,
    async prepare({ fx }) {
      const user = fx.reset2fa as UserFixture;
      return {
        fields: { id: user.id },
        check: () => expectRow(`SELECT 1 FROM "User" WHERE id = $1 AND "totpSecret" IS NULL AND "totpEnabledAt" IS NULL`, [user.id]),
      };
    },
  },

  // ── The own account (/akun): a fresh user of the column's role signs in; no id in the form ──
  "changePasswordAction | own password (own account only)": {
    fixtures: ownAccountUsers("changePassword"),
    page: () => "/akun/kata-sandi",
    async prepare({ fx, caller, n }) {
      const newPassword = `Matriks-${stamp(n)}-Sandi-Baru`;
      const fields = { currentPassword: DEMO_PASSWORD, newPassword, confirmPassword: newPassword };
      if (!caller.username) return { fields };
      const user = ownUser(fx, "changePassword", caller);
      const hash = async () => (await one<{ h: string }>(`SELECT "passwordHash" AS h FROM "User" WHERE id = $1`, [user.id]))!.h;
      const session = await freshSession(user.username);
      const before = await hash();
      return { fields, session, check: async () => expect(await hash()).not.toBe(before) };
    },
  },

  "startEnrolmentAction | own second factor: start": {
    fixtures: ownAccountUsers("startEnrolment"),
    page: () => "/akun/verifikasi-dua-langkah",
    async prepare({ fx, caller }) {
      if (!caller.username) return { fields: {} };
      const user = ownUser(fx, "startEnrolment", caller);
      return {
        fields: {},
        session: await freshSession(user.username),
        check: () => expectRow(`SELECT 1 FROM "User" WHERE id = $1 AND "totpPendingSecret" IS NOT NULL AND "totpSecret" IS NULL`, [user.id]),
      };
    },
  },

  "confirmEnrolmentAction | own second factor: confirm code": {
    fixtures: ownAccountUsers("confirmEnrolment", "pending"),
    page: () => "/akun/verifikasi-dua-langkah",
    async prepare({ fx, caller }) {
      if (!caller.username) return { fields: { code: "123456" } };
      const user = ownUser(fx, "confirmEnrolment", caller);
      const session = await freshSession(user.username);
      // The code the authenticator app shows now, computed from the pending secret as the app does.
      const code = await generate({ secret: user.totpSecret!, epoch: Math.floor(Date.now() / 1000) });
      return {
        fields: { code },
        session,
        check: () => expectRow(`SELECT 1 FROM "User" WHERE id = $1 AND "totpSecret" IS NOT NULL AND "totpPendingSecret" IS NULL`, [user.id]),
      };
    },
  },

  "regenerateRecoveryCodesAction | own recovery codes, new set": {
    fixtures: ownAccountUsers("regenerate", "enabled"),
    page: () => "/akun/verifikasi-dua-langkah",
    async prepare({ fx, caller }) {
      if (!caller.username) return { fields: { proof: DEMO_PASSWORD } };
      const user = ownUser(fx, "regenerate", caller);
      const codes = async () =>
        (await one<{ h: string }>(`SELECT coalesce(string_agg("codeHash", ',' ORDER BY "codeHash"), '') AS h FROM "RecoveryCode" WHERE "userId" = $1`, [user.id]))!.h;
      const session = await freshSession(user.username, user.recoveryCodes![0]);
      const before = await codes();
      return {
        fields: { proof: DEMO_PASSWORD },
        session,
        check: async () => {
          expect(await codes()).not.toBe(before);
          await expectRow(`SELECT 1 FROM "RecoveryCode" WHERE "userId" = $1 HAVING count(*) = 10 AND count("usedAt") = 0`, [user.id]);
        },
      };
    },
  },

  "disableSecondFactorAction | own second factor: switch off": {
    fixtures: ownAccountUsers("disable", "enabled"),
    page: () => "/akun/verifikasi-dua-langkah",
    async prepare({ fx, caller }) {
      if (!caller.username) return { fields: { proof: DEMO_PASSWORD } };
      const user = ownUser(fx, "disable", caller);
      return {
        fields: { proof: DEMO_PASSWORD },
        session: await freshSession(user.username, user.recoveryCodes![0]),
        check: () => expectRow(`SELECT 1 FROM "User" WHERE id = $1 AND "totpSecret" IS NULL AND "totpEnabledAt" IS NULL`, [user.id]),
      };
    },
  },

  "endOtherSessionsAction | end own other sessions": {
    fixtures: ownAccountUsers("endSessions"),
    page: () => "/akun",
    async prepare({ fx, caller }) {
      if (!caller.username) return { fields: {} };
      const user = ownUser(fx, "endSessions", caller);
      await freshSession(user.username); // another device
      const session = await freshSession(user.username);
      return {
        fields: {},
        session,
        check: async () => {
          // Exactly one session left: the one that made the call.
          await expectRow(`SELECT 1 FROM "Session" WHERE "userId" = $1 AND "revokedAt" IS NULL HAVING count(*) = 1`, [user.id]);
          await expectRow(`SELECT 1 FROM "Session" WHERE "userId" = $1 AND "revokedAt" IS NOT NULL`, [user.id]);
        },
      };
    },
  },

  "markReadAction | mark one's own notification read": {
    fixtures: [{ op: "notifications", key: "ntf", usernames: DEMO_CALLERS }],
    page: () => "/notifikasi",
    async prepare({ fx, caller }) {
      const ids = fx.ntf as Record<string, string>;
      const id = ids[caller.username ?? "admin"];
      return {
        fields: { id },
        check: () => expectRow(`SELECT 1 FROM "Notification" WHERE id = $1 AND "userId" = $2 AND "readAt" IS NOT NULL`, [id, caller.userId]),
      };
    },
  },

  "markReadAction | another user's notification": {
    // The owner is a user no column signs in as: the id is valid, but never the caller's.
    fixtures: [{ op: "user", key: "owner", role: "STAF_KS" }, { op: "notifications", key: "ntf", usernames: ["$owner"] }],
    page: () => "/notifikasi",
    async prepare({ fx }) {
      const owner = fx.owner as UserFixture;
      return { fields: { id: (fx.ntf as Record<string, string>)[owner.username] } };
    },
  },

  "markAllReadAction | mark all one's own notifications read": {
    fixtures: [{ op: "notifications", key: "ntf", usernames: DEMO_CALLERS }],
    page: () => "/notifikasi",
    async prepare({ caller }) {
      return {
        fields: {},
        check: () => expectRow(`SELECT 1 FROM "Notification" WHERE "userId" = $1 HAVING count(*) FILTER (WHERE "readAt" IS NULL) = 0 AND count(*) > 0`, [caller.userId]),
      };
    },
  },

  "setEmailPreferencesAction | own e-mail notification choices": {
    page: () => "/akun",
    async prepare({ caller }) {
      const count = async () =>
        Number((await one<{ n: string }>(`SELECT count(*) AS n FROM "AuditEvent" WHERE "actorId" = $1 AND action = 'account.emailPreferences'`, [caller.userId]))!.n);
      const before = caller.userId ? await count() : 0;
      return {
        fields: { AKAN_BERAKHIR: "on", LAPORAN_TERLAMBAT: "on" },
        check: async () => {
          expect(await count()).toBe(before + 1);
          await expectRow(`SELECT 1 FROM "User" WHERE id = $1 AND 'PERLU_TINDAKAN' = ANY("emailOptOut") AND NOT ('AKAN_BERAKHIR' = ANY("emailOptOut"))`, [caller.userId]);
        },
      };
    },
  },

  "createDraftAction | new draft (always the own OPD)": {
    page: () => "/usulan/baru",
    async prepare({ caller, n }) {
      const title = `Usulan Uji Matriks ${stamp(n)}`;
      return {
        fields: draftFields("KSDD", { title, partnerId: await partnerId("KSDD") }),
        check: () => expectRow(`SELECT 1 FROM "Case" WHERE title = $1 AND "opdId" = $2 AND stage = 'DRAF'`, [title, caller.opdId]),
      };
    },
  },

  "updateDraftAction | edit an OPD's draft": {
    fixtures: [{ op: "caseAt", key: "draftOpd", kind: "KSDD", stage: "DRAF" }],
    page: (fx) => `/usulan/${caseOf(fx, "draftOpd").id}/ubah`,
    prepare: ({ fx, n }) => editDraft(caseOf(fx, "draftOpd").id, "KSDD", n),
  },

  "updateDraftAction | edit a partner's offer (draft)": {
    fixtures: [{ op: "caseAt", key: "draftMitra", kind: "KSDPK", stage: "DRAF", initiator: "MITRA" }],
    page: (fx) => `/usulan/${caseOf(fx, "draftMitra").id}/ubah`,
    prepare: ({ fx, n }) => editDraft(caseOf(fx, "draftMitra").id, "KSDPK", n),
  },

  "registerPartnerOfferAction | partner's KSDPK offer → an OPD": {
    page: () => "/usulan/baru",
    async prepare({ n }) {
      const title = `Penawaran Mitra Uji ${stamp(n)}`;
      return {
        fields: { ...draftFields("KSDPK", { title, partnerId: await partnerId("KSDPK") }), opdId: FIXTURE_OPD },
        check: () => expectRow(`SELECT 1 FROM "Case" WHERE title = $1 AND initiator = 'MITRA' AND "opdId" = $2`, [title, FIXTURE_OPD]),
      };
    },
  },

  "requestPartnerAction | ask for a new partner": {
    page: () => "/usulan/baru",
    async prepare({ n }) {
      const name = `PT Mitra Uji Matriks ${stamp(n)}`;
      return {
        fields: { name, partnerClass: "SWASTA", province: "Jawa Barat", country: "", address: "", kind: "KSDPK" },
        check: () => expectRow(`SELECT 1 FROM "Partner" WHERE name = $1`, [name]),
      };
    },
  },

  "opinionAction | TKKSD opinion, case under review": {
    fixtures: [{ op: "caseAt", key: "underReview", kind: "KSDD", stage: "KAJIAN_TKKSD" }],
    page: (fx) => `/usulan/${caseOf(fx, "underReview").id}`,
    async prepare({ fx, caller }) {
      const c = caseOf(fx, "underReview");
      return {
        fields: { caseId: c.id, opinion: "LAYAK", note: "Sejalan dengan RPJMD (uji matriks)." },
        check: () => expectRow(`SELECT 1 FROM "TkksdOpinion" WHERE "caseId" = $1 AND "memberId" = $2`, [c.id, caller.userId]),
      };
    },
  },

  "opinionAction | TKKSD opinion, case in verification": {
    fixtures: [{ op: "caseAt", key: "inVerification", kind: "KSDD", stage: "VERIFIKASI" }],
    page: (fx) => `/usulan/${caseOf(fx, "inVerification").id}`,
    async prepare({ fx }) {
      return { fields: { caseId: caseOf(fx, "inVerification").id, opinion: "LAYAK", note: "Pendapat di luar pembahasan (uji matriks)." } };
    },
  },

  "startPerpanjanganAction | perpanjangan of a running agreement": {
    fixtures: PERPANJANGAN_CASES.map((k) => ({ op: "caseAt" as const, key: `perpanjangan:${k}`, kind: "KSDD" as const, stage: "PELAKSANAAN" as const })),
    page: (fx) => `/usulan/${caseOf(fx, "perpanjangan:shared").id}`,
    async prepare({ fx, caller }) {
      const own = (PERPANJANGAN_CASES as readonly string[]).includes(caller.column) ? caller.column : "shared";
      const c = caseOf(fx, `perpanjangan:${own}`);
      return {
        fields: { caseId: c.id },
        check: () => expectRow(`SELECT 1 FROM "Case" WHERE "extendsCaseId" = $1 AND stage = 'DRAF'`, [c.id]),
      };
    },
  },

  "startPksTurunanAction | PKS turunan under an active KB": {
    fixtures: [{ op: "caseAt", key: "activeKb", kind: "KSDD", stage: "PELAKSANAAN" }],
    page: (fx) => `/usulan/${caseOf(fx, "activeKb").id}`,
    async prepare({ fx, n }) {
      const kb = caseOf(fx, "activeKb").kbAgreementId as string;
      const title = `PKS Turunan Uji ${stamp(n)}`;
      return {
        fields: { kbId: kb, title, opdId: FIXTURE_OPD },
        check: () => expectRow(`SELECT 1 FROM "Case" WHERE title = $1 AND "parentAgreementId" = $2 AND stage = 'PENYUSUNAN_PKS'`, [title, kb]),
      };
    },
  },

  // ── Partners (Mitra) ──────────────────────────────────────────────────────────────────────
  "createPartnerAction | new partner (Bagian KS)": {
    page: () => "/mitra/baru",
    async prepare({ n }) {
      const name = `PT Mitra Baru Matriks ${stamp(n)}`;
      return {
        // "A different partner" is ticked: earlier calls of the matrix created similar names.
        fields: { name, partnerClass: "SWASTA", country: "Indonesia", province: "Jawa Barat", confirmSimilar: "on" },
        check: () => expectRow(`SELECT 1 FROM "Partner" WHERE name = $1 AND verified`, [name]),
      };
    },
  },

  "updatePartnerAction | edit a partner's data": {
    fixtures: [{ op: "partnerCreate", key: "editPartner", name: `PT Mitra Ubah Matriks ${RUN}`, partnerClass: "SWASTA" }],
    page: (fx) => `/mitra/${(fx.editPartner as PartnerFixture).id}/ubah`,
    async prepare({ fx, n }) {
      const p = fx.editPartner as PartnerFixture;
      const name = `PT Mitra Ubah Matriks ${stamp(n)}`;
      return {
        fields: { id: p.id, version: await partnerVersion(p.id), name, partnerClass: "SWASTA", country: "Indonesia", contact1Name: "Rudi Hartono", confirmSimilar: "on" },
        check: () => expectRow(`SELECT 1 FROM "Partner" WHERE id = $1 AND name = $2 AND "contact1Name" = 'Rudi Hartono'`, [p.id, name]),
      };
    },
  },

  "verifyPartnerAction | confirm an OPD's partner request": {
    // A fresh request per caller: an accepted call confirms it.
    fixtures: partnerRequests("verify"),
    page: (fx) => `/mitra/${(fx["verify:STAF"] as PartnerFixture).id}`,
    async prepare({ fx, caller }) {
      const p = fx[`verify:${caller.column}`] as PartnerFixture;
      return {
        fields: { id: p.id, version: await partnerVersion(p.id) },
        check: () => expectRow(`SELECT 1 FROM "Partner" WHERE id = $1 AND verified AND "verifiedAt" IS NOT NULL`, [p.id]),
      };
    },
  },

  "mergePartnerAction | merge a requested duplicate": {
    fixtures: partnerRequests("merge"),
    page: (fx) => `/mitra/${(fx["merge:STAF"] as PartnerFixture).id}`,
    async prepare({ fx, caller }) {
      const p = fx[`merge:${caller.column}`] as PartnerFixture;
      const target = (await one<{ id: string }>(`SELECT id FROM "Partner" WHERE "partnerClass" = 'SWASTA' AND verified AND "deletedAt" IS NULL ORDER BY name LIMIT 1`))!.id;
      return {
        fields: { id: p.id, version: await partnerVersion(p.id), targetId: target, confirm: "on" },
        check: () => expectRow(`SELECT 1 FROM "Partner" WHERE id = $1 AND "deletedAt" IS NOT NULL AND "mergedIntoId" = $2`, [p.id, target]),
      };
    },
  },

  "registerArchiveAction | Kerja Sama Arsip: signed KSDD + PDFs": {
    page: () => "/kerja-sama/arsip/baru?jenis=KSDD",
    async prepare({ caller, n }) {
      const title = `Arsip Uji Matriks ${stamp(n)}`;
      // The PDFs go first through the streamed route, as the form does; only Bagian KS may stage them.
      const staged = caller.column === "STAF" || caller.column === "KABAG";
      const fileInduk = staged ? await stageArchivePdf(caller.session, `kb-${n}`) : "bukan.token";
      const fileNaskah = staged ? await stageArchivePdf(caller.session, `pks-${n}`) : "bukan.token";
      return {
        fields: { ...archiveFields(`M${stamp(n)}`, title, await partnerId("KSDD")), fileInduk, fileNaskah },
        check: () => expectRow(`SELECT 1 FROM "Case" c WHERE c.title = $1 AND c."isArchive" AND c.stage = 'PELAKSANAAN'
          AND (SELECT count(*) FROM "Document" d WHERE d."caseId" = c.id) = 2`, [title]),
      };
    },
  },

  ...SETTINGS_SCENARIOS,
};

/** One unconfirmed partner per caller column, asked for by an OPD operator (the fixture OPD's). */
function partnerRequests(prefix: string): FixtureOp[] {
  return CALLER_COLUMNS.map((c) => ({
    op: "partnerRequest" as const, key: `${prefix}:${c}`, by: "operator.dinkes", name: `CV Usulan ${prefix} ${c} ${RUN}`, partnerClass: "SWASTA" as const,
  }));
}

/** The partner's version token as the pages send it (its updatedAt, ISO 8601 in UTC). */
async function partnerVersion(id: string): Promise<string> {
  const row = await one<{ v: string }>(`SELECT to_char("updatedAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS v FROM "Partner" WHERE id = $1`, [id]);
  return row!.v;
}

// ── Monitoring reports: cases running for about a year (periods due), reports through the services ──
const monevCase = (key: string): FixtureOp => ({ op: "caseAt", key, kind: "SINERGI", stage: "PELAKSANAAN", dates: "monev" });
const reportOf = (fx: Record<string, unknown>, key: string) => fx[key] as ReportFixture;
const REPORT_FIELDS = {
  realization: "PENUH", outputAchieved: "Seluruh kegiatan periode ini terlaksana (uji matriks).", benefits: "Layanan lebih cepat.",
  obstacles: "Tidak ada kendala.", followUp: "Melanjutkan rencana kerja.", recommendation: "LANJUTKAN",
};
const reportStatus = async (id: string) => (await one<{ status: string }>(`SELECT status::text AS status FROM "MonitoringReport" WHERE id = $1`, [id]))!.status;

function sendReport(key: string): ActionScenario {
  return {
    fixtures: [monevCase(`${key}Case`), { op: "report", key, caseId: `$${key}Case`, status: key === "returnedReport" ? "DIKEMBALIKAN" : "DRAF" }],
    page: (fx) => `/laporan/${reportOf(fx, key).caseId}/${reportOf(fx, key).period}`,
    async prepare({ fx }) {
      const r = reportOf(fx, key);
      return {
        fields: { caseId: r.caseId, period: r.period, reportId: r.id, version: String(r.version), intent: "kirim", ...REPORT_FIELDS },
        check: async () => expect(await reportStatus(r.id)).toBe("DIAJUKAN"),
      };
    },
  };
}

/** Two sent reports: Staf KS acts on the first, Kabag KS on the second (the refused callers try the first). */
function reviewScenario(prefix: string, fields: Record<string, string>, to: string): ActionScenario {
  return {
    fixtures: [
      monevCase(`${prefix}Case`),
      { op: "report", key: `${prefix}A`, caseId: `$${prefix}Case`, status: "DIAJUKAN" },
      { op: "report", key: `${prefix}B`, caseId: `$${prefix}Case`, status: "DIAJUKAN" },
    ],
    page: (fx) => `/laporan/${reportOf(fx, `${prefix}A`).caseId}/${reportOf(fx, `${prefix}A`).period}`,
    async prepare({ fx, caller }) {
      const r = reportOf(fx, caller.column === "KABAG" ? `${prefix}B` : `${prefix}A`);
      return { fields: { reportId: r.id, version: String(r.version), ...fields }, check: async () => expect(await reportStatus(r.id)).toBe(to) };
    },
  };
}

ACTION_SCENARIOS["saveReportAction | send a drafted due report"] = sendReport("draftReport");
ACTION_SCENARIOS["saveReportAction | resend a report returned for revision"] = sendReport("returnedReport");
ACTION_SCENARIOS["reviewReportAction | rate a sent report 1–5 with a note"] =
  reviewScenario("rated", { rating: "4", reviewNote: "Laporan lengkap (uji matriks)." }, "DITINJAU");
ACTION_SCENARIOS["returnReportAction | return a sent report for revision"] =
  reviewScenario("returned", { reason: "Lampirkan daftar hadir kegiatan (uji matriks)." }, "DIKEMBALIKAN");
ACTION_SCENARIOS["removeEvidenceAction | remove unsent evidence of a draft"] = {
  fixtures: [monevCase("evidenceCase"), { op: "report", key: "evidenceReport", caseId: "$evidenceCase", status: "DRAF", evidence: true }],
  page: (fx) => `/laporan/${reportOf(fx, "evidenceReport").caseId}/${reportOf(fx, "evidenceReport").period}`,
  async prepare({ fx }) {
    const r = reportOf(fx, "evidenceReport");
    return {
      fields: { reportId: r.id, documentId: r.documentId! },
      check: () => expectRow(`SELECT 1 FROM "Document" WHERE id = $1 AND "deletedAt" IS NOT NULL`, [r.documentId]),
    };
  },
};

/** The Kerja Sama Arsip form's fields for a KSDD whose KB and PKS were signed in 2024. */
function archiveFields(id: string, title: string, partner: string): Record<string, string> {
  const naskah = (prefix: string, type: string, signed: string, end: string) => ({
    [`${prefix}.ourNumber`]: `180/${id}/${type}/2024`, [`${prefix}.partnerNumber`]: `119/${id}/${type}/2024`,
    [`${prefix}.signedAt`]: signed, [`${prefix}.signedPlace`]: "Sukamaju", [`${prefix}.signerName`]: "H. Ahmad Sudrajat",
    [`${prefix}.signerPosition`]: "Bupati Sukamaju", [`${prefix}.partnerSignerName`]: "Drs. Bambang Irawan",
    [`${prefix}.partnerSignerPosition`]: "Gubernur", [`${prefix}.startDate`]: signed, [`${prefix}.endDate`]: end,
  });
  return {
    kind: "KSDD", ksddNature: "SUKARELA", title, partnerId: partner, opdId: FIXTURE_OPD, subject: "Pengelolaan sampah regional",
    governmentAffair: "Lingkungan Hidup", fundingSource: "APBD", requiresDprd: "tidak",
    ...naskah("induk", "KB", "2024-02-01", "2029-01-31"), ...naskah("naskah", "PKS", "2024-03-04", "2027-03-03"),
  };
}

async function stageArchivePdf(session: Session, name: string): Promise<string> {
  const body = new Uint8Array(samplePdf(`Naskah arsip ${name}`));
  const res = await callRoute("POST", `/api/arsip/berkas?name=${name}.pdf`, session, {
    headers: { Origin: BASE_URL, "x-sikerda-upload": "1", "content-type": "application/pdf", "content-length": String(body.byteLength) },
    body,
  });
  if (res.status !== 201) throw new Error(`staging ${name}: ${res.status} ${res.detail}`);
  return (JSON.parse(res.body.toString("utf8")) as { token: string }).token;
}

/** A filled import workbook: one valid KSDD row with numbers unique to `id`. */
async function importWorkbook(id: string, partnerName: string): Promise<Uint8Array<ArrayBuffer>> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(DATA_SHEET);
  ws.columns = IMPORT_COLUMNS.map((c) => ({ header: c.header, key: c.key }));
  const f = archiveFields(id, `Impor Uji Matriks ${id}`, "");
  ws.addRow({ ...f, partnerId: undefined, opdId: undefined, partnerName, opd: "DINKES", requiresDprd: "Tidak" });
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function editDraft(caseId: string, kind: "KSDD" | "KSDPK", n: number): Promise<Prepared> {
  const title = `Draf Diubah Uji ${stamp(n)}`;
  const version = await versionOf(caseId);
  return {
    fields: { ...draftFields(kind, { title, partnerId: await partnerId(kind) }), id: caseId, caseId, version: String(version) },
    check: () => expectRow(`SELECT 1 FROM "Case" WHERE id = $1 AND title = $2 AND version = $3`, [caseId, title, version + 1]),
  };
}

// ── Route handlers ─────────────────────────────────────────────────────────────────────────
function uploadScenario(key: string, stage: "DRAF" | "PENYUSUNAN_KB" | "KAJIAN_TKKSD", type: string): RouteScenario {
  return {
    fixtures: [{ op: "caseAt", key, kind: "KSDD", stage }],
    async request({ fx, n }) {
      const c = caseOf(fx, key);
      const body = new Uint8Array(samplePdf(`Unggahan uji ${type} ${n}`));
      const count = async () =>
        Number((await one<{ n: string }>(`SELECT count(*) AS n FROM "Document" WHERE "caseId" = $1 AND type = $2`, [c.id, type]))!.n);
      const before = await count();
      const query = new URLSearchParams({ caseId: c.id, type, name: `uji-${n}.pdf`, tahap: stage });
      return {
        url: `/api/dokumen?${query}`,
        headers: { "x-sikerda-upload": "1", "content-type": "application/pdf", "content-length": String(body.byteLength) },
        body,
        check: async () => expect(await count()).toBe(before + 1),
      };
    },
  };
}

function downloadScenario(key: string, stage: "PELAKSANAAN" | "KAJIAN_TKKSD", type: string, by: string, query = ""): RouteScenario {
  return {
    fixtures: [
      { op: "caseAt", key, kind: "KSDD", stage },
      // "$<key>": the id of the case created by the request before it (tests/support/fixtures/world.ts).
      { op: "document", key: `${key}Doc`, caseId: `$${key}`, type: type as never, by },
    ],
    async request({ fx }) {
      const doc = fx[`${key}Doc`] as DocumentFixture;
      return {
        url: `/api/dokumen/${doc.id}${query}`,
        check: async ({ status, body }) => {
          expect(status).toBe(200);
          expect(createHash("sha256").update(body).digest("hex")).toBe(doc.sha256);
        },
      };
    },
  };
}

/** The CSV export as each caller: accepted calls get their own scope only (an OPD user: their OPD's rows). */
const exportScenario: RouteScenario = {
  async request({ caller }) {
    const audits = async () => Number((await one<{ n: string }>(`SELECT count(*) AS n FROM "AuditEvent" WHERE action = 'register.export' AND "actorId" = $1`, [caller.userId]))!.n);
    const before = caller.userId ? await audits() : 0;
    // The URL asks for every OPD: the server still answers with the caller's scope.
    return {
      url: "/api/kerja-sama/ekspor?format=csv",
      check: async ({ status, body }) => {
        expect(status).toBe(200);
        const lines = body.toString("utf8").replace(/^\uFEFF/, "").split("\r\n");
        expect(lines[0]).toContain("Kode,Judul Kerja Sama");
        // One record per case (a record starts with its code; a quoted field may span lines).
        const records = lines.filter((l) => /^KS-\d{4}-/.test(l));
        expect(records.length).toBeGreaterThan(0);
        if (caller.opdId) {
          const opd = (await one<{ name: string }>(`SELECT name FROM "Opd" WHERE id = $1`, [caller.opdId]))!.name;
          const own = Number((await one<{ n: string }>(`SELECT count(*) AS n FROM "Case" WHERE "opdId" = $1 AND "deletedAt" IS NULL`, [caller.opdId]))!.n);
          expect(records.length, "rows = the OPD's cases").toBe(own);
          for (const line of records) expect(line).toContain(opd);
        }
        expect(await audits()).toBe(before + 1);
      },
    };
  },
};

/** The rekap (issue 8 §3) of this year as each caller: a real file, and one audit row per download. */
function rekapScenario(format: "excel" | "pdf"): RouteScenario {
  return {
    async request({ caller }) {
      const audits = async () => Number((await one<{ n: string }>(`SELECT count(*) AS n FROM "AuditEvent" WHERE action = 'rekap.export' AND "actorId" = $1`, [caller.userId]))!.n);
      const before = caller.userId ? await audits() : 0;
      const year = new Date().getFullYear();
      return {
        url: `/api/rekap/${format}?tahun=${year}`,
        check: async ({ status, body }) => {
          expect(status).toBe(200);
          if (format === "excel") {
            const wb = new ExcelJS.Workbook();
            await wb.xlsx.load(body as unknown as ArrayBuffer);
            expect(wb.getWorksheet("Rekap")!.getRow(1).getCell(1).value).toBe("Kode");
          } else {
            expect((await pdfPageTexts(new Uint8Array(body)))[0]).toContain(`REKAP KERJA SAMA DAERAH TAHUN ${year}`);
          }
          expect(await audits()).toBe(before + 1);
        },
      };
    },
  };
}

/** The one-page Ringkasan of a case in PELAKSANAAN: a PDF naming the case, audited. */
const ringkasanScenario: RouteScenario = {
  fixtures: [{ op: "caseAt", key: "ringkasanCase", kind: "KSDD", stage: "PELAKSANAAN" }],
  async request({ fx, caller }) {
    const c = caseOf(fx, "ringkasanCase");
    const audits = async () => Number((await one<{ n: string }>(`SELECT count(*) AS n FROM "AuditEvent" WHERE action = 'rekap.ringkasan' AND "entityId" = $1 AND "actorId" = $2`, [c.id, caller.userId]))!.n);
    const before = caller.userId ? await audits() : 0;
    return {
      url: `/api/rekap/ringkasan/${c.id}`,
      check: async ({ status, body }) => {
        expect(status).toBe(200);
        const pages = await pdfPageTexts(new Uint8Array(body));
        expect(pages).toHaveLength(1);
        expect(pages[0]).toContain("RINGKASAN KERJA SAMA");
        expect(pages[0]).toContain(c.code);
        expect(await audits()).toBe(before + 1);
      },
    };
  },
};

/** Evidence (a PNG photo) for a draft report: checked by content, attached to the report. */
const evidenceUpload: RouteScenario = {
  fixtures: [monevCase("uploadEvidenceCase"), { op: "report", key: "uploadEvidenceReport", caseId: "$uploadEvidenceCase", status: "DRAF" }],
  async request({ fx, n }) {
    const r = reportOf(fx, "uploadEvidenceReport");
    const body = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82, n % 256]);
    const count = async () =>
      Number((await one<{ n: string }>(`SELECT count(*) AS n FROM "Document" WHERE "reportId" = $1 AND "deletedAt" IS NULL`, [r.id]))!.n);
    const before = await count();
    return {
      url: `/api/dokumen/bukti-laporan?${new URLSearchParams({ reportId: r.id, type: "BUKTI_KEGIATAN", name: `foto-${n}.png` })}`,
      headers: { "x-sikerda-upload": "1", "content-type": "image/png", "content-length": String(body.byteLength) },
      body,
      check: async () => expect(await count()).toBe(before + 1),
    };
  },
};

function partnerDocumentScenario(key: string, partner: FixtureOp): RouteScenario {
  return {
    fixtures: [partner, { op: "partnerDocument", key: `${key}Doc`, partnerId: `$${partner.key}` }],
    async request({ fx }) {
      const doc = fx[`${key}Doc`] as DocumentFixture;
      return {
        url: `/api/dokumen-mitra/${doc.id}`,
        check: async ({ status, body }) => {
          expect(status).toBe(200);
          expect(createHash("sha256").update(body).digest("hex")).toBe(doc.sha256);
        },
      };
    },
  };
}

export const ROUTE_SCENARIOS: Record<string, RouteScenario> = {
  "GET /api/kerja-sama/ekspor | export the register (CSV), own scope only": exportScenario,
  "GET /api/rekap/excel | rekap Excel of this year, own scope": rekapScenario("excel"),
  "GET /api/rekap/pdf | printed rekap (PDF) of this year": rekapScenario("pdf"),
  "GET /api/rekap/ringkasan/[id] | one-page Ringkasan, case in PELAKSANAAN": ringkasanScenario,
  "POST /api/dokumen-mitra | upload a partner's legal document (NIB)": {
    fixtures: [{ op: "partnerCreate", key: "docPartner", name: `PT Mitra Dokumen Matriks ${RUN}`, partnerClass: "SWASTA" }],
    async request({ fx, n }) {
      const p = fx.docPartner as PartnerFixture;
      const body = new Uint8Array(samplePdf(`NIB uji ${n}`));
      const count = async () => Number((await one<{ n: string }>(`SELECT count(*) AS n FROM "PartnerDocument" WHERE "partnerId" = $1`, [p.id]))!.n);
      const before = await count();
      const query = new URLSearchParams({ mitra: p.id, type: "NIB", nomor: `NIB ${n}`, name: `nib-${n}.pdf` });
      return {
        url: `/api/dokumen-mitra?${query}`,
        headers: { "x-sikerda-upload": "1", "content-type": "application/pdf", "content-length": String(body.byteLength) },
        body,
        check: async () => expect(await count()).toBe(before + 1),
      };
    },
  },
  "GET /api/dokumen-mitra/[id] | legal document of a confirmed partner": partnerDocumentScenario(
    "docConfirmed", { op: "partnerCreate", key: "docConfirmedPartner", name: `PT Mitra Unduh Matriks ${RUN}`, partnerClass: "SWASTA" },
  ),
  "GET /api/dokumen-mitra/[id] | legal document of an OPD's request": partnerDocumentScenario(
    "docRequested", { op: "partnerRequest", key: "docRequestedPartner", by: "operator.dinkes", name: `CV Permintaan Dinkes Matriks ${RUN}`, partnerClass: "SWASTA" },
  ),
  "GET /api/mitra/serupa | similar partner names while typing": {
    async request() {
      const known = (await one<{ name: string }>(`SELECT name FROM "Partner" WHERE verified AND "deletedAt" IS NULL AND "partnerClass" = 'PEMDA' ORDER BY name LIMIT 1`))!.name;
      return {
        url: `/api/mitra/serupa?nama=${encodeURIComponent(known.replace(/^Pemerintah /, ""))}`,
        check: async ({ status, body }) => {
          expect(status).toBe(200);
          const { similar } = JSON.parse(body.toString("utf8")) as { similar: { name: string }[] };
          expect(similar.map((s) => s.name)).toContain(known);
        },
      };
    },
  },
  "POST /api/dokumen/bukti-laporan | evidence for a draft report (own OPD)": evidenceUpload,
  "POST /api/dokumen | upload KAK, case in DRAF (OPD's desk)": uploadScenario("uploadDraf", "DRAF", "KAK"),
  "POST /api/dokumen | upload draft KB, PENYUSUNAN_KB (shared)": uploadScenario("uploadKb", "PENYUSUNAN_KB", "DRAF_KB"),
  "POST /api/dokumen | upload berita acara, KAJIAN_TKKSD (KS)": uploadScenario("uploadTkksd", "KAJIAN_TKKSD", "BERITA_ACARA_TKKSD"),
  "GET /api/dokumen/[id] | download, case in PELAKSANAAN": downloadScenario("downloadActive", "PELAKSANAAN", "LAINNYA", "staf.ks"),
  "GET /api/dokumen/[id] | download, case under TKKSD review": downloadScenario("downloadReview", "KAJIAN_TKKSD", "UNDANGAN_TKKSD", "kabag.ks"),
  // The preview is the same route and rule as the download (components/documents/document-preview.tsx).
  "GET /api/dokumen/[id] | preview inline (?tampil=1), PELAKSANAAN": downloadScenario("previewActive", "PELAKSANAAN", "LAINNYA", "staf.ks", "?tampil=1"),
  "POST /api/arsip/berkas | stage a signed PDF for Kerja Sama Arsip": {
    async request({ n }) {
      const body = new Uint8Array(samplePdf(`Naskah arsip uji ${n}`));
      return {
        url: `/api/arsip/berkas?name=naskah-${n}.pdf`,
        headers: { "x-sikerda-upload": "1", "content-type": "application/pdf", "content-length": String(body.byteLength) },
        body,
        check: async ({ status, body: answer }) => {
          expect(status).toBe(201);
          expect((JSON.parse(answer.toString("utf8")) as { token?: string }).token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
        },
      };
    },
  },
  "GET /api/arsip/impor/templat | download the import template (.xlsx)": {
    request: async () => ({
      url: "/api/arsip/impor/templat",
      check: async ({ status, body }) => {
        expect(status).toBe(200);
        expect(body.subarray(0, 4).toString("latin1")).toBe("PK\u0003\u0004");
      },
    }),
  },
  "POST /api/arsip/impor | check a filled workbook (preview only)": {
    async request({ n }) {
      const body = await importWorkbook(`P${stamp(n)}`, await partnerName("PEMDA"));
      return {
        url: "/api/arsip/impor?langkah=periksa&name=uji.xlsx",
        headers: { "x-sikerda-upload": "1", "content-type": "application/octet-stream", "content-length": String(body.byteLength) },
        body,
        check: async ({ status, body: answer }) => {
          expect(status).toBe(200);
          expect(answer.toString("utf8")).toContain('"valid":true');
        },
      };
    },
  },
  "POST /api/arsip/impor | import a valid workbook (one transaction)": {
    async request({ n }) {
      const id = `I${stamp(n)}`;
      const body = await importWorkbook(id, await partnerName("PEMDA"));
      return {
        url: "/api/arsip/impor?langkah=impor&name=uji.xlsx",
        headers: { "x-sikerda-upload": "1", "content-type": "application/octet-stream", "content-length": String(body.byteLength) },
        body,
        check: async ({ status }) => {
          expect(status).toBe(200);
          await expectRow(`SELECT 1 FROM "Case" WHERE title = $1 AND "isArchive" AND stage = 'PELAKSANAAN'`, [`Impor Uji Matriks ${id}`]);
        },
      };
    },
  },
  "GET /api/auth/[...nextauth] | next-auth's own (csrf, session): public": {
    request: async () => ({ url: "/api/auth/session" }),
  },
  "POST /api/auth/[...nextauth] | next-auth's own sign-out: ends the session": {
    // Sign-out through next-auth's own endpoint (with its CSRF token), on a throw-away session: the
    // Session row ends and the sign-out is audited (events.signOut); anonymous changes nothing.
    async request({ caller }) {
      const session = caller.username ? await freshSession(caller.username) : caller.session;
      const ended = async () =>
        Number((await one<{ n: string }>(`SELECT count(*) AS n FROM "Session" WHERE "userId" = $1 AND "revokedReason" = 'logout'`, [caller.userId]))!.n);
      const before = caller.userId ? await ended() : 0;
      const res = await fetch(`${BASE_URL}/api/auth/csrf`, { headers: { cookie: session.cookie, "x-forwarded-for": session.address } });
      const { csrfToken } = (await res.json()) as { csrfToken: string };
      const csrfCookie = res.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
      return {
        url: "/api/auth/signout",
        session: { cookie: [session.cookie, csrfCookie].filter(Boolean).join("; "), address: session.address },
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new TextEncoder().encode(new URLSearchParams({ csrfToken, callbackUrl: "/login" }).toString()),
        check: async () => expect(await ended()).toBe(before + 1),
      };
    },
  },
};
