import "server-only";
import { cache } from "react";
import { cookies, headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import type { Settings } from "@/lib/settings/defaults";
import { loadSettings } from "@/lib/settings/load";
import { getSettings } from "@/lib/settings/service";
import { PENDING_STEP_PATH, pendingStep, SECOND_FACTOR_ROLES, secondFactorRequired, safeNextPath, type PendingStep } from "./account-rule";
import { can, type Action } from "./policy";
import type { Role } from "./roles";
import { needsTouch, sessionState } from "./session-rule";
import { sessionIdFromCookies } from "./session-token";
import { touchSession } from "./sessions";

export type CurrentUser = {
  id: string;
  username: string;
  fullName: string;
  role: Role;
  opdId: string | null;
  opdName: string | null;
};

/** A valid session and its user, including what the user must do first (`pending`). */
export type SessionInfo = {
  user: CurrentUser;
  sessionId: string;
  pending: PendingStep | null;
  mustChangePassword: boolean;
  hasSecondFactor: boolean;
  secondFactorRequired: boolean;
};

type SessionRow = {
  createdAt: Date; lastSeenAt: Date; expiresAt: Date; revokedAt: Date | null;
  id: string; username: string; fullName: string; role: Role; opdId: string | null; active: boolean;
  mustChangePassword: boolean; hasSecondFactor: boolean; opdName: string | null;
};

/** Request header set by proxy.ts: the page's path and query, for /login?next=… */
export const REQUEST_PATH_HEADER = "x-sikerda-path";

/**
 * The session `sid` at `now`, re-read from the database: null unless the Session row exists, is
 * not revoked, is within its 8-hour lifetime and idle timeout, and its user is active. Moves
 * lastSeenAt forward at most once a minute. Plain function (no request cache) for tests.
 */
export async function loadSession(
  sid: string,
  now: Date,
  idleMinutes: number = env.auth().SESSION_IDLE_MINUTES,
  loadSecurity: () => Promise<Settings["security"]> = async () => (await loadSettings(getDb())).security,
): Promise<SessionInfo | null> {
  // One statement, written out: read on every request, and the ORM's nested select costs ~4× the
  // CPU of the query itself (npm run bench:pages, README).
  const rows = await getDb().$queryRaw<SessionRow[]>`
    SELECT s."createdAt", s."lastSeenAt", s."expiresAt", s."revokedAt",
           u.id, u.username, u."fullName", u.role::text AS role, u."opdId", u.active, u."mustChangePassword",
           (u."totpSecret" IS NOT NULL) AS "hasSecondFactor", o.name AS "opdName"
      FROM "Session" s
      JOIN "User" u ON u.id = s."userId"
      LEFT JOIN "Opd" o ON o.id = u."opdId"
     WHERE s.id = ${sid}`;
  const row = rows[0];
  if (!row || !row.active || sessionState(row, now, idleMinutes) !== "active") return null;
  if (needsTouch(row, now)) await touchSession(sid, now);
  const u = row;
  const { hasSecondFactor } = u;
  // The setting is read only for the roles it concerns.
  const settingOn = (SECOND_FACTOR_ROLES as readonly Role[]).includes(u.role) && (await loadSecurity()).requireSecondFactor;
  return {
    user: { id: u.id, username: u.username, fullName: u.fullName, role: u.role, opdId: u.opdId, opdName: u.opdName },
    sessionId: sid,
    pending: pendingStep({ role: u.role, mustChangePassword: u.mustChangePassword, hasSecondFactor, requireSecondFactorSetting: settingOn }),
    mustChangePassword: u.mustChangePassword,
    hasSecondFactor,
    secondFactorRequired: secondFactorRequired(u.role, settingOn),
  };
}

/** The current request's session, once per request. */
export const getSession = cache(async (): Promise<SessionInfo | null> => {
  const now = new Date();
  const sid = await sessionIdFromCookies(await cookies(), env.auth().AUTH_SECRET, now);
  if (!sid) return null;
  // The settings are read through the request's cache (the layout reads them too).
  return loadSession(sid, now, undefined, async () => (await getSettings()).security);
});

/**
 * The signed-in user, re-read from the database on every request, or null — also null while the
 * user still has a pending step (password change, second-factor enrolment): route handlers and
 * services treat such a user as not signed in.
 */
export async function getCurrentUser(): Promise<CurrentUser | null> {
  const session = await getSession();
  return session && !session.pending ? session.user : null;
}

/** /login?next=<the page being requested>, when proxy.ts told us the page. */
async function loginPath(): Promise<string> {
  const requested = (await headers()).get(REQUEST_PATH_HEADER);
  const next = requested ? safeNextPath(requested, "") : "";
  return next && next !== "/beranda" ? `/login?next=${encodeURIComponent(next)}` : "/login";
}

/**
 * For pages and server actions: the user, or a redirect to the login page; a user with a pending
 * step is sent to it (so a server action does no other work until then).
 */
export async function requireUser(): Promise<CurrentUser> {
  const session = await getSession();
  if (!session) redirect(await loginPath());
  if (session.pending) redirect(PENDING_STEP_PATH[session.pending]);
  return session.user;
}

/** For the account pages and their actions (/akun): the session even with a pending step. */
export async function requireAccount(): Promise<SessionInfo> {
  const session = await getSession();
  if (!session) redirect(await loginPath());
  return session;
}

/** The user when allowed to perform `action` (no record context), else the 403 page. */
export async function requirePermission(action: Action): Promise<CurrentUser> {
  const user = await requireUser();
  if (!can(user, action)) forbidden();
  return user;
}
