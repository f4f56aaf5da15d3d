import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { verifyPassword } from "@/lib/auth/password";
import { issueDeviceCookie } from "@/lib/auth/device";
import { signInWithPassword, type SignInOutcome } from "@/lib/auth/sign-in";
import { at, createUser, ctx, PASSWORD } from "./helpers/auth";
import { resetDatabase, testPool } from "./helpers/db";

// Sign-in throttling on real PostgreSQL (lib/auth/throttle.ts + throttle-rule.ts), through the
// real sign-in service. The clock is passed in: no test depends on today's date.

const T0 = new Date("2026-11-22T01:00:00Z");
const VICTIM_IP = "198.51.100.10";
const ATTACKER_IP = "203.0.113.66";

const wrong = (n: number) => `tebakan-salah-${n}-xyz`;
const kinds = (outcomes: SignInOutcome[]) => outcomes.map((o) => o.kind);

beforeEach(async () => {
  await resetDatabase();
  await createUser("u-kabag", "kabag.ks");
});

describe("atomic check-and-reserve", () => {
  it("20 parallel wrong guesses on one account get at most 5 password checks", async () => {
    let checks = 0;
    let concurrent = 0;
    let maxConcurrent = 0;
    const countingVerify = async (hash: string, password: string) => {
      checks += 1;
      concurrent += 1;
      maxConcurrent = Math.max(maxConcurrent, concurrent);
      try {
        return await verifyPassword(hash, password);
      } finally {
        concurrent -= 1;
      }
    };
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        signInWithPassword({ username: "kabag.ks", password: wrong(i) }, ctx(T0, ATTACKER_IP), { verifyPassword: countingVerify }),
      ),
    );
    expect(checks).toBeLessThanOrEqual(5);
    expect(checks).toBe(5);
    expect(kinds(outcomes).filter((k) => k === "invalid")).toHaveLength(5);
    expect(kinds(outcomes).filter((k) => k === "throttled")).toHaveLength(15);
    // Every allowed attempt was recorded before its check; every refusal was audited.
    const { rows } = await testPool().query(
      `SELECT (SELECT count(*)::int FROM "LoginAttempt" WHERE kind = 'ATTEMPT') AS attempts,
              (SELECT count(*)::int FROM "AuditEvent" WHERE action = 'auth.login.throttled') AS throttled`,
    );
    expect(rows[0]).toEqual({ attempts: 5, throttled: 15 });
    console.info(`20 parallel wrong guesses: ${checks} password checks (at most ${maxConcurrent} at once)`);
  });

  it("the right password on the sixth attempt is refused without being checked", async () => {
    for (let i = 0; i < 5; i++) {
      expect((await signInWithPassword({ username: "kabag.ks", password: wrong(i) }, ctx(at(T0, i), VICTIM_IP))).kind).toBe("invalid");
    }
    let checked = false;
    const outcome = await signInWithPassword({ username: "kabag.ks", password: PASSWORD }, ctx(at(T0, 5), VICTIM_IP), {
      verifyPassword: async () => ((checked = true), true),
    });
    expect(outcome).toEqual({ kind: "throttled", retryAfterMinutes: 10 });
    expect(checked).toBe(false);
    // 15 minutes after the first failure it is allowed again.
    expect((await signInWithPassword({ username: "kabag.ks", password: PASSWORD }, ctx(at(T0, 15), VICTIM_IP))).kind).toBe("signed-in");
  });

  it("a success clears the (username, address) count; attempts are only ever inserted", async () => {
    for (let i = 0; i < 4; i++) await signInWithPassword({ username: "kabag.ks", password: wrong(i) }, ctx(at(T0, i), VICTIM_IP));
    expect((await signInWithPassword({ username: "kabag.ks", password: PASSWORD }, ctx(at(T0, 4), VICTIM_IP))).kind).toBe("signed-in");
    for (let i = 0; i < 4; i++) {
      expect((await signInWithPassword({ username: "kabag.ks", password: wrong(i) }, ctx(at(T0, 5 + i), VICTIM_IP))).kind).toBe("invalid");
    }
    const { rows } = await testPool().query(`SELECT kind, count(*)::int AS n FROM "LoginAttempt" GROUP BY kind ORDER BY kind`);
    expect(rows).toEqual([{ kind: "ATTEMPT", n: 9 }, { kind: "SUCCESS", n: 1 }]);
  });
});

describe("no permanent lockout (device cookies), guessing stays bounded", () => {
  it("an attacker sending 5 wrong guesses every 15 minutes never locks the victim out", async () => {
    // The victim signed in from this browser before: it holds a device cookie for kabag.ks.
    const deviceCookie = issueDeviceCookie("kabag.ks", null, at(T0, -60));
    for (let window = 0; window < 8; window++) {
      const start = at(T0, window * 15);
      // The attacker's five guesses, then a sixth that is refused unchecked.
      for (let i = 0; i < 5; i++) {
        const o = await signInWithPassword({ username: "kabag.ks", password: wrong(i) }, ctx(at(start, i * 0.1), ATTACKER_IP));
        expect(o.kind).toBe("invalid");
      }
      expect((await signInWithPassword({ username: "kabag.ks", password: wrong(9) }, ctx(at(start, 1), ATTACKER_IP))).kind).toBe(
        "throttled",
      );
      // The victim, with the device cookie, signs in.
      const trusted = await signInWithPassword({ username: "kabag.ks", password: PASSWORD }, ctx(at(start, 2), VICTIM_IP, deviceCookie));
      expect(trusted.kind).toBe("signed-in");
      // And from the victim's own address without a cookie (a new browser) it works too.
      const fresh = await signInWithPassword({ username: "kabag.ks", password: PASSWORD }, ctx(at(start, 3), VICTIM_IP));
      expect(fresh.kind).toBe("signed-in");
    }
  });

  it("an attacker rotating addresses is capped at 20 guesses per 15 minutes; the trusted browser still gets in", async () => {
    const deviceCookie = issueDeviceCookie("kabag.ks", null, at(T0, -60));
    const outcomes: SignInOutcome[] = [];
    for (let i = 0; i < 30; i++) {
      outcomes.push(await signInWithPassword({ username: "kabag.ks", password: wrong(i) }, ctx(at(T0, i * 0.1), `203.0.113.${i + 1}`)));
    }
    expect(kinds(outcomes).filter((k) => k === "invalid")).toHaveLength(20);
    expect(kinds(outcomes).slice(20).every((k) => k === "throttled")).toBe(true);
    // Untrusted clients are refused for now, even with the right password…
    expect((await signInWithPassword({ username: "kabag.ks", password: PASSWORD }, ctx(at(T0, 4), VICTIM_IP))).kind).toBe("throttled");
    // …but the owner's browser is not.
    expect(
      (await signInWithPassword({ username: "kabag.ks", password: PASSWORD }, ctx(at(T0, 4), VICTIM_IP, deviceCookie))).kind,
    ).toBe("signed-in");
  });

  it("a device cookie for another username buys nothing", async () => {
    const othersCookie = issueDeviceCookie("staf.ks", null, T0);
    for (let i = 0; i < 5; i++) await signInWithPassword({ username: "kabag.ks", password: wrong(i) }, ctx(at(T0, i * 0.1), ATTACKER_IP, othersCookie));
    expect((await signInWithPassword({ username: "kabag.ks", password: wrong(7) }, ctx(at(T0, 1), ATTACKER_IP, othersCookie))).kind).toBe(
      "throttled",
    );
  });
});

describe("per address: an office behind one NAT", () => {
  it("tolerates 49 failures across accounts from one address; the 50th blocks untrusted clients there", async () => {
    const OFFICE = "192.0.2.1";
    for (let i = 0; i < 49; i++) {
      await signInWithPassword({ username: `pegawai.${i}`, password: wrong(i) }, ctx(at(T0, i * 0.1), OFFICE));
    }
    expect((await signInWithPassword({ username: "kabag.ks", password: PASSWORD }, ctx(at(T0, 5), OFFICE))).kind).toBe("signed-in");
    await signInWithPassword({ username: "pegawai.49", password: wrong(49) }, ctx(at(T0, 5.1), OFFICE));
    const blocked = await signInWithPassword({ username: "kabag.ks", password: PASSWORD }, ctx(at(T0, 6), OFFICE));
    expect(blocked).toMatchObject({ kind: "throttled" });
    // A browser that signed in before (device cookie) is not affected by the address bucket.
    const cookie = issueDeviceCookie("kabag.ks", null, T0);
    expect((await signInWithPassword({ username: "kabag.ks", password: PASSWORD }, ctx(at(T0, 6), OFFICE, cookie))).kind).toBe("signed-in");
  });

  it("an IPv6 client cannot buy fresh allowances by changing the address inside its /64", async () => {
    for (let i = 0; i < 5; i++) {
      await signInWithPassword({ username: "kabag.ks", password: wrong(i) }, ctx(at(T0, i * 0.1), `2001:db8:5:6::${i + 1}`));
    }
    expect((await signInWithPassword({ username: "kabag.ks", password: wrong(8) }, ctx(at(T0, 1), "2001:db8:5:6::99"))).kind).toBe(
      "throttled",
    );
  });
});

describe("LoginAttempt is append-only for the app", () => {
  it("the app's role cannot update or delete attempts", async () => {
    await signInWithPassword({ username: "kabag.ks", password: wrong(1) }, ctx(T0, VICTIM_IP));
    await expect(getDb().loginAttempt.updateMany({ data: { ip: "0.0.0.0" } })).rejects.toThrow();
    await expect(getDb().loginAttempt.deleteMany({})).rejects.toThrow();
    expect(await getDb().loginAttempt.count()).toBe(1);
  });
});
