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
 * TRUSTED_PROXY_HOPS of scripts/server.mjs) are documented in .env.example. The storage group
 * (STORAGE_DRIVER, STORAGE_DIR, S3_*) is also read by `npm run backup` / `npm run restore`.
 */

const boolean = z
  .enum(["true", "false", "1", "0"], { error: "harus true atau false" })
  .transform((v) => v === "true" || v === "1");

const databaseSchema = z.object({
  DATABASE_URL: z
    .string({ error: "DATABASE_URL wajib diatur (npm start mengaturnya untuk PostgreSQL tertanam)." })
    .regex(/^postgres(ql)?:\/\//, { error: "DATABASE_URL harus berupa URL postgresql://…" }),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
  DATABASE_PREPARED_STATEMENTS: boolean.default(false),
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

// Document storage (lib/storage): the local disk by default, or an S3-compatible bucket shared by
// several app instances. Every message names the variable, in Indonesian and English.
const S3_BUCKET_NAME = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const S3_PREFIX = /^[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*\/?$/;

const jobsSchema = z.object({
  /** Whether this server instance schedules and runs the background jobs (pg-boss); default on. */
  JOBS_SCHEDULER: boolean.default(true),
});

// E-mail (lib/notifications/mailer.ts): nodemailer over SMTP. SMTP_HOST unset = e-mail off
// (in-app notifications only; the settings page says so).
const smtpSchema = z.object({
  SMTP_HOST: z.string().min(1).optional(),
  SMTP_PORT: z.coerce.number({ error: "SMTP_PORT harus berupa angka / must be a number" }).int().min(1).max(65535).default(587),
  /** true: TLS from the first byte (port 465); false: STARTTLS when the server offers it. */
  SMTP_SECURE: boolean.default(false),
  SMTP_USER: z.string().min(1).optional(),
  SMTP_PASSWORD: z.string().min(1).optional(),
  SMTP_FROM: z
    .string()
    .regex(/^(.+<)?[^@\s<>]+@[^@\s<>]+>?$/, { error: "SMTP_FROM harus alamat e-mail, mis. SIKERDA <sikerda@example.go.id>" })
    .default("SIKERDA <sikerda@localhost>"),
  /** Attempts before a message is marked failed (GAGAL). */
  SMTP_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(5),
});

// PDF rendering (lib/pdf/pool.ts): react-pdf runs in worker threads, never in the request thread.
const pdfSchema = z.object({
  /** Renders at once (worker threads); default 1, so that on 2 cores one core stays free for the pages. */
  PDF_WORKERS: z.coerce.number({ error: "PDF_WORKERS harus berupa angka / must be a number" }).int().min(1).max(8).default(1),
  /** Requests that may wait for a worker; beyond that the download is refused with 503 ("coba lagi"). */
  PDF_QUEUE_MAX: z.coerce.number({ error: "PDF_QUEUE_MAX harus berupa angka / must be a number" }).int().min(0).max(100).default(4),
  /** A render that takes longer is stopped (its worker is replaced) and answered with 503. */
  PDF_TIMEOUT_SECONDS: z.coerce
    .number({ error: "PDF_TIMEOUT_SECONDS harus berupa angka detik / must be a number of seconds" })
    .int()
    .min(5)
    .max(600)
    .default(120),
});

const storageSchema = z
  .object({
    STORAGE_DRIVER: z
      .enum(["disk", "s3"], { error: "STORAGE_DRIVER harus disk atau s3 / must be disk or s3" })
      .default("disk"),
    /** disk: the directory of the documents (default .data/dokumen). */
    STORAGE_DIR: z.string().min(1).optional(),
    /** s3: where an upload is spooled (≤ 20 MB, removed at once) before it is sent; default the OS temp directory. */
    STORAGE_TMP_DIR: z.string().min(1).optional(),
    S3_BUCKET: z
      .string()
      .regex(S3_BUCKET_NAME, {
        error: "S3_BUCKET harus nama bucket yang sah (3–63 huruf kecil, angka, titik, tanda hubung) / must be a valid bucket name",
      })
      .optional(),
    S3_ENDPOINT: z
      .url({ error: "S3_ENDPOINT harus URL lengkap, mis. https://s3.example.go.id / must be a full URL" })
      .regex(/^https?:\/\//, { error: "S3_ENDPOINT harus http(s):// / must be http(s)://" })
      .optional(),
    S3_REGION: z
      .string()
      .regex(/^[a-z0-9-]{2,32}$/, { error: "S3_REGION tidak sah, mis. us-east-1 / invalid region, e.g. us-east-1" })
      .default("us-east-1"),
    S3_ACCESS_KEY_ID: z.string().min(1).optional(),
    S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
    /** true for MinIO and most self-hosted stores (bucket in the path, not in the host name). */
    S3_FORCE_PATH_STYLE: boolean.default(false),
    /** Key prefix inside the bucket, e.g. `sikerda/` (a bucket shared with other data). */
    S3_PREFIX: z
      .string()
      .regex(S3_PREFIX, { error: "S3_PREFIX hanya huruf, angka, . _ - dan / (mis. sikerda/) / letters, digits, . _ - and / only" })
      .transform((v) => (v.endsWith("/") ? v : `${v}/`))
      .optional(),
  })
  .superRefine((value, ctx) => {
    if (value.STORAGE_DRIVER !== "s3") return;
    if (!value.S3_BUCKET) {
      ctx.addIssue({
        code: "custom",
        path: ["S3_BUCKET"],
        message: "S3_BUCKET wajib diatur bila STORAGE_DRIVER=s3 / S3_BUCKET is required when STORAGE_DRIVER=s3",
      });
    }
    if (!value.S3_ACCESS_KEY_ID !== !value.S3_SECRET_ACCESS_KEY) {
      ctx.addIssue({
        code: "custom",
        path: [value.S3_ACCESS_KEY_ID ? "S3_SECRET_ACCESS_KEY" : "S3_ACCESS_KEY_ID"],
        message:
          "S3_ACCESS_KEY_ID dan S3_SECRET_ACCESS_KEY diatur berdua, atau keduanya kosong (kredensial bawaan AWS, mis. IAM role) / " +
          "set both or neither (neither = the AWS default credential chain)",
      });
    }
  });

const baseSchema = databaseSchema.extend(authSchema.shape).extend(jobsSchema.shape).extend(smtpSchema.shape).extend(pdfSchema.shape);

// The storage group carries a cross-field rule (superRefine), so it is intersected, not extended.
const schema = z.intersection(baseSchema, storageSchema);

export type Env = z.infer<typeof schema>;
export type DatabaseEnv = z.infer<typeof databaseSchema>;
export type AuthEnv = z.infer<typeof authSchema> & { AUTH_TRUST_HOST: boolean };
export type StorageEnv = z.infer<typeof storageSchema>;
export type JobsEnv = z.infer<typeof jobsSchema>;
export type SmtpEnv = z.infer<typeof smtpSchema>;
export type PdfEnv = z.infer<typeof pdfSchema>;

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

type Cache = { database?: DatabaseEnv; auth?: AuthEnv; storage?: StorageEnv; jobs?: JobsEnv; smtp?: SmtpEnv; pdf?: PdfEnv };
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
  smtp(): SmtpEnv {
    return (cache().smtp ??= parseWith(smtpSchema, process.env));
  },
  pdf(): PdfEnv {
    return (cache().pdf ??= parseWith(pdfSchema, process.env));
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
