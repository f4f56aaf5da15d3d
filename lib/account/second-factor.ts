import "server-only";
import { getDb, type Tx } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { hashRecoveryCode, newRecoveryCode, RECOVERY_CODE_COUNT } from "@/lib/auth/recovery-codes";
import { revokeUserSessions } from "@/lib/auth/sessions";
import { decryptSecret, encryptSecret, matchTotp, newTotpSecret, totpUri } from "@/lib/auth/totp";
import type { RequestClient } from "./context";
import { completeReauth, reauthenticate } from "./reauth";

/*
 * The user's own second factor (TOTP + recovery codes). Enrolment is two steps: a pending secret is
 * created and shown as a QR code; it becomes the secret only when the user proves the app works
 * with a current code. Recovery codes are returned once, in plain text, and stored as hashes.
 * Every change is audited in the same transaction.
 */
type Actor = { id: string; username: string };

export type SecondFactorStatus = {
  enabled: boolean;
  enabledAt: Date | null;
  recoveryCodesLeft: number;
  /** The enrolment in progress: the secret to show (QR + manual key). */
  pending: { secret: string; uri: string } | null;
};

export async function secondFactorStatus(user: Actor): Promise<SecondFactorStatus> {
  const db = getDb();
  const [row, left] = await Promise.all([
    db.user.findUniqueOrThrow({ where: { id: user.id }, select: { totpSecret: true, totpPendingSecret: true, totpEnabledAt: true } }),
    db.recoveryCode.count({ where: { userId: user.id, usedAt: null } }),
  ]);
  const pendingSecret = row.totpSecret ? null : decryptSecret(row.totpPendingSecret);
  return {
    enabled: row.totpSecret !== null,
    enabledAt: row.totpEnabledAt,
    recoveryCodesLeft: left,
    pending: pendingSecret ? { secret: pendingSecret, uri: totpUri(pendingSecret, user.username) } : null,
  };
}

/** Starts (or restarts) an enrolment: a new pending secret. Refused while a second factor is active. */
export async function startEnrolment(user: Actor, now: Date): Promise<void> {
  const secret = newTotpSecret();
  await getDb().$transaction(async (tx) => {
    const { count } = await tx.user.updateMany({
      where: { id: user.id, totpSecret: null },
      data: { totpPendingSecret: encryptSecret(secret) },
    });
    if (count === 0) throw new DomainError("CONFLICT", "Verifikasi dua langkah sudah aktif. Nonaktifkan dahulu untuk mengganti perangkat.");
    await tx.auditEvent.create({
      data: { actorId: user.id, action: "auth.secondFactor.enrolmentStarted", entity: "User", entityId: user.id, createdAt: now },
    });
  });
}

async function replaceRecoveryCodes(tx: Tx, userId: string, now: Date): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  const hashes = await Promise.all(codes.map(hashRecoveryCode));
  await tx.recoveryCode.deleteMany({ where: { userId } });
  await tx.recoveryCode.createMany({ data: hashes.map((codeHash) => ({ userId, codeHash, createdAt: now })) });
  return codes;
}

/** Confirms the enrolment with a current code; returns the recovery codes (shown once). */
export async function confirmEnrolment(user: Actor, code: string, now: Date): Promise<{ recoveryCodes: string[] }> {
  const db = getDb();
  const row = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { totpSecret: true, totpPendingSecret: true } });
  if (row.totpSecret) throw new DomainError("CONFLICT", "Verifikasi dua langkah sudah aktif.");
  const secret = decryptSecret(row.totpPendingSecret);
  if (!secret) throw new DomainError("CONFLICT", "Pengaturan belum dimulai atau sudah kedaluwarsa. Mulai lagi dari awal.");
  const step = await matchTotp(secret, code, now, null);
  if (step === null) {
    const message = "Kode tidak cocok. Pastikan jam ponsel tepat lalu masukkan kode yang sedang tampil.";
    throw new DomainError("VALIDATION", message, { code: message });
  }
  return db.$transaction(async (tx) => {
    const { count } = await tx.user.updateMany({
      where: { id: user.id, totpSecret: null, totpPendingSecret: row.totpPendingSecret },
      data: { totpSecret: row.totpPendingSecret, totpPendingSecret: null, totpEnabledAt: now, totpLastStep: step },
    });
    if (count === 0) throw new DomainError("STALE", "Pengaturan diubah di tempat lain. Muat ulang halaman.");
    const recoveryCodes = await replaceRecoveryCodes(tx, user.id, now);
    await tx.auditEvent.create({
      data: { actorId: user.id, action: "auth.secondFactor.enrolled", entity: "User", entityId: user.id, data: { recoveryCodes: recoveryCodes.length }, createdAt: now },
    });
    return { recoveryCodes };
  });
}

/** New recovery codes (the old ones stop working), after re-authentication. */
export async function regenerateRecoveryCodes(
  user: Actor,
  proof: string,
  request: RequestClient,
  now: Date,
): Promise<{ recoveryCodes: string[] }> {
  const enabled = await getDb().user.count({ where: { id: user.id, totpSecret: { not: null } } });
  if (!enabled) throw new DomainError("CONFLICT", "Verifikasi dua langkah belum aktif.");
  const reauth = await reauthenticate(user, proof, "proof", request, now, { allowCode: true });
  return getDb().$transaction(async (tx) => {
    await completeReauth(tx, reauth, now);
    const recoveryCodes = await replaceRecoveryCodes(tx, user.id, now);
    await tx.auditEvent.create({
      data: { actorId: user.id, action: "auth.recoveryCodes.regenerated", entity: "User", entityId: user.id, data: { proof: reauth.method }, createdAt: now },
    });
    return { recoveryCodes };
  });
}

/**
 * Turns the second factor off, after re-authentication (password or code). The user's other
 * sessions end. A role that requires a second factor is sent straight back to enrolment.
 */
export async function disableSecondFactor(
  user: Actor,
  sessionId: string,
  proof: string,
  request: RequestClient,
  now: Date,
): Promise<void> {
  const enabled = await getDb().user.count({ where: { id: user.id, totpSecret: { not: null } } });
  if (!enabled) throw new DomainError("CONFLICT", "Verifikasi dua langkah belum aktif.");
  const reauth = await reauthenticate(user, proof, "proof", request, now, { allowCode: true });
  await getDb().$transaction(async (tx) => {
    await completeReauth(tx, reauth, now);
    await tx.user.update({
      where: { id: user.id },
      data: { totpSecret: null, totpPendingSecret: null, totpEnabledAt: null, totpLastStep: null },
    });
    await tx.recoveryCode.deleteMany({ where: { userId: user.id } });
    const sessionsEnded = await revokeUserSessions(tx, user.id, "second-factor-disabled", now, sessionId);
    await tx.auditEvent.create({
      data: { actorId: user.id, action: "auth.secondFactor.disabled", entity: "User", entityId: user.id, data: { proof: reauth.method, sessionsEnded }, createdAt: now },
    });
  });
}
