// Database roles of SIKERDA. The app never connects as the owner of its tables:
//
//   owner role (MIGRATION_DATABASE_URL; embedded: sikerda_owner) owns schema `public` and every
//     table, runs `prisma migrate deploy`, the seed and test resets;
//   app role   (DATABASE_URL;           embedded: sikerda_app)   owns nothing. It may SELECT,
//     INSERT, UPDATE and DELETE business tables, but only INSERT and SELECT the evidence tables
//     (APPEND_ONLY_TABLES): no UPDATE, DELETE or TRUNCATE, and — owning nothing — it cannot drop
//     or disable their append-only triggers either.
//
// applyGrants() runs after every migration (new tables get their grants) and is idempotent.
// The embedded server creates both roles itself (ensureEmbeddedRoles, as the superuser); on a
// real PostgreSQL a DBA creates them once (README "Running on a real PostgreSQL").
import pg from "pg";

export const OWNER_ROLE = "sikerda_owner";
export const APP_ROLE = "sikerda_app";
// Local-only passwords: the embedded server listens on 127.0.0.1 and its superuser password is
// just as fixed. A real deployment chooses its own in DATABASE_URL / MIGRATION_DATABASE_URL.
const EMBEDDED_PASSWORDS = { [OWNER_ROLE]: "sikerda_owner", [APP_ROLE]: "sikerda_app" };

/** Evidence tables: history, audit, sign-in attempts, TKKSD opinions (INSERT and SELECT only). */
export const APPEND_ONLY_TABLES = ["StageHistory", "AuditEvent", "LoginAttempt", "TkksdOpinion"];

const quoteIdent = (name) => `"${String(name).replaceAll('"', '""')}"`;
const quoteLiteral = (value) => `'${String(value).replaceAll("'", "''")}'`;

/** The same server and database as `url`, signed in as `role` (embedded roles only). */
export function embeddedRoleUrl(url, role) {
  const u = new URL(url);
  u.username = role;
  u.password = EMBEDDED_PASSWORDS[role];
  return u.toString();
}

/** The role name a connection URL signs in with. */
export function roleOf(url) {
  return decodeURIComponent(new URL(url).username);
}

async function withClient(url, fn) {
  const client = new pg.Client({ connectionString: url });
  client.on("error", () => {});
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * As the embedded server's superuser (`superUrl`, database included): creates the owner and app
 * roles when missing, makes the owner own the database, schema `public` and every object in it
 * (a developer's .data/pg from before this change has them owned by `postgres`), and lets the
 * app role connect. Safe to run concurrently (an advisory lock) and on every start.
 */
export async function ensureEmbeddedRoles(superUrl) {
  await withClient(superUrl, async (c) => {
    // Roles are cluster-wide and test runs share one cluster: serialize on a fixed lock key.
    await c.query("SELECT pg_advisory_lock(7424190, 1)");
    try {
      for (const [role, attrs] of [
        [OWNER_ROLE, "LOGIN CREATEDB NOSUPERUSER NOCREATEROLE NOREPLICATION NOBYPASSRLS"],
        [APP_ROLE, "LOGIN NOCREATEDB NOSUPERUSER NOCREATEROLE NOREPLICATION NOBYPASSRLS NOINHERIT"],
      ]) {
        const { rowCount } = await c.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [role]);
        const verb = rowCount === 0 ? "CREATE" : "ALTER";
        await c.query(`${verb} ROLE ${quoteIdent(role)} ${attrs} PASSWORD ${quoteLiteral(EMBEDDED_PASSWORDS[role])}`);
      }
      const owner = quoteIdent(OWNER_ROLE);
      const { rows: [{ db }] } = await c.query("SELECT current_database() AS db");
      await c.query(`ALTER DATABASE ${quoteIdent(db)} OWNER TO ${owner}`);
      await c.query(`ALTER SCHEMA public OWNER TO ${owner}`);
      await c.query(`REVOKE CREATE ON SCHEMA public FROM PUBLIC`);
      await c.query(`GRANT CONNECT ON DATABASE ${quoteIdent(db)} TO ${quoteIdent(APP_ROLE)}`);
      await transferOwnership(c, OWNER_ROLE);
    } finally {
      await c.query("SELECT pg_advisory_unlock(7424190, 1)");
    }
  });
}

/** Every table, view, sequence, function and type of schema public not owned by `owner` gets it. */
async function transferOwnership(c, owner) {
  const target = quoteIdent(owner);
  // Tables first: ALTER TABLE also moves their indexes and owned (serial/identity) sequences.
  const relations = await c.query(
    `SELECT c.relname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('r','p','v','m','f') AND pg_get_userbyid(c.relowner) <> $1`,
    [owner],
  );
  for (const { relname, relkind } of relations.rows) {
    const kind = relkind === "v" ? "VIEW" : relkind === "m" ? "MATERIALIZED VIEW" : relkind === "f" ? "FOREIGN TABLE" : "TABLE";
    await c.query(`ALTER ${kind} public.${quoteIdent(relname)} OWNER TO ${target}`);
  }
  const sequences = await c.query(
    `SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind = 'S' AND pg_get_userbyid(c.relowner) <> $1`,
    [owner],
  );
  for (const { relname } of sequences.rows) await c.query(`ALTER SEQUENCE public.${quoteIdent(relname)} OWNER TO ${target}`);
  const functions = await c.query(
    `SELECT p.oid::regprocedure::text AS sig FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
      WHERE n.nspname = 'public' AND pg_get_userbyid(p.proowner) <> $1`,
    [owner],
  );
  for (const { sig } of functions.rows) await c.query(`ALTER ROUTINE ${sig} OWNER TO ${target}`);
  // Enums and domains (a table's row type follows its table).
  const types = await c.query(
    `SELECT t.typname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE n.nspname = 'public' AND t.typtype IN ('e','d') AND pg_get_userbyid(t.typowner) <> $1`,
    [owner],
  );
  for (const { typname } of types.rows) await c.query(`ALTER TYPE public.${quoteIdent(typname)} OWNER TO ${target}`);
}

/**
 * As the owner (`ownerUrl`): exactly the rights the app role needs, in one transaction.
 * Refuses an app role that is a superuser, owns objects, or is a member of the owner role —
 * any of those would let the app rewrite history.
 */
export async function applyGrants(ownerUrl, appRole) {
  return withClient(ownerUrl, async (c) => {
    const { rows: [facts] } = await c.query(
      `SELECT r.rolsuper AS super,
              pg_has_role($1, current_user, 'MEMBER') AS member_of_owner,
              EXISTS (SELECT 1 FROM pg_class cl JOIN pg_namespace n ON n.oid = cl.relnamespace
                       WHERE n.nspname = 'public' AND cl.relowner = r.oid) AS owns_tables
         FROM pg_roles r WHERE r.rolname = $1`,
      [appRole],
    );
    if (!facts) throw new Error(`Peran basis data aplikasi "${appRole}" tidak ada / app database role does not exist`);
    if (facts.super || facts.member_of_owner || facts.owns_tables) {
      throw new Error(
        `Peran aplikasi "${appRole}" terlalu berkuasa / app role too powerful ` +
          `(superuser: ${facts.super}, member of owner: ${facts.member_of_owner}, owns tables: ${facts.owns_tables}). ` +
          "Use a separate login role for DATABASE_URL (README: Running on a real PostgreSQL).",
      );
    }
    const app = quoteIdent(appRole);
    const { rows } = await c.query(
      `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`,
    );
    const tables = rows.map((r) => r.tablename);
    await c.query("BEGIN");
    try {
      await c.query(`GRANT USAGE ON SCHEMA public TO ${app}`);
      await c.query(`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${app}`);
      for (const table of tables) {
        const rights = APPEND_ONLY_TABLES.includes(table) ? "SELECT, INSERT" : "SELECT, INSERT, UPDATE, DELETE";
        await c.query(`GRANT ${rights} ON public.${quoteIdent(table)} TO ${app}`);
      }
      await c.query(`REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM ${app}`);
      await c.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${app}`);
      await c.query("COMMIT");
    } catch (error) {
      await c.query("ROLLBACK").catch(() => {});
      throw error;
    }
    return tables.length;
  });
}
