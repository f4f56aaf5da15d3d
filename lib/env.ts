import { z } from "zod";

/*
 * The environment of the app, parsed once and exported: nothing else in lib/ or app/ reads
 * process.env (except NODE_ENV / NEXT_RUNTIME checks Next.js itself needs).
 *
 * Parsing is lazy and per group: `next build` imports route modules without a database or a
 * secret, and a script that only needs the database (seed, bench) must not need AUTH_SECRET.
 * instrumentation.ts validates every group at server start (lib/env-check.ts), so a
 * misconfigured server stops with a clear message instead of failing on a later request.
 *
 * Variables read by the scripts only (ports, data directories, MIGRATION_DATABASE_URL,
 * TRUSTED_PROXY_HOPS of scripts/server.mjs) are documented in .env.example.
 */

const boolean = z
  .enum(["true", "false", "1", "0"], { error: "harus true atau false" })
  .transform((v) => v === "true" || v === "1");

const databaseSchema = z.object({
  DATABASE_URL: z
    .string({ error: "DATABASE_URL wajib diatur (npm start mengaturnya untuk PostgreSQL tertanam)." })
    .regex(/^postgres(ql)?:\/\//, { error: "DATABASE_URL harus berupa URL postgresql://…" }),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
});

const authSchema = z.object({
  AUTH_SECRET: z
    .string({ error: "AUTH_SECRET wajib diatur (npm start membuatnya di .data/auth-secret)." })
    .min(32, { error: "AUTH_SECRET minimal 32 karakter." }),
  AUTH_URL: z.url({ error: "AUTH_URL harus berupa URL lengkap, mis. https://sikerda.example.go.id" }).optional(),
  /** Unset: trust the Host header when AUTH_URL is set or outside production (Auth.js's own default). */
  AUTH_TRUST_HOST: boolean.optional(),
  /** Minutes without a request after which a session ends (beside the fixed 8-hour lifetime). */
  SESSION_IDLE_MINUTES: z.coerce
    .number({ error: "SESSION_IDLE_MINUTES harus berupa angka menit" })
    .int()
    .min(1, { error: "SESSION_IDLE_MINUTES minimal 1 menit" })
    .max(480, { error: "SESSION_IDLE_MINUTES maksimal 480 menit (masa sesi 8 jam)" })
    .default(30),
});

const storageSchema = z.object({
  STORAGE_DIR: z.string().min(1).optional(),
});

const jobsSchema = z.object({
  /** Whether this server instance schedules and runs the background jobs (pg-boss); default on. */
  JOBS_SCHEDULER: boolean.default(true),
});

const schema = databaseSchema.extend(authSchema.shape).extend(storageSchema.shape).extend(jobsSchema.shape);

export type Env = z.infer<typeof schema>;
export type DatabaseEnv = z.infer<typeof databaseSchema>;
export type AuthEnv = z.infer<typeof authSchema> & { AUTH_TRUST_HOST: boolean };
export type StorageEnv = z.infer<typeof storageSchema>;
export type JobsEnv = z.infer<typeof jobsSchema>;

function fail(error: z.ZodError): never {
  const lines = error.issues.map((i) => `  - ${i.path.join(".")}: ${i.message}`);
  throw new Error(`Konfigurasi lingkungan tidak sah / invalid environment:\n${lines.join("\n")}`);
}

function parseWith<T extends z.ZodType>(schema: T, source: Record<string, string | undefined>): z.output<T> {
  // An empty string means "not set" (a blank line in .env), never a value.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const result = schema.safeParse(cleaned);
  if (!result.success) fail(result.error);
  return result.data;
}

function resolveTrustHost(parsed: z.infer<typeof authSchema>, nodeEnv: string | undefined): AuthEnv {
  return { ...parsed, AUTH_TRUST_HOST: parsed.AUTH_TRUST_HOST ?? (parsed.AUTH_URL !== undefined || nodeEnv !== "production") };
}

/** Every group at once (start-up check and tests). Throws one message naming every bad variable. */
export function parseEnv(source: Record<string, string | undefined>): Env & { AUTH_TRUST_HOST: boolean } {
  const parsed = parseWith(schema, source);
  return { ...parsed, ...resolveTrustHost(parsed, source.NODE_ENV) };
}

type Cache = { database?: DatabaseEnv; auth?: AuthEnv; storage?: StorageEnv; jobs?: JobsEnv };
let parsed: Cache = {};
const cache = (): Cache => parsed;

/** The parsed environment, one group at a time, each parsed on first use and then kept. */
export const env = {
  database(): DatabaseEnv {
    return (cache().database ??= parseWith(databaseSchema, process.env));
  },
  auth(): AuthEnv {
    return (cache().auth ??= resolveTrustHost(parseWith(authSchema, process.env), process.env.NODE_ENV));
  },
  storage(): StorageEnv {
    return (cache().storage ??= parseWith(storageSchema, process.env));
  },
  jobs(): JobsEnv {
    return (cache().jobs ??= parseWith(jobsSchema, process.env));
  },
};

/**
 * Forgets a parsed group so the next use reads process.env again. Only for code that changes
 * its own environment on purpose: lib/db.ts's disconnectDb (the bench switches databases) and tests.
 */
export function forgetEnv(group?: keyof Cache): void {
  if (group) delete parsed[group];
  else parsed = {};
}
