"use server";

import { signOut } from "@/lib/auth/auth";
import { endSession } from "@/lib/auth/sign-out";
import { getSession } from "@/lib/auth/session";

/**
 * Sign out: the Session row is revoked on the server first (a copied cookie is then worthless),
 * then the cookie is cleared. Anyone may end their own session — also with a pending step.
 */
export async function logoutAction(): Promise<void> {
  const session = await getSession();
  if (session) await endSession(session.user.id, session.sessionId, new Date());
  await signOut({ redirectTo: "/login" });
}
