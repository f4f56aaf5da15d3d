import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { verifyPassword } from "@/lib/auth/password";
import { ROLES, type Role } from "@/lib/auth/roles";
import type { CurrentUser } from "@/lib/auth/session";
import { createUser, resetPassword, resetSecondFactor, updateUser, type UpdateUserInput } from "@/lib/users/service";
import { createSession } from "@/lib/auth/sessions";
import { createOpd, updateOpd } from "@/lib/opd/service";
import { resetDatabase } from "./helpers/db";

// User and OPD administration through the services, on real PostgreSQL. Fixture users carry a
// placeholder hash: only passwords set through the services are verified.

const OPD_A = "opd-diskominfo";
const OPD_B = "opd-bappeda";
const OPD_OFF = "opd-lama";
const ADMIN_ID = "u-admin";
const TARGET_ID = "u-rina";
const PASSWORD = "Kerja-Sama-Daerah-2026";

const db = () => getDb();

function actorOf(id: string, role: Role, opdId: string | null = null): CurrentUser {
  return { id, username: id, fullName: id, role, opdId, opdName: null };
}
const admin = actorOf(ADMIN_ID, "ADMIN");

async function seed() {
  await db().opd.createMany({
    data: [
      { id: OPD_A, name: "Dinas Komunikasi dan Informatika", shortName: "Diskominfo", code: "2.16.01" },
      { id: OPD_B, name: "Badan Perencanaan Pembangunan Daerah", shortName: "Bappeda" },
      { id: OPD_OFF, name: "Kantor Arsip Lama", shortName: "KAL", active: false },
    ],
  });
  await db().user.createMany({
    data: [
      { id: ADMIN_ID, username: "admin", fullName: "Administrator", role: "ADMIN", passwordHash: "x" },
      {
        id: TARGET_ID,
        username: "rina.operator",
        fullName: "Rina Wulandari",
        nip: "198503122010012003",
        role: "OPERATOR_OPD",
        opdId: OPD_A,
        passwordHash: "x",
        failedLoginCount: 4,
        lastFailedLoginAt: new Date("2026-01-05T02:00:00Z"),
      },
    ],
  });
}

/** What a form would post for the target, unchanged. */
const targetForm: UpdateUserInput = {
  username: "rina.operator",
  fullName: "Rina Wulandari",
  nip: "198503122010012003",
  role: "OPERATOR_OPD",
  opdId: OPD_A,
  active: true,
};

const newUser = {
  username: "budi.santoso",
  fullName: "Budi Santoso, S.Kom.",
  role: "OPERATOR_OPD" as Role,
  opdId: OPD_A,
  password: PASSWORD,
};

const target = () => db().user.findUniqueOrThrow({ where: { id: TARGET_ID } });

/** Two signed-in browsers of the target user; the sessions' state tells whether they were ended. */
async function targetSessions(): Promise<string[]> {
  const now = new Date();
  return db().$transaction(async (tx) => [
    await createSession(tx, { userId: TARGET_ID, now, ip: "198.51.100.1", userAgent: null, secondFactor: false }),
    await createSession(tx, { userId: TARGET_ID, now, ip: "198.51.100.2", userAgent: null, secondFactor: false }),
  ]);
}
const liveSessions = () => db().session.count({ where: { userId: TARGET_ID, revokedAt: null } });
const counts = async () => ({ users: await db().user.count(), audit: await db().auditEvent.count() });

beforeEach(async () => {
  await resetDatabase();
  await seed();
});

describe("authorization", () => {
  const others = ROLES.filter((r) => r !== "ADMIN");
  it.each(others)("%s is refused every user and OPD mutation, and nothing is written", async (role) => {
    const opdId = role === "OPERATOR_OPD" || role === "KEPALA_OPD" ? OPD_A : null;
    await db().user.create({ data: { id: "u-other", username: "lain", fullName: "Lain", role, opdId, passwordHash: "x" } });
    const actor = actorOf("u-other", role, opdId);
    const before = { ...(await counts()), opds: await db().opd.count(), target: await target() };

    const refused = (p: Promise<unknown>) => expect(p).rejects.toMatchObject({ code: "FORBIDDEN" });
    await refused(createUser(actor, { ...newUser }));
    await refused(updateUser(actor, TARGET_ID, { ...targetForm, role: "ADMIN", opdId: undefined }));
    await refused(updateUser(actor, "u-other", { ...targetForm, username: "lain", role: "ADMIN", opdId: undefined }));
    await refused(resetPassword(actor, TARGET_ID, PASSWORD));
    await refused(createOpd(actor, { name: "Dinas Baru", shortName: "DB", active: true }));
    await refused(updateOpd(actor, OPD_A, { name: "X", shortName: "X", active: false }));

    expect({ ...(await counts()), opds: await db().opd.count(), target: await target() }).toEqual(before);
    expect((await db().user.findUniqueOrThrow({ where: { id: "u-other" } })).role).toBe(role);
  });
});

describe("createUser", () => {
  it("stores an argon2id hash, never the password, and writes the audit row", async () => {
    const { id } = await createUser(admin, { ...newUser, nip: "199001012015031001", email: "budi@kominfo.go.id" });
    const user = await db().user.findUniqueOrThrow({ where: { id } });
    expect(user.passwordHash.startsWith("$argon2id$")).toBe(true);
    expect(user.passwordHash).not.toContain(PASSWORD);
    expect(await verifyPassword(user.passwordHash, PASSWORD)).toBe(true);
    // The administrator chose this password: the user must replace it at the first sign-in.
    expect(user).toMatchObject({ role: "OPERATOR_OPD", opdId: OPD_A, active: true, mustChangePassword: true });

    const audit = await db().auditEvent.findMany({ where: { entityId: id } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "user.create", entity: "User", actorId: ADMIN_ID });
    expect(audit[0].data).toMatchObject({ username: "budi.santoso", role: "OPERATOR_OPD", opdId: OPD_A });
    expect(JSON.stringify(audit[0].data)).not.toMatch(/argon2|passwordHash|Kerja-Sama/);
  });

  it("refuses a taken username (any letter case) or NIP with a field message, saving nothing", async () => {
    const before = await counts();
    await expect(createUser(admin, { ...newUser, username: "rina.operator" })).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { username: "Nama pengguna sudah dipakai." },
    });
    await expect(createUser(admin, { ...newUser, username: "Rina.Operator" })).rejects.toMatchObject({
      fieldErrors: { username: "Nama pengguna sudah dipakai." },
    });
    await expect(createUser(admin, { ...newUser, nip: "198503122010012003" })).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { nip: "NIP sudah terdaftar." },
    });
    expect(await counts()).toEqual(before);
  });

  it("refuses an OPD role without an OPD, with an unknown or inactive OPD, and a non-OPD role with one", async () => {
    const before = await counts();
    for (const opdId of [undefined, "opd-tidak-ada", OPD_OFF]) {
      const error = await createUser(admin, { ...newUser, role: "KEPALA_OPD", opdId }).catch((e) => e);
      expect(error).toMatchObject({ code: "VALIDATION", fieldErrors: { opdId: expect.any(String) } });
    }
    await expect(createUser(admin, { ...newUser, role: "STAF_KS", opdId: OPD_A })).rejects.toMatchObject({
      code: "VALIDATION",
    });
    await expect(createUser(admin, { ...newUser, password: "pendek1" })).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { password: "Kata sandi minimal 12 karakter" },
    });
    expect(await counts()).toEqual(before);
  });

  it("two simultaneous creations of one username: one succeeds, the other gets the field message", async () => {
    const results = await Promise.allSettled([
      createUser(admin, { ...newUser }),
      createUser(admin, { ...newUser, fullName: "Budi Lain" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(rejected.reason).toMatchObject({ code: "VALIDATION", fieldErrors: { username: "Nama pengguna sudah dipakai." } });
    expect(await db().user.count({ where: { username: "budi.santoso" } })).toBe(1);
  });
});

describe("updateUser", () => {
  it.each([
    ["role", { role: "KEPALA_OPD" as Role }],
    ["opdId", { opdId: OPD_B }],
    ["active", { active: false }],
  ])("a change of %s ends every session of the user", async (field, change) => {
    await targetSessions();
    const result = await updateUser(admin, TARGET_ID, { ...targetForm, ...change });
    expect(result).toEqual({ changed: [field], sessionsEnded: true });
    expect(await liveSessions()).toBe(0);
    const reasons = await db().session.findMany({ where: { userId: TARGET_ID }, select: { revokedReason: true } });
    expect(new Set(reasons.map((r) => r.revokedReason))).toEqual(new Set([field === "active" ? "deactivated" : "role-changed"]));
    const audit = await db().auditEvent.findFirstOrThrow({ where: { action: "user.update", entityId: TARGET_ID } });
    expect(Object.keys((audit.data as { changes: object }).changes)).toEqual([field]);
  });

  it("a name-only change is saved and audited without ending sessions; no change writes nothing", async () => {
    await targetSessions();
    await updateUser(admin, TARGET_ID, { ...targetForm, fullName: "Rina Wulandari, S.T." });
    const after = await target();
    expect(after).toMatchObject({ fullName: "Rina Wulandari, S.T." });
    expect(await liveSessions()).toBe(2);
    const audit = await db().auditEvent.findFirstOrThrow({ where: { action: "user.update" } });
    expect(audit.data).toEqual({
      changes: { fullName: { from: "Rina Wulandari", to: "Rina Wulandari, S.T." } },
      sessionsEnded: false,
    });
    expect(JSON.stringify(audit.data)).not.toMatch(/passwordHash/);

    const before = await counts();
    expect(await updateUser(admin, TARGET_ID, { ...targetForm, fullName: "Rina Wulandari, S.T." })).toEqual({
      changed: [],
      sessionsEnded: false,
    });
    expect(await counts()).toEqual(before);
  });

  it("an admin can neither deactivate themselves nor drop their own ADMIN role", async () => {
    const self = { username: "admin", fullName: "Administrator", role: "ADMIN" as Role, active: true };
    const before = await db().user.findUniqueOrThrow({ where: { id: ADMIN_ID } });
    await expect(updateUser(admin, ADMIN_ID, { ...self, active: false })).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { active: "Anda tidak dapat menonaktifkan akun Anda sendiri." },
    });
    await expect(updateUser(admin, ADMIN_ID, { ...self, role: "KABAG_KS" })).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { role: expect.stringContaining("Administrator Sistem") },
    });
    expect(await db().user.findUniqueOrThrow({ where: { id: ADMIN_ID } })).toEqual(before);
    expect(await db().auditEvent.count()).toBe(0);
  });

  it("refuses another user's username, an inactive OPD, and an unknown id", async () => {
    await expect(updateUser(admin, TARGET_ID, { ...targetForm, username: "admin" })).rejects.toMatchObject({
      fieldErrors: { username: "Nama pengguna sudah dipakai." },
    });
    await expect(updateUser(admin, TARGET_ID, { ...targetForm, opdId: OPD_OFF })).rejects.toMatchObject({
      fieldErrors: { opdId: expect.stringContaining("nonaktif") },
    });
    await expect(updateUser(admin, "u-tidak-ada", targetForm)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await target()).toMatchObject({ username: "rina.operator", opdId: OPD_A });
  });
});

describe("resetPassword", () => {
  it("sets a verifiable argon2id hash, ends sessions, clears failed attempts and audits without the hash", async () => {
    const before = await target();
    await targetSessions();
    await resetPassword(admin, TARGET_ID, PASSWORD, new Date(before.passwordChangedAt.getTime() + 60_000));
    const after = await target();
    expect(after.passwordHash.startsWith("$argon2id$")).toBe(true);
    expect(await verifyPassword(after.passwordHash, PASSWORD)).toBe(true);
    expect(await liveSessions()).toBe(0);
    expect(after.mustChangePassword).toBe(true);
    expect(after.failedLoginCount).toBe(0);
    expect(after.passwordChangedAt.getTime()).toBeGreaterThan(before.passwordChangedAt.getTime());
    const audit = await db().auditEvent.findFirstOrThrow({ where: { action: "user.resetPassword" } });
    expect(audit).toMatchObject({ actorId: ADMIN_ID, entityId: TARGET_ID });
    expect(JSON.stringify(audit.data)).not.toMatch(/argon2|Kerja-Sama/);
  });

  it("refuses a password under 12 characters and an unknown user, changing nothing", async () => {
    const before = await target();
    await expect(resetPassword(admin, TARGET_ID, "Pendek12")).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(resetPassword(admin, "u-tidak-ada", PASSWORD)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await target()).toEqual(before);
    expect(await db().auditEvent.count()).toBe(0);
  });
});

describe("OPD", () => {
  const opdForm = { name: "Dinas Komunikasi dan Informatika", shortName: "Diskominfo", code: "2.16.01", active: true };

  it("refuses to deactivate an OPD that still has active users, then allows it once they are gone", async () => {
    await expect(updateOpd(admin, OPD_A, { ...opdForm, active: false })).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { active: expect.stringContaining("1 pengguna aktif") },
    });
    expect((await db().opd.findUniqueOrThrow({ where: { id: OPD_A } })).active).toBe(true);

    await updateUser(admin, TARGET_ID, { ...targetForm, active: false });
    await updateOpd(admin, OPD_A, { ...opdForm, active: false });
    expect((await db().opd.findUniqueOrThrow({ where: { id: OPD_A } })).active).toBe(false);
    const audit = await db().auditEvent.findFirstOrThrow({ where: { action: "opd.update", entityId: OPD_A } });
    expect(audit.data).toEqual({ changes: { active: { from: true, to: false } } });
    // The inactive OPD can no longer receive a new active user.
    await expect(createUser(admin, { ...newUser })).rejects.toMatchObject({ fieldErrors: { opdId: expect.any(String) } });
  });

  it("creates an OPD with an audit row and refuses duplicates case-insensitively", async () => {
    const { id } = await createOpd(admin, { name: "Dinas Kesehatan", shortName: "Dinkes", active: true });
    expect(await db().auditEvent.count({ where: { action: "opd.create", entityId: id } })).toBe(1);
    const before = await db().opd.count();
    await expect(
      createOpd(admin, { name: "dinas kesehatan", shortName: "DINKES", code: "2.16.01", active: true }),
    ).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: {
        name: "Nama OPD sudah terdaftar.",
        shortName: "Singkatan sudah dipakai OPD lain.",
        code: "Kode sudah dipakai OPD lain.",
      },
    });
    expect(await db().opd.count()).toBe(before);
  });
});

describe("password policy on administrator-set passwords", () => {
  it("refuses a common password and the username, on create and on reset", async () => {
    await expect(createUser(admin, { ...newUser, password: "password1234" })).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { password: expect.stringContaining("terlalu umum") },
    });
    await expect(createUser(admin, { ...newUser, username: "budi.santoso.ks", password: "Budi.Santoso.KS" })).rejects.toMatchObject({
      fieldErrors: { password: "Kata sandi tidak boleh sama dengan nama pengguna." },
    });
    await expect(resetPassword(admin, TARGET_ID, "Rina.Operator")).rejects.toMatchObject({
      fieldErrors: { password: "Kata sandi tidak boleh sama dengan nama pengguna." },
    });
    await expect(resetPassword(admin, TARGET_ID, "QWERTYUIOP12")).rejects.toMatchObject({ code: "VALIDATION" });
  });
});

describe("resetSecondFactor", () => {
  it("removes the TOTP secret and recovery codes, ends sessions, and is audited; only ADMIN may", async () => {
    await db().user.update({ where: { id: TARGET_ID }, data: { totpSecret: "v1.x.y.z", totpEnabledAt: new Date(), totpLastStep: 5 } });
    await db().recoveryCode.createMany({ data: [{ userId: TARGET_ID, codeHash: "h1" }, { userId: TARGET_ID, codeHash: "h2" }] });
    await targetSessions();
    await expect(resetSecondFactor(actorOf("u-x", "KABAG_KS"), TARGET_ID)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await resetSecondFactor(admin, TARGET_ID);
    expect(await target()).toMatchObject({ totpSecret: null, totpEnabledAt: null, totpLastStep: null });
    expect(await db().recoveryCode.count({ where: { userId: TARGET_ID } })).toBe(0);
    expect(await liveSessions()).toBe(0);
    const audit = await db().auditEvent.findFirstOrThrow({ where: { action: "user.resetSecondFactor" } });
    expect(audit).toMatchObject({ actorId: ADMIN_ID, entityId: TARGET_ID });
    expect(audit.data).toMatchObject({ hadSecondFactor: true, recoveryCodesRemoved: 2, sessionsEnded: 2 });
  });
});
