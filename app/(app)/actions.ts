"use server";

import { auth, signOut } from "@/lib/auth/auth";
import { getDb } from "@/lib/db";

/** Sign out. Anyone may end their own session; the act is recorded when a session exists. */
export async function logoutAction(): Promise<void> {
  const session = await auth();
  if (session?.uid) {
    await getDb().auditEvent.create({
      data: { actorId: session.uid, action: "auth.logout", entity: "User", entityId: session.uid },
    });
  }
  await signOut({ redirectTo: "/login" });
}
