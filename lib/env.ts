import { z } from "zod";

// Environment of the running server, validated once at start-up (instrumentation.ts) so a
// misconfiguration stops the server with a clear message instead of failing on a later request.
// `next build` does not run this: the build needs no database and no secret.
const schema = z.object({
  DATABASE_URL: z
    .string({ error: "DATABASE_URL wajib diatur (npm start mengaturnya untuk PostgreSQL tertanam)." })
    .regex(/^postgres(ql)?:\/\//, { error: "DATABASE_URL harus berupa URL postgresql://…" }),
  AUTH_SECRET: z
    .string({ error: "AUTH_SECRET wajib diatur (npm start membuatnya di .data/auth-secret)." })
    .min(32, { error: "AUTH_SECRET minimal 32 karakter." }),
  AUTH_URL: z.url({ error: "AUTH_URL harus berupa URL lengkap, mis. https://sikerda.example.go.id" }).optional(),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(1).max(10).default(1),
  STORAGE_DIR: z.string().min(1).optional(),
});

export type Env = z.infer<typeof schema>;

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = schema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  - ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Konfigurasi lingkungan tidak sah / invalid environment:\n${lines.join("\n")}`);
  }
  return result.data;
}
