// The matrix's callers (its columns) with real sessions: each demo user signs in once through the
// login page's server action; "anon" carries a forged session cookie.
import { runFixtures } from "../../support/fixture-client";
import { DEMO_PASSWORD } from "../../support/fixtures/plan";
import type { CallerColumn } from "../matrix";
import { one } from "./db";
import { anonymousSession, serverActions, signIn, type ServerAction, type Session } from "./http";

export const USER_OF_COLUMN: Record<CallerColumn, string | null> = {
  anon: null,
  OP: "operator.dinkes",
  "OP'": "operator.dispar",
  KO: "kepala.dinkes",
  "KO'": "kepala.dispar",
  STAF: "staf.ks",
  KABAG: "kabag.ks",
  TKKSD: "tkksd",
  PIMP: "pimpinan",
  ADMIN: "admin",
};

export type Caller = {
  column: CallerColumn;
  username: string | null;
  userId: string | null;
  opdId: string | null;
  session: Session;
};

export function actionNamed(name: string): ServerAction {
  const found = serverActions().filter((a) => a.name === name || `${a.file}#${a.name}` === name);
  if (found.length !== 1) throw new Error(`server action ${name}: ${found.length} in the build manifest`);
  return found[0];
}

export const loginActions = () => ({ password: actionNamed("passwordLoginAction"), code: actionNamed("codeLoginAction") });

/**
 * A new session of `username` (used where a call may end or alter the session, e.g. sign-out);
 * `code` answers the second step when the account has a second factor.
 */
export function freshSession(username: string, code?: string): Promise<Session> {
  return signIn(username, DEMO_PASSWORD, loginActions(), code);
}

/** Every caller of the matrix, signed in (missing demo users of another OPD are created first). */
export async function signInCallers(): Promise<Map<CallerColumn, Caller>> {
  const usernames = Object.values(USER_OF_COLUMN).filter((u): u is string => u !== null);
  await runFixtures([{ op: "ensureUsers", key: "users", usernames }]);
  const callers = new Map<CallerColumn, Caller>();
  for (const [column, username] of Object.entries(USER_OF_COLUMN) as [CallerColumn, string | null][]) {
    if (!username) {
      callers.set(column, { column, username, userId: null, opdId: null, session: await anonymousSession() });
      continue;
    }
    const user = await one<{ id: string; opdId: string | null }>(`SELECT id, "opdId" FROM "User" WHERE username = $1`, [username]);
    callers.set(column, { column, username, userId: user?.id ?? null, opdId: user?.opdId ?? null, session: await freshSession(username) });
  }
  return callers;
}
