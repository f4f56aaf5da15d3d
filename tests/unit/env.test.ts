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

describe("storage environment (STORAGE_DRIVER, S3_*)", () => {
  const s3 = { ...ok, STORAGE_DRIVER: "s3", S3_BUCKET: "sikerda-dokumen" };

  it("defaults to the local disk; S3 settings are ignored until STORAGE_DRIVER=s3", () => {
    expect(parseEnv(ok)).toMatchObject({ STORAGE_DRIVER: "disk", S3_REGION: "us-east-1", S3_FORCE_PATH_STYLE: false });
    expect(parseEnv({ ...ok, S3_ACCESS_KEY_ID: "only-one" }).STORAGE_DRIVER).toBe("disk");
  });

  it("accepts a complete S3 configuration and normalises the key prefix", () => {
    expect(
      parseEnv({
        ...s3, S3_ENDPOINT: "http://minio.internal:9000", S3_REGION: "ap-southeast-3", S3_ACCESS_KEY_ID: "id",
        S3_SECRET_ACCESS_KEY: "secret", S3_FORCE_PATH_STYLE: "true", S3_PREFIX: "sikerda/dokumen",
      }),
    ).toMatchObject({ S3_ENDPOINT: "http://minio.internal:9000", S3_FORCE_PATH_STYLE: true, S3_PREFIX: "sikerda/dokumen/" });
    // No keys at all: the SDK's default credentials (an IAM role).
    expect(parseEnv(s3).S3_ACCESS_KEY_ID).toBeUndefined();
  });

  it("names every S3 problem at once, in Indonesian and English", () => {
    expect(() => parseEnv({ ...ok, STORAGE_DRIVER: "s3" })).toThrow(/S3_BUCKET wajib diatur bila STORAGE_DRIVER=s3 \/ S3_BUCKET is required/);
    expect(() => parseEnv({ ...ok, STORAGE_DRIVER: "minio" })).toThrow(/STORAGE_DRIVER harus disk atau s3/);
    let message = "";
    try {
      parseEnv({ ...s3, S3_BUCKET: "Bucket_Saya", S3_ENDPOINT: "ftp://x", S3_ACCESS_KEY_ID: "id", S3_PREFIX: "/../x" });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/S3_BUCKET: S3_BUCKET harus nama bucket yang sah/);
    expect(message).toMatch(/S3_ENDPOINT: S3_ENDPOINT harus http\(s\):\/\//);
    expect(message).toMatch(/S3_PREFIX: S3_PREFIX hanya huruf/);
    expect(message).toMatch(/S3_SECRET_ACCESS_KEY: S3_ACCESS_KEY_ID dan S3_SECRET_ACCESS_KEY diatur berdua/);
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
