import "server-only";
import { dictionary } from "@zxcvbn-ts/language-common";

/*
 * Password rule (OWASP ASVS 5.0 V6.2): 12 to 128 characters, any characters, NO composition rules
 * (checked by the zod schema in lib/validation/user.ts, which also runs in the browser), plus two
 * checks that run ONLY on the server: not one of the 49,233 common/breached passwords bundled with
 * @zxcvbn-ts/language-common (compared case-insensitively), and not the username. The list is
 * imported only here ("server-only"): it must never reach the browser (an e2e test scans the
 * client bundles for it).
 */
let common: Set<string> | undefined;

function commonPasswords(): Set<string> {
  common ??= new Set((dictionary["passwords-common"] as readonly (string | number)[]).map((p) => String(p).toLowerCase()));
  return common;
}

export const COMMON_PASSWORD_MESSAGE =
  "Kata sandi ini terlalu umum (termasuk dalam daftar kata sandi yang sering dipakai atau bocor). Pilih kata sandi lain.";
export const USERNAME_PASSWORD_MESSAGE = "Kata sandi tidak boleh sama dengan nama pengguna.";

/** Number of passwords in the bundled list (for tests and the README). */
export function commonPasswordCount(): number {
  return commonPasswords().size;
}

/** Null when acceptable; otherwise the Indonesian message for the password field. */
export function passwordPolicyProblem(password: string, username?: string | null): string | null {
  const lower = password.toLowerCase();
  if (username && lower.trim() === username.trim().toLowerCase()) return USERNAME_PASSWORD_MESSAGE;
  if (commonPasswords().has(lower)) return COMMON_PASSWORD_MESSAGE;
  return null;
}
