import { beforeAll, describe, expect, it } from "vitest";
import { generate } from "otplib";

// Services that sign or encrypt derive their keys from AUTH_SECRET (lib/auth/keys.ts).
beforeAll(() => {
  process.env.AUTH_SECRET ??= "unit-test-secret-0123456789abcdef0123456789";
});

describe("password policy (server only)", async () => {
  const { commonPasswordCount, passwordPolicyProblem, COMMON_PASSWORD_MESSAGE, USERNAME_PASSWORD_MESSAGE } = await import(
    "@/lib/auth/password-policy"
  );

  it("bundles tens of thousands of common passwords", () => {
    expect(commonPasswordCount()).toBeGreaterThan(10_000);
  });

  it("refuses a common or breached password, case-insensitively", () => {
    expect(passwordPolicyProblem("password1234")).toBe(COMMON_PASSWORD_MESSAGE);
    expect(passwordPolicyProblem("PassWord1234")).toBe(COMMON_PASSWORD_MESSAGE);
    expect(passwordPolicyProblem("qwertyuiop12")).toBe(COMMON_PASSWORD_MESSAGE);
    expect(passwordPolicyProblem("123456789012")).toBe(COMMON_PASSWORD_MESSAGE);
  });

  it("refuses the username as password", () => {
    expect(passwordPolicyProblem("budi.santoso.k", "budi.santoso.k")).toBe(USERNAME_PASSWORD_MESSAGE);
    expect(passwordPolicyProblem("Budi.Santoso.K", "budi.santoso.k")).toBe(USERNAME_PASSWORD_MESSAGE);
  });

  it("accepts a passphrase and the demo password", () => {
    expect(passwordPolicyProblem("kuda makan rumput di sawah", "budi")).toBeNull();
    expect(passwordPolicyProblem("Sikerda#2026", "admin")).toBeNull();
  });
});

describe("signed tokens and device cookies", async () => {
  const { signToken, verifyToken } = await import("@/lib/auth/tokens");
  const { issueDeviceCookie, trustedDeviceId } = await import("@/lib/auth/device");
  const now = new Date("2026-11-22T03:00:00Z");
  const later = (ms: number) => new Date(now.getTime() + ms);

  it("a token is accepted before it expires, only for its purpose, and not when altered", () => {
    const token = signToken("challenge", { u: "kabag.ks" }, later(60_000));
    expect(verifyToken("challenge", token, now)).toMatchObject({ u: "kabag.ks" });
    expect(verifyToken("challenge", token, later(60_000))).toBeNull();
    expect(verifyToken("device", token, now)).toBeNull();
    const [body, sig] = token.split(".");
    const forged = `${Buffer.from(JSON.stringify({ u: "admin", exp: later(60_000).getTime() })).toString("base64url")}.${sig}`;
    expect(verifyToken("challenge", forged, now)).toBeNull();
    expect(verifyToken("challenge", `${body}.`, now)).toBeNull();
  });

  it("a device cookie trusts one browser for one username only, and keeps its id when renewed", () => {
    const cookie = issueDeviceCookie("kabag.ks", null, now);
    const id = trustedDeviceId(cookie, "kabag.ks", now);
    expect(id).toMatch(/^[A-Za-z0-9_-]{16,}$/);
    expect(trustedDeviceId(cookie, "admin", now)).toBeNull();
    expect(trustedDeviceId(cookie, "kabag.ks", later(181 * 86_400_000))).toBeNull();
    expect(trustedDeviceId(issueDeviceCookie("kabag.ks", cookie, later(1000)), "kabag.ks", now)).toBe(id);
    expect(trustedDeviceId(issueDeviceCookie("admin", cookie, now), "admin", now)).not.toBe(id);
  });
});

describe("TOTP (SHA-1, 6 digits, 30 s) and recovery codes", async () => {
  const { decryptSecret, encryptSecret, matchTotp, newTotpSecret, timeStepAt, totpUri } = await import("@/lib/auth/totp");
  const { findRecoveryCode, hashRecoveryCode, newRecoveryCode, normalizeRecoveryCode } = await import("@/lib/auth/recovery-codes");
  const now = new Date("2026-11-22T03:00:10Z");
  const epoch = Math.floor(now.getTime() / 1000);

  it("accepts the current code and one step either side, not two", async () => {
    const secret = newTotpSecret();
    const code = (offset: number) => generate({ secret, epoch: epoch + offset });
    expect(await matchTotp(secret, await code(0), now, null)).toBe(timeStepAt(now));
    expect(await matchTotp(secret, await code(-30), now, null)).toBe(timeStepAt(now) - 1);
    expect(await matchTotp(secret, await code(30), now, null)).toBe(timeStepAt(now) + 1);
    expect(await matchTotp(secret, await code(-90), now, null)).toBeNull();
    expect(await matchTotp(secret, "12345", now, null)).toBeNull();
  });

  it("refuses a time step at or before the last accepted one (replay)", async () => {
    const secret = newTotpSecret();
    const current = await generate({ secret, epoch });
    expect(await matchTotp(secret, current, now, timeStepAt(now))).toBeNull();
    expect(await matchTotp(secret, current, now, timeStepAt(now) - 1)).toBe(timeStepAt(now));
  });

  it("the provisioning URI is what authenticator apps expect", () => {
    const uri = totpUri("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP", "kabag.ks");
    expect(uri).toMatch(/^otpauth:\/\/totp\/SIKERDA:kabag\.ks\?/);
    expect(uri).toContain("issuer=SIKERDA");
    // SHA-1, 6 digits and 30 s are the Key URI defaults: apps assume them when absent.
    expect(uri).not.toMatch(/algorithm=(?!SHA1)|digits=(?!6)|period=(?!30)/);
  });

  it("the stored secret is encrypted and tamper-evident", () => {
    const secret = newTotpSecret();
    const stored = encryptSecret(secret);
    expect(stored).not.toContain(secret);
    expect(decryptSecret(stored)).toBe(secret);
    expect(decryptSecret(stored.slice(0, -2) + "AA")).toBeNull();
  });

  it("recovery codes: 10 characters without look-alikes, typed in any case with or without the dash", async () => {
    const code = newRecoveryCode();
    expect(code).toMatch(/^[A-HJ-NP-Z2-9]{5}-[A-HJ-NP-Z2-9]{5}$/);
    expect(normalizeRecoveryCode(code.toLowerCase().replace("-", " "))).toBe(code.replace("-", ""));
    expect(normalizeRecoveryCode("123456")).toBeNull();
    const hash = await hashRecoveryCode(code);
    expect(hash).toMatch(/^\$argon2id\$/);
    expect(await findRecoveryCode(code.toLowerCase(), [{ id: "a", codeHash: hash }])).toBe("a");
    expect(await findRecoveryCode(newRecoveryCode(), [{ id: "a", codeHash: hash }])).toBeNull();
  });
});
