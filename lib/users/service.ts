import "server-only";
import { SYSTEM_USERNAME } from "@/lib/jobs/system-user";
import { getDb, type Tx } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { can } from "@/lib/auth/policy";
import { hashPassword } from "@/lib/auth/password";
import { passwordPolicyProblem } from "@/lib/auth/password-policy";
import { revokeUserSessions } from "@/lib/auth/sessions";
import { isOpdRole, ROLE_LABELS, type Role } from "@/lib/auth/roles";
import type { CurrentUser } from "@/lib/auth/session";
import { newPasswordSchema } from "@/lib/validation/admin-extra";
import { changedFields, withUniqueMessages, writeAudit, type UniqueRule } from "./shared";

/*
 * User administration. Every function takes the acting user and checks the grant itself: the
 * pages hiding the menu is not a control. Invariants kept here, whoever the caller is:
 *  - an OPD role always has an existing OPD, and an active user never sits in an inactive OPD
 *    (the OPD row is locked FOR SHARE so a concurrent OPD deactivation cannot slip between);
 *  - a change of role, OPD or active status, and a password reset, revoke that user's Session
 *    rows, which ends their sessions at their next request (lib/auth/session.ts);
 *  - a password chosen by an administrator (new account, reset) must be changed by the user at
 *    the next sign-in (mustChangePassword);
 *  - an admin cannot deactivate themselves nor drop their own ADMIN role, so the system always
 *    keeps at least one active administrator (only an active admin can demote another);
 *  - every change writes its AuditEvent in the same transaction; password hashes never appear in it.
 */

export type CreateUserInput = {
  username: string;
  fullName: string;
  nip?: string;
  email?: string;
  role: Role;
  opdId?: string;
  password: string;
};

/** The full editable record: an absent `nip`, `email` or `opdId` clears it. */
export type UpdateUserInput = {
  username: string;
  fullName: string;
  nip?: string;
  email?: string;
  role: Role;
  opdId?: string;
  active: boolean;
};

const UNIQUE_RULES: readonly UniqueRule[] = [
  { column: "username", field: "username", message: "Nama pengguna sudah dipakai." },
  { column: "nip", field: "nip", message: "NIP sudah terdaftar." },
];

function assertCanManage(actor: CurrentUser): void {
  if (!can(actor, "user.manage")) {
    throw new DomainError("FORBIDDEN", "Anda tidak berwenang mengelola pengguna.");
  }
}

function invalid(fieldErrors: Record<string, string>): DomainError {
  return new DomainError("VALIDATION", Object.values(fieldErrors)[0], fieldErrors);
}

/** Length rule (the zod schema) plus the server-only checks: not a common password, not the username. */
function assertPasswordRule(password: string, username?: string): void {
  const result = newPasswordSchema.safeParse(password);
  if (!result.success) throw invalid({ password: result.error.issues[0]?.message ?? "Kata sandi tidak valid" });
  const problem = passwordPolicyProblem(password, username);
  if (problem) throw invalid({ password: problem });
}

/** The OPD the user will belong to (null for non-OPD roles), checked under a share lock. */
async function resolveOpd(tx: Tx, role: Role, opdId: string | undefined, willBeActive: boolean) {
  if (!isOpdRole(role)) {
    if (opdId) throw invalid({ opdId: `Peran ${ROLE_LABELS[role]} tidak terikat pada OPD; kosongkan pilihan OPD.` });
    return null;
  }
  if (!opdId) throw invalid({ opdId: `OPD wajib dipilih untuk peran ${ROLE_LABELS[role]}.` });
  const rows = await tx.$queryRaw<{ active: boolean }[]>`SELECT active FROM "Opd" WHERE id = ${opdId} FOR SHARE`;
  if (rows.length === 0) throw invalid({ opdId: "OPD yang dipilih tidak ditemukan." });
  if (willBeActive && !rows[0].active) {
    throw invalid({ opdId: "OPD yang dipilih sudah nonaktif; pilih OPD yang aktif." });
  }
  return opdId;
}

/** Friendly messages for taken usernames/NIPs; the unique indexes remain the real guard. */
async function assertUnique(tx: Tx, input: { username: string; nip?: string }, exceptId?: string) {
  const notSelf = exceptId ? { id: { not: exceptId } } : {};
  const fieldErrors: Record<string, string> = {};
  const sameUsername = await tx.user.findFirst({
    where: { username: { equals: input.username, mode: "insensitive" }, ...notSelf },
    select: { id: true },
  });
  if (sameUsername) fieldErrors.username = UNIQUE_RULES[0].message;
  if (input.username.toLowerCase() === SYSTEM_USERNAME) fieldErrors.username = "Nama pengguna ini dicadangkan untuk akun sistem.";
  if (input.nip) {
    const sameNip = await tx.user.findFirst({ where: { nip: input.nip, ...notSelf }, select: { id: true } });
    if (sameNip) fieldErrors.nip = UNIQUE_RULES[1].message;
  }
  if (Object.keys(fieldErrors).length > 0) throw invalid(fieldErrors);
}

export async function createUser(actor: CurrentUser, input: CreateUserInput, now = new Date()): Promise<{ id: string }> {
  assertCanManage(actor);
  assertPasswordRule(input.password, input.username);
  // Hashing is deliberately slow: do it before the transaction so no lock waits on it.
  const passwordHash = await hashPassword(input.password);
  return withUniqueMessages(UNIQUE_RULES, () =>
    getDb().$transaction(async (tx) => {
      const opdId = await resolveOpd(tx, input.role, input.opdId, true);
      await assertUnique(tx, input);
      const record = {
        username: input.username,
        fullName: input.fullName,
        nip: input.nip ?? null,
        email: input.email ?? null,
        role: input.role,
        opdId,
      };
      const user = await tx.user.create({
        data: { ...record, passwordHash, passwordChangedAt: now, mustChangePassword: true },
        select: { id: true },
      });
      await writeAudit(tx, { actorId: actor.id, action: "user.create", entity: "User", entityId: user.id, data: record });
      return user;
    }),
  );
}

export async function updateUser(
  actor: CurrentUser,
  id: string,
  input: UpdateUserInput,
  now = new Date(),
): Promise<{ changed: string[]; sessionsEnded: boolean }> {
  assertCanManage(actor);
  if (id === actor.id) {
    const selfErrors: Record<string, string> = {};
    if (!input.active) selfErrors.active = "Anda tidak dapat menonaktifkan akun Anda sendiri.";
    if (input.role !== "ADMIN") {
      selfErrors.role = "Anda tidak dapat mencabut peran Administrator Sistem dari akun Anda sendiri.";
    }
    if (Object.keys(selfErrors).length > 0) throw invalid(selfErrors);
  }
  return withUniqueMessages(UNIQUE_RULES, () =>
    getDb().$transaction(async (tx) => {
      // Row lock: two admins saving the same user serialize, so the diff below is exact.
      const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "User" WHERE id = ${id} AND NOT "isSystem" FOR UPDATE`;
      if (locked.length === 0) throw new DomainError("NOT_FOUND", "Pengguna tidak ditemukan.");
      const current = await tx.user.findUniqueOrThrow({
        where: { id },
        select: { username: true, fullName: true, nip: true, email: true, role: true, opdId: true, active: true },
      });
      const opdId = await resolveOpd(tx, input.role, input.opdId, input.active);
      await assertUnique(tx, input, id);
      const next = {
        username: input.username,
        fullName: input.fullName,
        nip: input.nip ?? null,
        email: input.email ?? null,
        role: input.role,
        opdId,
        active: input.active,
      };
      const changes = changedFields(current, next);
      const changed = Object.keys(changes);
      if (changed.length === 0) return { changed, sessionsEnded: false };
      const sessionsEnded = changed.some((f) => f === "role" || f === "opdId" || f === "active");
      await tx.user.update({ where: { id }, data: next });
      if (sessionsEnded) {
        await revokeUserSessions(tx, id, changes.active && !input.active ? "deactivated" : "role-changed", now);
      }
      await writeAudit(tx, {
        actorId: actor.id,
        action: "user.update",
        entity: "User",
        entityId: id,
        data: { changes, sessionsEnded },
      });
      return { changed, sessionsEnded };
    }),
  );
}

/**
 * Sets a password chosen by the administrator: every session of the user ends and the user must
 * choose their own password at the next sign-in.
 */
export async function resetPassword(actor: CurrentUser, id: string, newPassword: string, now = new Date()): Promise<void> {
  assertCanManage(actor);
  const target = await getDb().user.findFirst({ where: { id, isSystem: false }, select: { username: true } });
  if (!target) throw new DomainError("NOT_FOUND", "Pengguna tidak ditemukan.");
  assertPasswordRule(newPassword, target.username);
  const passwordHash = await hashPassword(newPassword);
  await getDb().$transaction(async (tx) => {
    const { count } = await tx.user.updateMany({
      where: { id, isSystem: false },
      data: {
        passwordHash,
        passwordChangedAt: now,
        mustChangePassword: true,
        failedLoginCount: 0,
        lastFailedLoginAt: null,
      },
    });
    if (count === 0) throw new DomainError("NOT_FOUND", "Pengguna tidak ditemukan.");
    const sessionsEnded = await revokeUserSessions(tx, id, "password-reset", now);
    await writeAudit(tx, {
      actorId: actor.id,
      action: "user.resetPassword",
      entity: "User",
      entityId: id,
      data: { sessionsEnded },
    });
  });
}

/**
 * Removes a user's second factor (lost phone): the TOTP secret and every recovery code go, every
 * session ends, and a user whose role requires a second factor must enrol again at sign-in.
 */
export async function resetSecondFactor(actor: CurrentUser, id: string, now = new Date()): Promise<void> {
  assertCanManage(actor);
  await getDb().$transaction(async (tx) => {
    const user = await tx.user.findFirst({ where: { id, isSystem: false }, select: { totpSecret: true } });
    if (!user) throw new DomainError("NOT_FOUND", "Pengguna tidak ditemukan.");
    await tx.user.update({
      where: { id },
      data: { totpSecret: null, totpPendingSecret: null, totpEnabledAt: null, totpLastStep: null },
    });
    const { count: recoveryCodes } = await tx.recoveryCode.deleteMany({ where: { userId: id } });
    const sessionsEnded = await revokeUserSessions(tx, id, "second-factor-reset", now);
    await writeAudit(tx, {
      actorId: actor.id,
      action: "user.resetSecondFactor",
      entity: "User",
      entityId: id,
      data: { hadSecondFactor: user.totpSecret !== null, recoveryCodesRemoved: recoveryCodes, sessionsEnded },
    });
  });
}
