import "server-only";
import type { Tx } from "@/lib/db";
import type { CurrentUser } from "@/lib/auth/session";

/*
 * The system's own account: the actor a scheduled job records in the history ("Sistem SIKERDA
 * (otomatis)"), so every stage change still names who made it. It can never sign in (inactive, no
 * usable password hash, isSystem — lib/auth refuses it), is hidden from and locked against the
 * user administration, and its username is reserved. Its role is the one the table requires for the
 * events it records (the calendar's "berakhir" is a Kabag KS row); nothing else runs as it.
 */
export const SYSTEM_USER_ID = "sistem";
export const SYSTEM_USERNAME = "sistem";

export async function ensureSystemUser(tx: Tx): Promise<CurrentUser> {
  const user = await tx.user.upsert({
    where: { id: SYSTEM_USER_ID },
    update: { active: false, isSystem: true, role: "KABAG_KS", opdId: null },
    create: {
      id: SYSTEM_USER_ID, username: SYSTEM_USERNAME, fullName: "Sistem SIKERDA (otomatis)", role: "KABAG_KS",
      active: false, isSystem: true, passwordHash: "!", mustChangePassword: false,
    },
    select: { id: true, username: true, fullName: true, role: true },
  });
  return { ...user, opdId: null, opdName: null };
}
