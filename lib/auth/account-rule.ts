import type { Role } from "./roles";

/*
 * What a signed-in user must do before anything else (pure, unit-tested):
 *   1. choose their own password when an administrator set it (new account, reset);
 *   2. enrol a second factor when their role requires one and the `security.requireSecondFactor`
 *      setting is on.
 * requireUser() sends such a user to the page for that step; server actions refuse other work.
 */
export const SECOND_FACTOR_ROLES = ["ADMIN", "KABAG_KS"] as const satisfies readonly Role[];

export type PendingStep = "change-password" | "enrol-second-factor";

export const PENDING_STEP_PATH: Readonly<Record<PendingStep, string>> = {
  "change-password": "/akun/kata-sandi",
  "enrol-second-factor": "/akun/verifikasi-dua-langkah",
};

export function secondFactorRequired(role: Role, settingOn: boolean): boolean {
  return settingOn && (SECOND_FACTOR_ROLES as readonly Role[]).includes(role);
}

export function pendingStep(user: {
  role: Role;
  mustChangePassword: boolean;
  hasSecondFactor: boolean;
  requireSecondFactorSetting: boolean;
}): PendingStep | null {
  if (user.mustChangePassword) return "change-password";
  if (!user.hasSecondFactor && secondFactorRequired(user.role, user.requireSecondFactorSetting)) return "enrol-second-factor";
  return null;
}

/**
 * Where to go after signing in: only a same-origin path (`/…`), never `//host`, `/\host`, a scheme
 * or anything with control characters; otherwise the home page.
 */
export function safeNextPath(raw: unknown, fallback = "/beranda"): string {
  if (typeof raw !== "string" || raw.length === 0 || raw.length > 2000) return fallback;
  if (!raw.startsWith("/") || raw.startsWith("//") || raw.includes("\\")) return fallback;
  if (/[\u0000-\u001f\u007f]/.test(raw)) return fallback;
  let url: URL;
  try {
    url = new URL(raw, "http://sikerda.invalid");
  } catch {
    return fallback;
  }
  if (url.origin !== "http://sikerda.invalid") return fallback;
  let decodedPath: string;
  try {
    decodedPath = decodeURIComponent(url.pathname);
  } catch {
    return fallback;
  }
  if (/[\u0000-\u001f\u007f\\]/.test(decodedPath) || decodedPath.startsWith("//")) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  if (path === "/login" || path.startsWith("/login?") || path.startsWith("/api/")) return fallback;
  return path;
}
