import "server-only";
import type { Tx } from "@/lib/db";
import { getDb } from "@/lib/db";
import { evaluateSignIn, LOGIN_WINDOW_MS, type AttemptRow, type SignInClient, type ThrottleVerdict } from "./throttle-rule";

/*
 * Check-and-reserve, atomically. In one transaction holding advisory locks on the username and
 * (for untrusted clients) the address, the recent attempts are read, the rule decides, and — when
 * allowed — the ATTEMPT row is inserted BEFORE the caller checks the password or code. Parallel
 * requests for one account therefore serialize on the lock and each sees the others' attempts:
 * 20 simultaneous wrong guesses get at most 5 secret checks (tests/integration/login-throttle.test.ts).
 * The lock is held only for the check and the insert, never during the slow password hash.
 * LoginAttempt rows are never updated: a completed sign-in adds SUCCESS rows (recordSuccess).
 */

// Advisory lock classes (first int of the two-int form), so the keys cannot collide with other locks.
const LOCK_USERNAME = 74_241;
const LOCK_ADDRESS = 74_242;
/** Rows read per key: blocked attempts are not stored, so a window holds few rows per key. */
const MAX_ROWS = 1_000;

export type Reservation = { allowed: true; attemptId: bigint } | ({ allowed: false } & Extract<ThrottleVerdict, { blocked: true }>);

const SELECT = { id: true, kind: true, username: true, ip: true, deviceId: true, attemptId: true, createdAt: true } as const;

async function lockAndRead(tx: Tx, client: SignInClient, now: Date): Promise<{ userRows: AttemptRow[]; addressRows: AttemptRow[] }> {
  // Always username first, then address: every transaction takes them in the same order (no deadlock).
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${LOCK_USERNAME}::int, hashtext(${client.username}))`;
  if (!client.deviceId) {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${LOCK_ADDRESS}::int, hashtext(${client.ip}))`;
  }
  const window = { gt: new Date(now.getTime() - LOGIN_WINDOW_MS), lte: now };
  const order = [{ createdAt: "desc" as const }, { id: "desc" as const }];
  const userRows = await tx.loginAttempt.findMany({
    where: { username: client.username, createdAt: window },
    orderBy: order,
    take: MAX_ROWS,
    select: SELECT,
  });
  const addressRows = client.deviceId
    ? []
    : await tx.loginAttempt.findMany({
        where: { ip: client.ip, deviceId: null, createdAt: window },
        orderBy: order,
        take: MAX_ROWS,
        select: SELECT,
      });
  return { userRows, addressRows };
}

/**
 * Reserves one sign-in attempt for `client` at `now`, or refuses it. A refusal is audited in the
 * same transaction (`auth.login.throttled`); it is not stored as an attempt, so hammering a full
 * bucket does not extend the wait.
 */
export async function reserveAttempt(client: SignInClient, now: Date): Promise<Reservation> {
  return getDb().$transaction(async (tx) => {
    const { userRows, addressRows } = await lockAndRead(tx, client, now);
    const verdict = evaluateSignIn(client, userRows, addressRows, now);
    if (verdict.blocked) {
      await tx.auditEvent.create({
        data: {
          action: "auth.login.throttled",
          entity: "LoginAttempt",
          entityId: client.username,
          data: { ip: client.ip, trustedDevice: client.deviceId !== null, bucket: verdict.bucket ?? null, retryAfterMinutes: verdict.retryAfterMinutes },
          createdAt: now,
        },
      });
      return { allowed: false, ...verdict };
    }
    const row = await tx.loginAttempt.create({
      data: { username: client.username, ip: client.ip, deviceId: client.deviceId, kind: "ATTEMPT", createdAt: now },
      select: { id: true },
    });
    return { allowed: true, attemptId: row.id };
  });
}

/** Marks attempts as completed by a successful sign-in (inside the sign-in transaction). */
export async function recordSuccess(tx: Tx, client: SignInClient, attemptIds: readonly bigint[], now: Date): Promise<void> {
  await tx.loginAttempt.createMany({
    data: attemptIds.map((attemptId) => ({
      username: client.username,
      ip: client.ip,
      deviceId: client.deviceId,
      kind: "SUCCESS" as const,
      attemptId,
      createdAt: now,
    })),
  });
}
