import "server-only";
import { cache } from "react";
import { forbidden, redirect } from "next/navigation";
import { getDb } from "@/lib/db";
import type { Role } from "./roles";
import { can, type Action } from "./policy";
import { auth, SESSION_MAX_AGE_S } from "./auth";

export type CurrentUser = {
  id: string;
  username: string;
  fullName: string;
  role: Role;
  opdId: string | null;
  opdName: string | null;
};

/**
 * The signed-in user, re-read from the database on every request: a deactivated account,
 * a bumped session version (role/OPD change, password reset) or an expired sign-in ends the session.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await auth();
  if (!session?.uid || typeof session.sv !== "number") return null;
  if (typeof session.iat0 === "number" && Date.now() / 1000 - session.iat0 > SESSION_MAX_AGE_S) return null;
  const user = await getDb().user.findUnique({
    where: { id: session.uid },
    select: {
      id: true, username: true, fullName: true, role: true, opdId: true, active: true, sessionVersion: true,
      opd: { select: { name: true } },
    },
  });
  if (!user || !user.active || user.sessionVersion !== session.sv) return null;
  return {
    id: user.id,
    username: user.username,
    fullName: user.fullName,
    role: user.role,
    opdId: user.opdId,
    opdName: user.opd?.name ?? null,
  };
});

/** For pages and server actions: the user, or a redirect to the login page. */
export async function requireUser(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/login");
  return user;
}

/** The user when allowed to perform `action` (no record context), else the 403 page. */
export async function requirePermission(action: Action): Promise<CurrentUser> {
  const user = await requireUser();
  if (!can(user, action)) forbidden();
  return user;
}
