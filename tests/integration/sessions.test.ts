import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { changeOwnPassword } from "@/lib/account/password";
import { endOtherSessions, listOwnSessions } from "@/lib/account/sessions";
import { verifyPassword } from "@/lib/auth/password";
import { loadSession } from "@/lib/auth/session";
import { endSession } from "@/lib/auth/sign-out";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { at, createUser, ctx, PASSWORD } from "./helpers/auth";
import { resetDatabase, testPool } from "./helpers/db";

// Server-side sessions: the JWT only names a Session row; this row decides. Real PostgreSQL,
// fixed clock.

const T0 = new Date("2026-11-22T01:00:00Z");
const IP = "198.51.100.20";
const IDLE = 30;

async function signIn(username: string, when: Date, password = PASSWORD): Promise<string> {
  const outcome = await signInWithPassword({ username, password }, ctx(when, IP));
  if (outcome.kind !== "signed-in") throw new Error(`sign-in failed: ${outcome.kind}`);
  return outcome.sessionId;
}
const row = (id: string) => getDb().session.findUniqueOrThrow({ where: { id } });

beforeEach(async () => {
  await resetDatabase();
  await createUser("u-staf", "staf.ks", "STAF_KS");
});

describe("a signed-in session", () => {
  it("is created by the sign-in with its audit event, and read back with the user", async () => {
    const sid = await signIn("staf.ks", T0);
    expect(await row(sid)).toMatchObject({ userId: "u-staf", createdAt: T0, lastSeenAt: T0, expiresAt: at(T0, 480), revokedAt: null, ip: IP });
    const session = await loadSession(sid, at(T0, 1), IDLE);
    expect(session).toMatchObject({ user: { id: "u-staf", username: "staf.ks", role: "STAF_KS" }, pending: null });
    const audit = await getDb().auditEvent.findMany({ where: { action: "auth.login" } });
    expect(audit).toMatchObject([{ actorId: "u-staf", entity: "Session", entityId: sid, data: { ip: IP, secondFactor: "none" } }]);
  });

  it("ends after the idle timeout, and after 8 hours however active", async () => {
    const sid = await signIn("staf.ks", T0);
    expect(await loadSession(sid, at(T0, 29), IDLE)).not.toBeNull();
    // Active every 20 minutes: still valid at 7 h 40 min…
    for (let m = 20; m <= 460; m += 20) expect(await loadSession(sid, at(T0, m), IDLE)).not.toBeNull();
    // …but not at 8 h.
    expect(await loadSession(sid, at(T0, 480), IDLE)).toBeNull();

    const idle = await signIn("staf.ks", at(T0, 500));
    expect(await loadSession(idle, at(T0, 530), IDLE)).toBeNull();
  });

  it("writes lastSeenAt at most once a minute, however many requests", async () => {
    const sid = await signIn("staf.ks", T0);
    await Promise.all(Array.from({ length: 10 }, (_, i) => loadSession(sid, new Date(T0.getTime() + 30_000 + i * 1000), IDLE)));
    expect((await row(sid)).lastSeenAt).toEqual(T0);
    await Promise.all(Array.from({ length: 10 }, () => loadSession(sid, at(T0, 2), IDLE)));
    expect((await row(sid)).lastSeenAt).toEqual(at(T0, 2));
  });

  it("sign-out revokes the row first: the same cookie is worthless afterwards; audited", async () => {
    const sid = await signIn("staf.ks", T0);
    await endSession("u-staf", sid, at(T0, 5));
    expect(await loadSession(sid, at(T0, 6), IDLE)).toBeNull();
    expect(await row(sid)).toMatchObject({ revokedAt: at(T0, 5), revokedReason: "logout" });
    expect(await getDb().auditEvent.count({ where: { action: "auth.logout", entityId: sid } })).toBe(1);
  });

  it("a deactivated user's session is refused at once", async () => {
    const sid = await signIn("staf.ks", T0);
    await testPool().query(`UPDATE "User" SET active = false WHERE id = 'u-staf'`);
    expect(await loadSession(sid, at(T0, 1), IDLE)).toBeNull();
  });

  it("an unknown session id (forged or deleted) is refused", async () => {
    expect(await loadSession("tidak-ada", T0, IDLE)).toBeNull();
  });
});

describe("pending steps", () => {
  it("an administrator-set password must be changed first", async () => {
    await createUser("u-baru", "pegawai.baru", "OPERATOR_OPD", { mustChangePassword: true });
    const sid = await signIn("pegawai.baru", T0);
    expect((await loadSession(sid, T0, IDLE))?.pending).toBe("change-password");
  });

  it("KABAG_KS without a second factor must enrol when the setting is on (the default), not when it is off", async () => {
    await createUser("u-kabag", "kabag.ks", "KABAG_KS");
    const sid = await signIn("kabag.ks", T0);
    expect((await loadSession(sid, T0, IDLE))?.pending).toBe("enrol-second-factor");
    await getDb().setting.create({ data: { key: "security", value: { requireSecondFactor: false } } });
    expect((await loadSession(sid, T0, IDLE))?.pending).toBeNull();
  });
});

describe("changing one's own password", () => {
  const request = { ip: IP, deviceToken: null };

  it("needs the current password, ends the other sessions, keeps this one, clears the forced change; audited", async () => {
    await testPool().query(`UPDATE "User" SET "mustChangePassword" = true WHERE id = 'u-staf'`);
    const here = await signIn("staf.ks", T0);
    const elsewhere = await signIn("staf.ks", at(T0, 1));
    const user = { id: "u-staf", username: "staf.ks" };
    const data = { currentPassword: PASSWORD, newPassword: "kuda makan rumput di sawah", confirmPassword: "kuda makan rumput di sawah" };
    await expect(
      changeOwnPassword({ user, sessionId: here, data: { ...data, currentPassword: "salah-sekali-123" }, request, now: at(T0, 2) }),
    ).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { currentPassword: "Kata sandi saat ini tidak cocok." } });

    expect(await changeOwnPassword({ user, sessionId: here, data, request, now: at(T0, 3) })).toEqual({ sessionsEnded: 1 });
    expect(await loadSession(here, at(T0, 4), IDLE)).toMatchObject({ pending: null });
    expect(await loadSession(elsewhere, at(T0, 4), IDLE)).toBeNull();
    const u = await getDb().user.findUniqueOrThrow({ where: { id: "u-staf" } });
    expect(await verifyPassword(u.passwordHash, data.newPassword)).toBe(true);
    expect(u).toMatchObject({ mustChangePassword: false, passwordChangedAt: at(T0, 3) });
    expect(await getDb().auditEvent.count({ where: { action: "auth.password.changed", actorId: "u-staf" } })).toBe(1);
    // The old password no longer signs in; the new one does.
    expect((await signInWithPassword({ username: "staf.ks", password: PASSWORD }, ctx(at(T0, 5), IP))).kind).toBe("invalid");
    expect((await signInWithPassword({ username: "staf.ks", password: data.newPassword }, ctx(at(T0, 6), IP))).kind).toBe("signed-in");
  });

  it("refuses a common password, the username, and the current password again", async () => {
    const here = await signIn("staf.ks", T0);
    const user = { id: "u-staf", username: "staf.ks" };
    const attempt = (newPassword: string) =>
      changeOwnPassword({ user, sessionId: here, data: { currentPassword: PASSWORD, newPassword, confirmPassword: newPassword }, request, now: at(T0, 1) });
    await expect(attempt("Password1234")).rejects.toMatchObject({ fieldErrors: { newPassword: expect.stringContaining("terlalu umum") } });
    await expect(attempt("pendek")).rejects.toMatchObject({ fieldErrors: { newPassword: "Kata sandi baru minimal 12 karakter" } });
    await createUser("u-panjang", "nama.pengguna.panjang", "STAF_KS");
    const long = await signIn("nama.pengguna.panjang", T0);
    await expect(
      changeOwnPassword({
        user: { id: "u-panjang", username: "nama.pengguna.panjang" }, sessionId: long, request, now: at(T0, 1),
        data: { currentPassword: PASSWORD, newPassword: "Nama.Pengguna.Panjang", confirmPassword: "Nama.Pengguna.Panjang" },
      }),
    ).rejects.toMatchObject({ fieldErrors: { newPassword: expect.stringContaining("nama pengguna") } });
    await expect(attempt(PASSWORD)).rejects.toMatchObject({ fieldErrors: { newPassword: expect.stringContaining("berbeda") } });
  });

  it("guessing the current password from a stolen session is throttled like the sign-in", async () => {
    const here = await signIn("staf.ks", T0);
    const user = { id: "u-staf", username: "staf.ks" };
    const guess = (n: number) =>
      changeOwnPassword({
        user, sessionId: here, request, now: at(T0, 1 + n * 0.1),
        data: { currentPassword: `tebakan-${n}-abcdef`, newPassword: "kuda makan rumput di sawah", confirmPassword: "kuda makan rumput di sawah" },
      }).catch((e) => e.fieldErrors?.currentPassword);
    const messages = [];
    for (let n = 0; n < 6; n++) messages.push(await guess(n));
    expect(messages.slice(0, 5).every((m) => m === "Kata sandi saat ini tidak cocok.")).toBe(true);
    expect(messages[5]).toMatch(/coba lagi dalam \d+ menit/);
  });
});

describe("the account page's session list", () => {
  it("lists live sessions and ends every other one on request", async () => {
    const a = await signIn("staf.ks", T0);
    const b = await signIn("staf.ks", at(T0, 1));
    const listed = await listOwnSessions("u-staf", a, at(T0, 2), IDLE);
    expect(listed.map((s) => s.current)).toEqual([false, true]);
    expect(await endOtherSessions("u-staf", a, at(T0, 3))).toBe(1);
    expect(await loadSession(b, at(T0, 4), IDLE)).toBeNull();
    expect(await loadSession(a, at(T0, 4), IDLE)).not.toBeNull();
  });
});
