import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";

const ok = { DATABASE_URL: "postgresql://u:p@127.0.0.1:54329/sikerda", AUTH_SECRET: "x".repeat(40) };

describe("parseEnv", () => {
  it("accepts a minimal valid environment and applies defaults", () => {
    const env = parseEnv(ok);
    expect(env.DATABASE_POOL_MAX).toBe(10);
    expect(env.TRUSTED_PROXY_HOPS).toBe(1);
  });

  it("names every missing or bad variable in Indonesian", () => {
    expect(() => parseEnv({})).toThrow(/DATABASE_URL wajib diatur[\s\S]*AUTH_SECRET wajib diatur/);
    expect(() => parseEnv({ ...ok, DATABASE_URL: "mysql://x" })).toThrow(/postgresql:\/\//);
    expect(() => parseEnv({ ...ok, AUTH_SECRET: "pendek" })).toThrow(/minimal 32 karakter/);
    expect(() => parseEnv({ ...ok, TRUSTED_PROXY_HOPS: "0" })).toThrow(/TRUSTED_PROXY_HOPS/);
  });
});
