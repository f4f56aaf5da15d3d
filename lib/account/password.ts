import "server-only";
import { getDb } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { passwordPolicyProblem } from "@/lib/auth/password-policy";
import { revokeUserSessions } from "@/lib/auth/sessions";
import type { RequestClient } from "./context";
import { completeReauth, reauthenticate } from "./reauth";
import { changePasswordSchema, type ChangePasswordInput } from "./schemas";

/**
 * A user changes their own password: the current one is required (throttled like a sign-in), the
 * new one follows the rule (length, not common, not the username, not the current one). Every
 * OTHER session of the user ends; this one stays. Clears "must change password". Audited in the
 * same transaction.
 */
export async function changeOwnPassword(input: {
  user: { id: string; username: string };
  sessionId: string;
  data: ChangePasswordInput;
  request: RequestClient;
  now: Date;
}): Promise<{ sessionsEnded: number }> {
  const { user, data, now } = input;
  const parsed = changePasswordSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new DomainError("VALIDATION", issue.message, { [String(issue.path[0] ?? "newPassword")]: issue.message });
  }
  const problem = passwordPolicyProblem(data.newPassword, user.username);
  if (problem) throw new DomainError("VALIDATION", problem, { newPassword: problem });

  const reauth = await reauthenticate(user, data.currentPassword, "currentPassword", input.request, now, { allowCode: false });
  const current = await getDb().user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } });
  if (await verifyPassword(current.passwordHash, data.newPassword)) {
    const message = "Kata sandi baru harus berbeda dari kata sandi saat ini.";
    throw new DomainError("VALIDATION", message, { newPassword: message });
  }
  const passwordHash = await hashPassword(data.newPassword);
  return getDb().$transaction(async (tx) => {
    await completeReauth(tx, reauth, now);
    await tx.user.update({
      where: { id: user.id },
      data: { passwordHash, passwordChangedAt: now, mustChangePassword: false, failedLoginCount: 0, lastFailedLoginAt: null },
    });
    const sessionsEnded = await revokeUserSessions(tx, user.id, "password-changed", now, input.sessionId);
    await tx.auditEvent.create({
      data: { actorId: user.id, action: "auth.password.changed", entity: "User", entityId: user.id, data: { sessionsEnded }, createdAt: now },
    });
    return { sessionsEnded };
  });
}
