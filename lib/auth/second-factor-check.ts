import "server-only";
import { getDb } from "@/lib/db";
import { findRecoveryCode, looksLikeRecoveryCode } from "./recovery-codes";
import { decryptSecret, matchTotp } from "./totp";

/*
 * Checks and consumes a second-factor code of an enrolled user: a 6-digit TOTP code (its time step
 * is claimed with a conditional UPDATE, so the same code — or an older one — is accepted only
 * once, even by two parallel requests) or a recovery code (marked used with a conditional UPDATE,
 * audited in the same transaction). Used at sign-in and to confirm disabling the second factor.
 */
export type ConsumedFactor = { method: "totp" } | { method: "recovery-code"; recoveryCodeId: string };

export async function consumeSecondFactor(
  userId: string,
  code: string,
  now: Date,
): Promise<(ConsumedFactor & { recoveryCodeId?: string }) | null> {
  const db = getDb();
  const user = await db.user.findUnique({ where: { id: userId }, select: { totpSecret: true, totpLastStep: true } });
  const secret = decryptSecret(user?.totpSecret ?? null);
  if (!user || !secret) return null;
  const compact = code.replace(/\s/g, "");

  if (/^\d{6}$/.test(compact)) {
    const step = await matchTotp(secret, compact, now, user.totpLastStep);
    if (step === null) return null;
    const claimed = await db.$executeRaw`
      UPDATE "User" SET "totpLastStep" = ${step}
       WHERE id = ${userId} AND "totpSecret" IS NOT NULL AND ("totpLastStep" IS NULL OR "totpLastStep" < ${step})`;
    return claimed === 1 ? { method: "totp" } : null;
  }

  if (!looksLikeRecoveryCode(compact)) return null;
  const candidates = await db.recoveryCode.findMany({ where: { userId, usedAt: null }, select: { id: true, codeHash: true } });
  const id = await findRecoveryCode(compact, candidates);
  if (!id) return null;
  const used = await db.$transaction(async (tx) => {
    const { count } = await tx.recoveryCode.updateMany({ where: { id, userId, usedAt: null }, data: { usedAt: now } });
    if (count !== 1) return false;
    const left = await tx.recoveryCode.count({ where: { userId, usedAt: null } });
    await tx.auditEvent.create({
      data: { actorId: userId, action: "auth.recoveryCode.used", entity: "User", entityId: userId, data: { remaining: left }, createdAt: now },
    });
    return true;
  });
  return used ? { method: "recovery-code", recoveryCodeId: id } : null;
}
