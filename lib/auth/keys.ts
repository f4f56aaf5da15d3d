import "server-only";
import { createHmac, hkdfSync } from "node:crypto";
import { env } from "@/lib/env";

/*
 * Keys derived from AUTH_SECRET, one per purpose (HKDF-SHA256), so a value signed for one purpose
 * (a device cookie) can never be replayed as another (a sign-in challenge). Rotating AUTH_SECRET
 * ends every session, device cookie and pending challenge, and makes enrolled TOTP secrets
 * unreadable (they are encrypted with a derived key): users then re-enrol (README).
 */
export type KeyPurpose = "challenge" | "device" | "totp-encryption" | "archive-upload";

const cache = new Map<string, Buffer>();

export function derivedKey(purpose: KeyPurpose, secret = env.auth().AUTH_SECRET): Buffer {
  const id = `${purpose}\u0000${secret}`;
  let key = cache.get(id);
  if (!key) {
    key = Buffer.from(hkdfSync("sha256", secret, "sikerda", `sikerda:${purpose}`, 32));
    cache.set(id, key);
  }
  return key;
}

export function hmac(purpose: KeyPurpose, data: string): Buffer {
  return createHmac("sha256", derivedKey(purpose)).update(data).digest();
}
