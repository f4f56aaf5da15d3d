import { describe, expect, it } from "vitest";
import { combineVerdicts, evaluateThrottle } from "@/lib/auth/throttle-rule";
import { GENERIC_LOGIN_ERROR, loginMessage } from "@/lib/auth/login-messages";

const now = new Date("2026-11-22T03:00:00Z");
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);

describe("evaluateThrottle (5 kegagalan dalam 15 menit)", () => {
  it("allows four failures", () => {
    expect(evaluateThrottle([1, 2, 3, 4].map(minutesAgo), now)).toEqual({ blocked: false });
  });

  it("blocks the sixth attempt after five rapid failures, for about 15 minutes", () => {
    const v = evaluateThrottle([0, 0, 0, 0, 0].map(minutesAgo), now);
    expect(v).toEqual({ blocked: true, retryAfterMinutes: 15 });
  });

  it("counts only failures inside the window", () => {
    expect(evaluateThrottle([1, 2, 3, 4, 15, 20].map(minutesAgo), now)).toEqual({ blocked: false });
  });

  it("unblocks when the oldest counted failure leaves the window", () => {
    // Failures 14, 10, 5, 2, 1 minutes ago: the 14-minute one leaves in 1 minute.
    const v = evaluateThrottle([1, 2, 5, 10, 14].map(minutesAgo), now);
    expect(v).toEqual({ blocked: true, retryAfterMinutes: 1 });
  });

  it("with more than five failures waits for the fifth newest, not the oldest", () => {
    const v = evaluateThrottle([1, 2, 3, 4, 6, 14].map(minutesAgo), now);
    expect(v).toEqual({ blocked: true, retryAfterMinutes: 9 });
  });
});

describe("combineVerdicts", () => {
  it("takes the longer wait of username and address", () => {
    expect(combineVerdicts({ blocked: true, retryAfterMinutes: 3 }, { blocked: true, retryAfterMinutes: 12 })).toEqual({
      blocked: true,
      retryAfterMinutes: 12,
    });
    expect(combineVerdicts({ blocked: false }, { blocked: true, retryAfterMinutes: 4 })).toEqual({
      blocked: true,
      retryAfterMinutes: 4,
    });
    expect(combineVerdicts({ blocked: false }, { blocked: false })).toEqual({ blocked: false });
  });
});

describe("loginMessage", () => {
  it("never tells whether the account exists", () => {
    expect(loginMessage("invalid")).toBe(GENERIC_LOGIN_ERROR);
    expect(loginMessage(undefined)).toBe(GENERIC_LOGIN_ERROR);
    expect(loginMessage("something-else")).toBe(GENERIC_LOGIN_ERROR);
  });
  it("states the wait in minutes", () => {
    expect(loginMessage("throttled:7")).toBe("Terlalu banyak percobaan masuk yang gagal. Silakan coba lagi dalam 7 menit.");
  });
});

describe("clientIpFrom (address used for per-address throttling)", async () => {
  const { clientIpFrom } = await import("@/lib/auth/throttle");
  const h = (xff?: string) => new Headers(xff ? { "x-forwarded-for": xff } : {});

  it("uses the rightmost entry: the address our own proxy (or Next.js) saw", () => {
    expect(clientIpFrom(h("198.51.100.7"))).toBe("198.51.100.7");
    // A client-forged entry on the left is ignored.
    expect(clientIpFrom(h("1.2.3.4, 198.51.100.7"))).toBe("198.51.100.7");
  });

  it("falls back to a shared bucket when no address is known", () => {
    expect(clientIpFrom(h())).toBe("unknown");
  });
});
