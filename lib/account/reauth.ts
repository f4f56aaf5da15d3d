import "server-only";
import { getDb, type Tx } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { addressKey } from "@/lib/auth/client";
import { trustedDeviceId } from "@/lib/auth/device";
import { throttledMessage } from "@/lib/auth/login-messages";
import { verifyPassword } from "@/lib/auth/password";
import { looksLikeRecoveryCode } from "@/lib/auth/recovery-codes";
import { consumeSecondFactor } from "@/lib/auth/second-factor-check";
import { recordSuccess, reserveAttempt } from "@/lib/auth/throttle";
import type { SignInClient } from "@/lib/auth/throttle-rule";
import type { RequestClient } from "./context";

/*
 * Re-authentication before a sensitive change of one's own account (ASVS 5.0 V7.5): the current
 * password, or — for proving possession of the second factor — a TOTP or recovery code. Each try
 * goes through the same check-and-reserve throttle as the sign-in, so a hijacked session cannot be
 * used to guess the password faster than the sign-in page allows.
 */
export type ReauthResult = { client: SignInClient; attemptId: bigint; method: "password" | "totp" | "recovery-code" };

export async function reauthenticate(
  user: { id: string; username: string },
  secret: string,
  field: string,
  request: RequestClient,
  now: Date,
  { allowCode }: { allowCode: boolean },
): Promise<ReauthResult> {
  const client: SignInClient = {
    username: user.username,
    ip: addressKey(request.ip),
    deviceId: trustedDeviceId(request.deviceToken, user.username, now),
  };
  const reservation = await reserveAttempt(client, now);
  if (!reservation.allowed) {
    throw new DomainError("VALIDATION", throttledMessage(reservation.retryAfterMinutes), {
      [field]: throttledMessage(reservation.retryAfterMinutes),
    });
  }
  const compact = secret.replace(/\s/g, "");
  if (allowCode && (/^\d{6}$/.test(compact) || looksLikeRecoveryCode(compact))) {
    const used = await consumeSecondFactor(user.id, compact, now);
    if (used) return { client, attemptId: reservation.attemptId, method: used.method };
  } else {
    const row = await getDb().user.findUnique({ where: { id: user.id }, select: { passwordHash: true } });
    if (row && (await verifyPassword(row.passwordHash, secret))) {
      return { client, attemptId: reservation.attemptId, method: "password" };
    }
  }
  const message = allowCode
    ? "Kata sandi atau kode tidak cocok."
    : "Kata sandi saat ini tidak cocok.";
  throw new DomainError("VALIDATION", message, { [field]: message });
}

/** Clears the re-authentication attempt, inside the change's transaction. */
export async function completeReauth(tx: Tx, reauth: ReauthResult, now: Date): Promise<void> {
  await recordSuccess(tx, reauth.client, [reauth.attemptId], now);
}
