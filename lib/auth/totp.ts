import "server-only";
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { generateSecret, generateURI, verify } from "otplib";
import { derivedKey } from "./keys";

/*
 * TOTP second factor (RFC 6238) as authenticator apps implement it: SHA-1, 6 digits, 30-second
 * steps. A code is accepted within ±1 step of the server clock, and each time step at most once
 * per user (User.totpLastStep, moved forward with a conditional UPDATE — lib/account/second-factor.ts).
 * Secrets are stored encrypted (AES-256-GCM, key derived from AUTH_SECRET).
 */
export const TOTP_ISSUER = "SIKERDA";
const PERIOD_S = 30;
/** ±30 s: one step either side, for clock drift and typing time. */
const TOLERANCE_S = 30;

export function newTotpSecret(): string {
  return generateSecret({ length: 20 });
}

export function totpUri(secret: string, username: string, issuer = TOTP_ISSUER): string {
  return generateURI({ issuer, label: username, secret, algorithm: "sha1", digits: 6, period: PERIOD_S });
}

/** Time step of `now` (what a code generated now belongs to). */
export function timeStepAt(now: Date): number {
  return Math.floor(now.getTime() / 1000 / PERIOD_S);
}

/**
 * The time step a 6-digit `code` belongs to, if valid at `now` and newer than `afterStep`;
 * null otherwise. The caller must still claim the step atomically (replay protection).
 */
export async function matchTotp(secret: string, code: string, now: Date, afterStep: number | null): Promise<number | null> {
  if (!/^\d{6}$/.test(code)) return null;
  const epoch = Math.floor(now.getTime() / 1000);
  try {
    const result = await verify({
      secret,
      token: code,
      epoch,
      epochTolerance: TOLERANCE_S,
      ...(afterStep !== null && afterStep >= 0 && afterStep <= timeStepAt(now) + 1 ? { afterTimeStep: afterStep } : {}),
    });
    if (!result.valid || !("timeStep" in result) || typeof result.timeStep !== "number") return null;
    if (afterStep !== null && result.timeStep <= afterStep) return null;
    return result.timeStep;
  } catch {
    return null;
  }
}

// ── storage of the secret ────────────────────────────────────────────────────────────────────

export function encryptSecret(secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", derivedKey("totp-encryption"), iv);
  const data = Buffer.concat([cipher.update(secret, "utf8"), cipher.final()]);
  return `v1.${iv.toString("base64url")}.${data.toString("base64url")}.${cipher.getAuthTag().toString("base64url")}`;
}

/** The secret, or null when it cannot be read (tampered, or AUTH_SECRET changed). */
export function decryptSecret(stored: string | null): string | null {
  if (!stored) return null;
  const [version, iv, data, tag] = stored.split(".");
  if (version !== "v1" || !iv || !data || !tag) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", derivedKey("totp-encryption"), Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}
