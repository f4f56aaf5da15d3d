import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { checkLoginThrottle, recordLoginAttempt } from "@/lib/auth/throttle";
import { resetDatabase, testPool } from "./helpers/db";

// Sign-in throttling on real PostgreSQL: 5 failures in 15 minutes per username and, separately,
// per client address. Attempts are inserted with explicit times to walk the window.

const now = new Date();
const ago = (minutes: number) => new Date(now.getTime() - minutes * 60_000);

async function attempt(username: string, ip: string, success: boolean, at: Date) {
  await getDb().loginAttempt.create({ data: { username, ip, success, createdAt: at } });
}

describe("checkLoginThrottle", () => {
  beforeEach(resetDatabase);

  it("blocks a username after five failures from different addresses", async () => {
    for (let i = 0; i < 5; i++) await attempt("kabag.ks", `198.51.100.${i + 1}`, false, ago(1));
    expect(await checkLoginThrottle("kabag.ks", "198.51.100.99", now)).toEqual({ blocked: true, retryAfterMinutes: 14 });
    // Other accounts from a fresh address are not affected.
    expect(await checkLoginThrottle("staf.ks", "198.51.100.99", now)).toEqual({ blocked: false });
  });

  it("a success clears the username's count, so earlier failures do not add up", async () => {
    for (let i = 0; i < 4; i++) await attempt("tkksd", "198.51.100.1", false, ago(10));
    await attempt("tkksd", "198.51.100.1", true, ago(5));
    await attempt("tkksd", "198.51.100.2", false, ago(2));
    expect(await checkLoginThrottle("tkksd", "198.51.100.3", now)).toEqual({ blocked: false });
  });

  it("blocks an address after five failures across usernames, and one success does not clear it", async () => {
    for (let i = 0; i < 5; i++) await attempt(`tebakan${i}`, "203.0.113.5", false, ago(3));
    await attempt("pimpinan", "203.0.113.5", true, ago(2));
    const verdict = await checkLoginThrottle("pimpinan", "203.0.113.5", now);
    expect(verdict).toEqual({ blocked: true, retryAfterMinutes: 12 });
  });

  it("failures older than 15 minutes no longer count", async () => {
    for (let i = 0; i < 5; i++) await attempt("admin", "203.0.113.6", false, ago(16 + i));
    expect(await checkLoginThrottle("admin", "203.0.113.6", now)).toEqual({ blocked: false });
  });

  it("recordLoginAttempt stores the attempt with the current time", async () => {
    await recordLoginAttempt("admin", "203.0.113.7", false);
    const { rows } = await testPool().query(`SELECT username, ip, success FROM "LoginAttempt"`);
    expect(rows).toEqual([{ username: "admin", ip: "203.0.113.7", success: false }]);
  });
});
