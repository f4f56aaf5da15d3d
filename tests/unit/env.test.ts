import { afterEach, describe, expect, it } from "vitest";
import { env, forgetEnv, parseEnv } from "@/lib/env";

const ok = { DATABASE_URL: "postgresql://u:p@127.0.0.1:54329/sikerda", AUTH_SECRET: "x".repeat(40) };

describe("parseEnv", () => {
  it("accepts a minimal valid environment and applies defaults", () => {
    const parsed = parseEnv(ok);
    expect(parsed.DATABASE_POOL_MAX).toBe(10);
    expect(parsed.SESSION_IDLE_MINUTES).toBe(30);
    // Outside production without AUTH_URL, Auth.js trusts the Host header (its own default).
    expect(parsed.AUTH_TRUST_HOST).toBe(true);
  });

  it("AUTH_TRUST_HOST is honoured; in production it defaults to whether AUTH_URL is set", () => {
    expect(parseEnv({ ...ok, AUTH_TRUST_HOST: "false" }).AUTH_TRUST_HOST).toBe(false);
    expect(parseEnv({ ...ok, NODE_ENV: "production" }).AUTH_TRUST_HOST).toBe(false);
    expect(parseEnv({ ...ok, NODE_ENV: "production", AUTH_URL: "https://sikerda.example.go.id" }).AUTH_TRUST_HOST).toBe(true);
    expect(() => parseEnv({ ...ok, AUTH_TRUST_HOST: "kadang" })).toThrow(/AUTH_TRUST_HOST/);
  });

  it("SESSION_IDLE_MINUTES is a number of minutes within the 8-hour lifetime", () => {
    expect(parseEnv({ ...ok, SESSION_IDLE_MINUTES: "15" }).SESSION_IDLE_MINUTES).toBe(15);
    expect(() => parseEnv({ ...ok, SESSION_IDLE_MINUTES: "0" })).toThrow(/SESSION_IDLE_MINUTES minimal 1 menit/);
    expect(() => parseEnv({ ...ok, SESSION_IDLE_MINUTES: "600" })).toThrow(/maksimal 480 menit/);
  });

  it("names every missing or bad variable in Indonesian", () => {
    expect(() => parseEnv({})).toThrow(/DATABASE_URL wajib diatur[\s\S]*AUTH_SECRET wajib diatur/);
    expect(() => parseEnv({ ...ok, DATABASE_URL: "mysql://x" })).toThrow(/postgresql:\/\//);
    expect(() => parseEnv({ ...ok, AUTH_SECRET: "pendek" })).toThrow(/minimal 32 karakter/);
  });

  it("an empty value counts as unset (a blank line in .env)", () => {
    expect(parseEnv({ ...ok, AUTH_URL: "", STORAGE_DIR: "" }).AUTH_URL).toBeUndefined();
  });
});

describe("env (parsed once, per group)", () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
    forgetEnv();
  });

  it("parses a group on first use and keeps the result", () => {
    process.env.DATABASE_URL = "postgresql://a:b@127.0.0.1:1/one";
    forgetEnv();
    expect(env.database().DATABASE_URL).toMatch(/one$/);
    process.env.DATABASE_URL = "postgresql://a:b@127.0.0.1:1/two";
    expect(env.database().DATABASE_URL).toMatch(/one$/);
    forgetEnv("database");
    expect(env.database().DATABASE_URL).toMatch(/two$/);
  });

  it("a group needs only its own variables (the seed has no AUTH_SECRET)", () => {
    delete process.env.AUTH_SECRET;
    process.env.STORAGE_DIR = "/tmp/dokumen-uji";
    forgetEnv();
    expect(env.storage().STORAGE_DIR).toBe("/tmp/dokumen-uji");
    expect(() => env.auth()).toThrow(/AUTH_SECRET wajib diatur/);
  });
});
