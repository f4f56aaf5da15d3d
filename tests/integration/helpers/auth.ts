import { getDb } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";
import type { SignInContext } from "@/lib/auth/sign-in";
import type { Role } from "@/lib/auth/roles";

/** A password good enough for the policy, hashed once per file (argon2 is deliberately slow). */
export const PASSWORD = "Kerja-Sama-Daerah-2026";
let hashed: Promise<string> | undefined;
export const passwordHash = () => (hashed ??= hashPassword(PASSWORD));

export async function createUser(
  id: string,
  username: string,
  role: Role = "KABAG_KS",
  extra: { opdId?: string; mustChangePassword?: boolean } = {},
): Promise<void> {
  await getDb().user.create({
    data: { id, username, fullName: `Pengguna ${username}`, role, passwordHash: await passwordHash(), ...extra },
  });
}

/** A request's context at a fixed time: the address (as scripts/server.mjs would set it) and cookies. */
export function ctx(now: Date, ip: string, deviceToken: string | null = null): SignInContext {
  return { now, ip, deviceToken, userAgent: "Mozilla/5.0 (X11; Linux x86_64) Chrome/140 uji-integrasi" };
}

export const at = (base: Date, minutes: number) => new Date(base.getTime() + minutes * 60_000);
