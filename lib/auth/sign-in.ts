import "server-only";
import { getDb } from "@/lib/db";
import { addressKey } from "./client";
import { trustedDeviceId } from "./device";
import { dummyPasswordHash, verifyPassword } from "./password";
import { consumeSecondFactor } from "./second-factor-check";
import { createSession } from "./sessions";
import { recordSuccess, reserveAttempt } from "./throttle";
import type { SignInClient } from "./throttle-rule";
import { signToken, verifyToken } from "./tokens";

/*
 * Sign-in, step by step, with the clock passed in. Called by next-auth's credentials authorize()
 * (lib/auth/auth.ts), which is the only way a session is created:
 *
 *   1. password  → throttle check-and-reserve → verify → "signed-in", or "second-factor" with a
 *                  short-lived signed challenge when the user has a second factor
 *   2. challenge + TOTP code or recovery code → throttle check-and-reserve → verify → "signed-in"
 *
 * "signed-in" has already written, in one transaction: the SUCCESS rows that clear the attempts,
 * the Session row, the `auth.login` audit event and the user's last sign-in time.
 */
export const CHALLENGE_TTL_MS = 5 * 60 * 1000;

export type SignInContext = {
  /** Client address from lib/auth/client.ts (x-sikerda-client-ip). */
  ip: string;
  userAgent: string | null;
  /** The trusted-device cookie the browser sent, if any (lib/auth/device.ts). */
  deviceToken: string | null;
  now: Date;
};

export type SignInOutcome =
  | { kind: "signed-in"; userId: string; username: string; sessionId: string }
  | { kind: "second-factor"; challenge: string }
  | { kind: "throttled"; retryAfterMinutes: number }
  | { kind: "expired" }
  | { kind: "invalid" };

/** Test seam: count or slow down secret checks (tests/integration/login-throttle.test.ts). */
export type SignInDeps = { verifyPassword: (hash: string, password: string) => Promise<boolean> };
const DEFAULT_DEPS: SignInDeps = { verifyPassword };

export function normalizeUsername(raw: unknown): string {
  return String(raw ?? "").trim().toLowerCase().slice(0, 64);
}

function clientOf(username: string, ctx: SignInContext): SignInClient {
  return { username, ip: addressKey(ctx.ip), deviceId: trustedDeviceId(ctx.deviceToken, username, ctx.now) };
}

async function noteFailure(userId: string | undefined, now: Date): Promise<void> {
  if (!userId) return;
  await getDb().user.update({
    where: { id: userId },
    data: { failedLoginCount: { increment: 1 }, lastFailedLoginAt: now },
  });
}

async function complete(
  user: { id: string; username: string },
  client: SignInClient,
  attemptIds: bigint[],
  ctx: SignInContext,
  secondFactor: { used: boolean; recoveryCodeId?: string },
): Promise<SignInOutcome> {
  const sessionId = await getDb().$transaction(async (tx) => {
    await recordSuccess(tx, client, attemptIds, ctx.now);
    const id = await createSession(tx, {
      userId: user.id, now: ctx.now, ip: ctx.ip, userAgent: ctx.userAgent, secondFactor: secondFactor.used,
    });
    await tx.user.update({ where: { id: user.id }, data: { lastLoginAt: ctx.now, failedLoginCount: 0 } });
    await tx.auditEvent.create({
      data: {
        actorId: user.id,
        action: "auth.login",
        entity: "Session",
        entityId: id,
        data: {
          ip: ctx.ip,
          trustedDevice: client.deviceId !== null,
          secondFactor: secondFactor.used ? (secondFactor.recoveryCodeId ? "recovery-code" : "totp") : "none",
        },
        createdAt: ctx.now,
      },
    });
    return id;
  });
  return { kind: "signed-in", userId: user.id, username: user.username, sessionId };
}

/** Step 1: username and password. */
export async function signInWithPassword(
  input: { username: unknown; password: unknown },
  ctx: SignInContext,
  deps: SignInDeps = DEFAULT_DEPS,
): Promise<SignInOutcome> {
  const username = normalizeUsername(input.username);
  const password = typeof input.password === "string" ? input.password.slice(0, 256) : "";
  if (!username || !password) return { kind: "invalid" };

  const client = clientOf(username, ctx);
  const reservation = await reserveAttempt(client, ctx.now);
  if (!reservation.allowed) return { kind: "throttled", retryAfterMinutes: reservation.retryAfterMinutes };

  const user = await getDb().user.findUnique({
    where: { username },
    select: { id: true, username: true, passwordHash: true, active: true, totpSecret: true, isSystem: true },
  });
  // Unknown users (and the system's own account, which has no password) cost the same hash check,
  // so timing does not tell which usernames exist.
  const hashToCheck = user && !user.isSystem ? user.passwordHash : await dummyPasswordHash();
  const ok = await deps.verifyPassword(hashToCheck, password);
  if (!user || !ok || !user.active || user.isSystem) {
    await noteFailure(user?.id, ctx.now);
    return { kind: "invalid" };
  }
  if (user.totpSecret) {
    const challenge = signToken(
      "challenge",
      { uid: user.id, u: user.username, aid: reservation.attemptId.toString() },
      new Date(ctx.now.getTime() + CHALLENGE_TTL_MS),
    );
    return { kind: "second-factor", challenge };
  }
  return complete(user, client, [reservation.attemptId], ctx, { used: false });
}

export type Challenge = { userId: string; username: string; attemptId: bigint };

/** The challenge's content when it is authentic and unexpired (the login page reads the username). */
export function readChallenge(token: unknown, now: Date): Challenge | null {
  const p = verifyToken("challenge", token, now);
  if (!p || typeof p.uid !== "string" || typeof p.u !== "string" || typeof p.aid !== "string" || !/^\d+$/.test(p.aid)) {
    return null;
  }
  return { userId: p.uid, username: p.u, attemptId: BigInt(p.aid) };
}

/** Step 2: the challenge from step 1 and a TOTP code or a recovery code. */
export async function signInWithSecondFactor(
  input: { challenge: unknown; code: unknown },
  ctx: SignInContext,
): Promise<SignInOutcome> {
  const challenge = readChallenge(input.challenge, ctx.now);
  if (!challenge) return { kind: "expired" };
  const code = typeof input.code === "string" ? input.code.trim().slice(0, 32) : "";
  const client = clientOf(challenge.username, ctx);
  const reservation = await reserveAttempt(client, ctx.now);
  if (!reservation.allowed) return { kind: "throttled", retryAfterMinutes: reservation.retryAfterMinutes };

  const user = await getDb().user.findUnique({
    where: { id: challenge.userId },
    select: { id: true, username: true, active: true },
  });
  if (!user || !user.active || user.username !== challenge.username || !code) {
    await noteFailure(user?.id, ctx.now);
    return { kind: "invalid" };
  }
  const used = await consumeSecondFactor(user.id, code, ctx.now);
  if (!used) {
    await noteFailure(user.id, ctx.now);
    return { kind: "invalid" };
  }
  return complete(user, client, [challenge.attemptId, reservation.attemptId], ctx, {
    used: true,
    recoveryCodeId: used.recoveryCodeId,
  });
}
