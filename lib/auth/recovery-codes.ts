import "server-only";
import { randomInt } from "node:crypto";
import { hashPassword, verifyPassword } from "./password";

/*
 * Recovery codes of the second factor: 10 codes of 10 characters from a 32-letter alphabet without
 * look-alikes (50 bits each), shown once as XXXXX-XXXXX, stored as argon2id hashes (salted, as
 * ASVS requires for look-up secrets under 112 bits), each usable once.
 */
export const RECOVERY_CODE_COUNT = 10;
const ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
const LENGTH = 10;

export function newRecoveryCode(): string {
  let code = "";
  for (let i = 0; i < LENGTH; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

/** Upper-case, without spaces and dashes; null when it cannot be a recovery code. */
export function normalizeRecoveryCode(input: string): string | null {
  const code = input.toUpperCase().replace(/[\s-]/g, "");
  if (code.length !== LENGTH || [...code].some((c) => !ALPHABET.includes(c))) return null;
  return code;
}

export function looksLikeRecoveryCode(input: string): boolean {
  return normalizeRecoveryCode(input) !== null;
}

export async function hashRecoveryCode(code: string): Promise<string> {
  const normalized = normalizeRecoveryCode(code);
  if (!normalized) throw new Error("not a recovery code");
  return hashPassword(normalized);
}

/** The id of the first unused code matching `input`, or null. */
export async function findRecoveryCode(
  input: string,
  candidates: readonly { id: string; codeHash: string }[],
): Promise<string | null> {
  const normalized = normalizeRecoveryCode(input);
  if (!normalized) return null;
  for (const c of candidates) {
    if (await verifyPassword(c.codeHash, normalized)) return c.id;
  }
  return null;
}
