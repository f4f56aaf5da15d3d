import { generate } from "otplib";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import {
  confirmEnrolment,
  disableSecondFactor,
  regenerateRecoveryCodes,
  secondFactorStatus,
  startEnrolment,
} from "@/lib/account/second-factor";
import { loadSession } from "@/lib/auth/session";
import { signInWithPassword, signInWithSecondFactor, type SignInOutcome } from "@/lib/auth/sign-in";
import { at, createUser, ctx, PASSWORD } from "./helpers/auth";
import { resetDatabase } from "./helpers/db";

// The TOTP second factor end to end through the services, on real PostgreSQL, with a fixed clock:
// enrolment, two-step sign-in, replay refused, recovery codes single-use, disable, audit.

const T0 = new Date("2026-11-22T01:00:00Z");
const IP = "198.51.100.30";
const user = { id: "u-kabag", username: "kabag.ks" };
const request = { ip: IP, deviceToken: null };
const codeAt = (secret: string, when: Date) => generate({ secret, epoch: Math.floor(when.getTime() / 1000) });

/** Enrols kabag.ks at T0; returns the secret (as the authenticator app holds it) and the recovery codes. */
async function enrol(): Promise<{ secret: string; recoveryCodes: string[] }> {
  await startEnrolment(user, T0);
  const { pending } = await secondFactorStatus(user);
  const secret = pending!.secret;
  const { recoveryCodes } = await confirmEnrolment(user, await codeAt(secret, T0), T0);
  return { secret, recoveryCodes };
}

async function passwordStep(when: Date): Promise<string> {
  const outcome = await signInWithPassword({ username: "kabag.ks", password: PASSWORD }, ctx(when, IP));
  if (outcome.kind !== "second-factor") throw new Error(`expected the second-factor step, got ${outcome.kind}`);
  return outcome.challenge;
}

const audits = async (action: string) => getDb().auditEvent.count({ where: { action } });

beforeEach(async () => {
  await resetDatabase();
  await createUser("u-kabag", "kabag.ks", "KABAG_KS");
});

describe("enrolment", () => {
  it("a pending secret becomes active only with a valid code; 10 recovery codes come back once, stored hashed", async () => {
    await startEnrolment(user, T0);
    const { pending, enabled } = await secondFactorStatus(user);
    expect(enabled).toBe(false);
    expect(pending?.uri).toMatch(/^otpauth:\/\/totp\/SIKERDA:kabag\.ks\?secret=/);
    await expect(confirmEnrolment(user, "000000", T0)).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { code: expect.any(String) } });

    const { recoveryCodes } = await confirmEnrolment(user, await codeAt(pending!.secret, T0), T0);
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    const stored = await getDb().recoveryCode.findMany({ where: { userId: user.id } });
    expect(stored.every((r) => r.codeHash.startsWith("$argon2id$") && !recoveryCodes.some((c) => r.codeHash.includes(c)))).toBe(true);
    const row = await getDb().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.totpSecret).not.toContain(pending!.secret); // encrypted at rest
    expect(row.totpPendingSecret).toBeNull();
    expect(await secondFactorStatus(user)).toMatchObject({ enabled: true, enabledAt: T0, recoveryCodesLeft: 10, pending: null });
    expect(await audits("auth.secondFactor.enrolled")).toBe(1);
    // A required role's pending step is gone once enrolled.
    const outcome = await signInWithSecondFactor({ challenge: await passwordStep(at(T0, 1)), code: await codeAt(pending!.secret, at(T0, 1)) }, ctx(at(T0, 1), IP));
    expect(outcome.kind).toBe("signed-in");
    const session = await loadSession((outcome as Extract<SignInOutcome, { kind: "signed-in" }>).sessionId, at(T0, 1), 30);
    expect(session).toMatchObject({ pending: null, hasSecondFactor: true });
  });

  it("cannot start a new enrolment while a second factor is active", async () => {
    await enrol();
    await expect(startEnrolment(user, at(T0, 1))).rejects.toMatchObject({ code: "CONFLICT" });
  });
});

describe("two-step sign-in", () => {
  it("the password alone gives only a short-lived challenge, no session", async () => {
    await enrol();
    await passwordStep(at(T0, 1));
    expect(await getDb().session.count()).toBe(0);
  });

  it("a TOTP code completes the sign-in once; the same code (time step) is refused afterwards", async () => {
    const { secret } = await enrol();
    const when = at(T0, 2);
    const code = await codeAt(secret, when);
    const first = await signInWithSecondFactor({ challenge: await passwordStep(when), code }, ctx(when, IP));
    expect(first.kind).toBe("signed-in");
    const replay = await signInWithSecondFactor({ challenge: await passwordStep(when), code }, ctx(at(when, 0.2), IP));
    expect(replay).toEqual({ kind: "invalid" });
    const audit = await getDb().auditEvent.findFirstOrThrow({ where: { action: "auth.login" } });
    expect(audit.data).toMatchObject({ secondFactor: "totp" });
  });

  it("two parallel requests with the same code: exactly one signs in", async () => {
    const { secret } = await enrol();
    const when = at(T0, 3);
    const code = await codeAt(secret, when);
    const [a, b] = await Promise.all([passwordStep(when), passwordStep(when)]);
    const outcomes = await Promise.all([
      signInWithSecondFactor({ challenge: a, code }, ctx(when, IP)),
      signInWithSecondFactor({ challenge: b, code }, ctx(when, IP)),
    ]);
    expect(outcomes.map((o) => o.kind).sort()).toEqual(["invalid", "signed-in"]);
  });

  it("an expired or forged challenge is refused", async () => {
    const { secret } = await enrol();
    const challenge = await passwordStep(at(T0, 1));
    expect(await signInWithSecondFactor({ challenge, code: await codeAt(secret, at(T0, 7)) }, ctx(at(T0, 7), IP))).toEqual({ kind: "expired" });
    expect(await signInWithSecondFactor({ challenge: `${challenge}x`, code: "123456" }, ctx(at(T0, 1), IP))).toEqual({ kind: "expired" });
  });

  it("wrong codes are throttled like passwords", async () => {
    await enrol();
    const kinds: string[] = [];
    for (let i = 0; i < 3; i++) {
      const challenge = await passwordStep(at(T0, 1 + i * 0.1));
      kinds.push((await signInWithSecondFactor({ challenge, code: "000000" }, ctx(at(T0, 1.05 + i * 0.1), IP))).kind);
    }
    // Each password step and each wrong code is a failed step from this address: after five the
    // sixth step is refused unchecked — the code, and then the password too.
    expect(kinds).toEqual(["invalid", "invalid", "throttled"]);
    const outcome = await signInWithPassword({ username: "kabag.ks", password: PASSWORD }, ctx(at(T0, 2), IP));
    expect(outcome.kind).toBe("throttled");
  });

  it("a recovery code signs in once, is audited, and cannot be used again", async () => {
    const { recoveryCodes } = await enrol();
    const code = recoveryCodes[3].toLowerCase();
    const ok = await signInWithSecondFactor({ challenge: await passwordStep(at(T0, 1)), code }, ctx(at(T0, 1), IP));
    expect(ok.kind).toBe("signed-in");
    expect(await audits("auth.recoveryCode.used")).toBe(1);
    const again = await signInWithSecondFactor({ challenge: await passwordStep(at(T0, 2)), code }, ctx(at(T0, 2), IP));
    expect(again).toEqual({ kind: "invalid" });
    expect((await secondFactorStatus(user)).recoveryCodesLeft).toBe(9);
  });
});

describe("managing the second factor", () => {
  it("new recovery codes need the password or a code; the old ones stop working", async () => {
    const { secret, recoveryCodes } = await enrol();
    await expect(regenerateRecoveryCodes(user, "bukan-kata-sandinya", request, at(T0, 1))).rejects.toMatchObject({
      fieldErrors: { proof: "Kata sandi atau kode tidak cocok." },
    });
    const { recoveryCodes: fresh } = await regenerateRecoveryCodes(user, await codeAt(secret, at(T0, 2)), request, at(T0, 2));
    expect(fresh).toHaveLength(10);
    const old = await signInWithSecondFactor({ challenge: await passwordStep(at(T0, 3)), code: recoveryCodes[0] }, ctx(at(T0, 3), IP));
    expect(old.kind).toBe("invalid");
    expect(await audits("auth.recoveryCodes.regenerated")).toBe(1);
  });

  it("disabling needs proof, ends the other sessions, and sends a required role back to enrolment", async () => {
    const { secret } = await enrol();
    const signIn = async (when: Date) =>
      (await signInWithSecondFactor({ challenge: await passwordStep(when), code: await codeAt(secret, when) }, ctx(when, IP))) as Extract<
        SignInOutcome,
        { kind: "signed-in" }
      >;
    const here = (await signIn(at(T0, 1))).sessionId;
    const elsewhere = (await signIn(at(T0, 2))).sessionId;
    await disableSecondFactor(user, here, PASSWORD, request, at(T0, 3));
    expect(await secondFactorStatus(user)).toMatchObject({ enabled: false, recoveryCodesLeft: 0 });
    expect(await loadSession(elsewhere, at(T0, 4), 30)).toBeNull();
    expect((await loadSession(here, at(T0, 4), 30))?.pending).toBe("enrol-second-factor");
    expect(await audits("auth.secondFactor.disabled")).toBe(1);
    // The password alone signs in again (and the required enrolment follows).
    expect((await signInWithPassword({ username: "kabag.ks", password: PASSWORD }, ctx(at(T0, 5), IP))).kind).toBe("signed-in");
  });
});
