import { describe, expect, it } from "vitest";
import {
  bucketFailures,
  combineVerdicts,
  evaluateSignIn,
  evaluateThrottle,
  LOGIN_LIMITS,
  type AttemptRow,
} from "@/lib/auth/throttle-rule";
import { GENERIC_LOGIN_ERROR, loginMessage } from "@/lib/auth/login-messages";

const now = new Date("2026-11-22T03:00:00Z");
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);

let nextId = 1;
function row(partial: Partial<AttemptRow> & { minutesAgo: number }): AttemptRow {
  return {
    id: nextId++,
    kind: "ATTEMPT",
    username: "kabag.ks",
    ip: "203.0.113.9",
    deviceId: null,
    attemptId: null,
    ...partial,
    createdAt: minutesAgo(partial.minutesAgo),
  };
}
const success = (attempt: AttemptRow, m = attempt.createdAt ? (now.getTime() - attempt.createdAt.getTime()) / 60_000 : 0) =>
  row({ kind: "SUCCESS", attemptId: attempt.id, username: attempt.username, ip: attempt.ip, deviceId: attempt.deviceId, minutesAgo: m });

describe("evaluateThrottle (N kegagalan dalam 15 menit)", () => {
  it("allows four failures of five", () => {
    expect(evaluateThrottle([1, 2, 3, 4].map(minutesAgo), now, 5)).toEqual({ blocked: false });
  });

  it("blocks after five rapid failures, for about 15 minutes", () => {
    expect(evaluateThrottle([0, 0, 0, 0, 0].map(minutesAgo), now, 5)).toEqual({ blocked: true, retryAfterMinutes: 15 });
  });

  it("counts only failures inside the window", () => {
    expect(evaluateThrottle([1, 2, 3, 4, 15, 20].map(minutesAgo), now, 5)).toEqual({ blocked: false });
  });

  it("unblocks when the oldest counted failure leaves the window", () => {
    expect(evaluateThrottle([1, 2, 5, 10, 14].map(minutesAgo), now, 5)).toEqual({ blocked: true, retryAfterMinutes: 1 });
  });

  it("with more failures than the limit waits for the Nth newest, not the oldest", () => {
    expect(evaluateThrottle([1, 2, 3, 4, 6, 14].map(minutesAgo), now, 5)).toEqual({ blocked: true, retryAfterMinutes: 9 });
  });
});

describe("combineVerdicts", () => {
  it("takes the longest wait", () => {
    expect(combineVerdicts({ blocked: true, retryAfterMinutes: 3 }, { blocked: true, retryAfterMinutes: 12 }, { blocked: false })).toEqual({
      blocked: true,
      retryAfterMinutes: 12,
    });
    expect(combineVerdicts({ blocked: false }, { blocked: false })).toEqual({ blocked: false });
  });
});

describe("bucketFailures", () => {
  it("an attempt completed by a SUCCESS row is not a failure", () => {
    const a = row({ minutesAgo: 3 });
    const b = row({ minutesAgo: 2 });
    expect(bucketFailures([a, b, success(b, 2)], () => true, false)).toEqual([a.createdAt]);
  });

  it("with reset, the count restarts after the bucket's newest success", () => {
    const old = [row({ minutesAgo: 9 }), row({ minutesAgo: 8 })];
    const ok = row({ minutesAgo: 5 });
    const later = row({ minutesAgo: 1 });
    const rows = [...old, ok, success(ok, 5), later];
    expect(bucketFailures(rows, () => true, true)).toEqual([later.createdAt]);
    expect(bucketFailures(rows, () => true, false)).toHaveLength(3);
  });
});

describe("evaluateSignIn: buckets", () => {
  const victim = { username: "kabag.ks", ip: "198.51.100.10", deviceId: null };

  it(`(username, address): ${LOGIN_LIMITS.userAddress} failures from one address block that address for the username`, () => {
    const rows = Array.from({ length: 5 }, (_, i) => row({ ip: "203.0.113.9", minutesAgo: i + 1 }));
    expect(evaluateSignIn({ ...victim, ip: "203.0.113.9" }, rows, rows, now)).toMatchObject({ blocked: true, bucket: "userAddress" });
    // The same username from another address is still allowed.
    expect(evaluateSignIn(victim, rows, [], now)).toEqual({ blocked: false });
  });

  it(`(username, every untrusted client): ${LOGIN_LIMITS.userUntrusted} failures from many addresses block untrusted clients`, () => {
    const rows = Array.from({ length: 20 }, (_, i) => row({ ip: `203.0.113.${i + 1}`, minutesAgo: 1 }));
    expect(evaluateSignIn(victim, rows, [], now)).toMatchObject({ blocked: true, bucket: "userUntrusted", retryAfterMinutes: 14 });
  });

  it("a trusted device is judged only by its own bucket", () => {
    const rows = Array.from({ length: 20 }, (_, i) => row({ ip: `203.0.113.${i + 1}`, minutesAgo: 1 }));
    expect(evaluateSignIn({ ...victim, deviceId: "perangkat-korban-0001" }, rows, [], now)).toEqual({ blocked: false });
    const own = Array.from({ length: 5 }, () => row({ ip: victim.ip, deviceId: "perangkat-korban-0001", minutesAgo: 1 }));
    expect(evaluateSignIn({ ...victim, deviceId: "perangkat-korban-0001" }, [...rows, ...own], [], now)).toMatchObject({
      blocked: true,
      bucket: "device",
    });
  });

  it(`(address): ${LOGIN_LIMITS.address} failures across usernames block an address; 49 do not (an office behind one NAT)`, () => {
    const rows = Array.from({ length: 49 }, (_, i) => row({ username: `pegawai${i}`, ip: "192.0.2.1", minutesAgo: 2 }));
    const client = { username: "staf.ks", ip: "192.0.2.1", deviceId: null };
    expect(evaluateSignIn(client, [], rows, now)).toEqual({ blocked: false });
    const fifty = [...rows, row({ username: "pegawai49", ip: "192.0.2.1", minutesAgo: 2 })];
    expect(evaluateSignIn(client, [], fifty, now)).toMatchObject({ blocked: true, bucket: "address" });
  });

  it("no permanent lockout: 5 guesses every 15 minutes from elsewhere never block the victim's own address", () => {
    // An attacker at 203.0.113.66 sends 5 wrong guesses at the start of every window, for a day.
    const rows: AttemptRow[] = [];
    for (let window = 0; window < 96; window++) {
      for (let i = 0; i < 5; i++) rows.push(row({ ip: "203.0.113.66", minutesAgo: window * 15 + i * 0.1 }));
    }
    expect(evaluateSignIn({ ...victim, ip: "203.0.113.66" }, rows, rows, now).blocked).toBe(true);
    expect(evaluateSignIn(victim, rows, [], now)).toEqual({ blocked: false });
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
