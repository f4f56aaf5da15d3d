import { describe, expect, it } from "vitest";
import { pendingStep, safeNextPath, secondFactorRequired } from "@/lib/auth/account-rule";
import { needsTouch, sessionState } from "@/lib/auth/session-rule";

describe("pendingStep: what a signed-in user must do first", () => {
  const base = { role: "STAF_KS" as const, mustChangePassword: false, hasSecondFactor: false, requireSecondFactorSetting: true };

  it("an administrator-set password is changed first", () => {
    expect(pendingStep({ ...base, mustChangePassword: true, role: "ADMIN" })).toBe("change-password");
  });

  it("ADMIN and KABAG_KS enrol a second factor when the setting is on", () => {
    expect(pendingStep({ ...base, role: "ADMIN" })).toBe("enrol-second-factor");
    expect(pendingStep({ ...base, role: "KABAG_KS" })).toBe("enrol-second-factor");
    expect(pendingStep({ ...base, role: "KABAG_KS", hasSecondFactor: true })).toBeNull();
    expect(pendingStep({ ...base, role: "KABAG_KS", requireSecondFactorSetting: false })).toBeNull();
  });

  it("other roles are never forced to enrol", () => {
    for (const role of ["OPERATOR_OPD", "KEPALA_OPD", "STAF_KS", "TKKSD", "PIMPINAN"] as const) {
      expect(secondFactorRequired(role, true)).toBe(false);
      expect(pendingStep({ ...base, role })).toBeNull();
    }
  });
});

describe("safeNextPath: only a same-origin path after sign-in", () => {
  it.each([
    ["/usulan?q=air&page=2", "/usulan?q=air&page=2"],
    ["/usulan/abc#dokumen", "/usulan/abc#dokumen"],
    ["/admin/pengguna", "/admin/pengguna"],
  ])("%s → %s", (input, expected) => {
    expect(safeNextPath(input)).toBe(expected);
  });

  it.each([
    "//evil.example/x",
    "/\\evil.example",
    "\\\\evil.example",
    "https://evil.example/",
    "javascript:alert(1)",
    "evil.example",
    "/%0d%0aSet-Cookie:x",
    "/\u0000",
    "/login",
    "/login?next=/x",
    "/api/auth/signout",
    "",
    undefined,
    42,
  ])("refuses %j", (input) => {
    expect(safeNextPath(input)).toBe("/beranda");
  });

  it("percent-encoded control characters stay encoded (harmless as a path)", () => {
    expect(safeNextPath("/usulan?q=%00")).toBe("/usulan?q=%00");
  });
});

describe("session rules: 8-hour lifetime, idle timeout, touch once a minute", () => {
  const t0 = new Date("2026-11-22T01:00:00Z");
  const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
  const s = { createdAt: t0, lastSeenAt: t0, expiresAt: at(8 * 60), revokedAt: null };

  it("active while used within the idle timeout", () => {
    expect(sessionState(s, at(29), 30)).toBe("active");
    expect(sessionState({ ...s, lastSeenAt: at(400) }, at(420), 30)).toBe("active");
  });

  it("ends after the idle timeout, after 8 hours however active, and when revoked", () => {
    expect(sessionState(s, at(30), 30)).toBe("idle");
    expect(sessionState({ ...s, lastSeenAt: at(479) }, at(480), 30)).toBe("expired");
    expect(sessionState({ ...s, revokedAt: at(1) }, at(2), 30)).toBe("revoked");
  });

  it("lastSeenAt is written at most once a minute", () => {
    expect(needsTouch(s, new Date(t0.getTime() + 59_000))).toBe(false);
    expect(needsTouch(s, at(1))).toBe(true);
  });
});
