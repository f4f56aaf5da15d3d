import type pg from "pg";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { appRolePool, resetDatabase, testPool } from "./helpers/db";

// targets.md: history/audit rows are append-only. Two independent guards, both proven here:
//  1. the app connects as a role that may only INSERT and SELECT the evidence tables, owns
//     nothing, and so can neither rewrite them nor drop or disable their triggers;
//  2. triggers refuse UPDATE and DELETE even for the owner (migrations, DBA mistakes).

const APPEND_ONLY = ["StageHistory", "AuditEvent", "LoginAttempt", "TkksdOpinion"] as const;

let app: pg.Pool;
beforeAll(() => {
  app = appRolePool();
});
afterAll(async () => {
  await app.end();
});

async function fixtures() {
  const db = getDb();
  await db.opd.create({ data: { id: "opd-x", name: "Dinas Uji", shortName: "UJI" } });
  await db.user.create({ data: { id: "u-op", username: "op", fullName: "Operator", role: "OPERATOR_OPD", opdId: "opd-x", passwordHash: "x" } });
  await db.user.create({ data: { id: "u-tk", username: "tk", fullName: "Anggota TKKSD", role: "TKKSD", passwordHash: "x" } });
  await db.case.create({
    data: { id: "c-1", code: "KS-2026-0001", title: "Uji", kind: "KSDD", opdId: "opd-x", createdById: "u-op" },
  });
  await db.stageHistory.create({ data: { caseId: "c-1", toStage: "DRAF", event: "buat", actorId: "u-op", actorRole: "OPERATOR_OPD" } });
  await db.auditEvent.create({ data: { actorId: "u-op", action: "user.update", entity: "User", entityId: "u-op" } });
  await db.loginAttempt.create({ data: { username: "op", ip: "198.51.100.1" } });
  await db.tkksdOpinion.create({ data: { caseId: "c-1", memberId: "u-tk", opinion: "LAYAK", note: "Layak dilanjutkan." } });
}

/** One new row per table, as the app would insert it. */
const INSERTS: Record<(typeof APPEND_ONLY)[number], string> = {
  StageHistory: `INSERT INTO "StageHistory" ("caseId","fromStage","toStage",event,"actorId","actorRole") VALUES ('c-1','DRAF','PERSETUJUAN_OPD','ajukan','u-op','OPERATOR_OPD')`,
  AuditEvent: `INSERT INTO "AuditEvent" (action, entity) VALUES ('auth.login', 'Session')`,
  LoginAttempt: `INSERT INTO "LoginAttempt" (username, ip) VALUES ('op', '198.51.100.2')`,
  TkksdOpinion: `INSERT INTO "TkksdOpinion" (id,"caseId","memberId",opinion,note,round) VALUES ('op-2','c-1','u-tk','PERBAIKAN','Lengkapi KAK.',2)`,
};

const count = async (table: string) => (await testPool().query(`SELECT count(*)::int AS n FROM "${table}"`)).rows[0].n as number;

describe("the app's database role", () => {
  beforeEach(async () => {
    await resetDatabase();
    await fixtures();
  });

  it("is not the owner: it connects as a different role that owns no table and is no superuser", async () => {
    const { rows } = await app.query(
      `SELECT current_user AS me, r.rolsuper AS super,
              (SELECT count(*)::int FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = 'public' AND c.relowner = r.oid) AS owned
         FROM pg_roles r WHERE r.rolname = current_user`,
    );
    const owner = (await testPool().query(`SELECT current_user AS me`)).rows[0].me;
    expect(rows[0]).toMatchObject({ super: false, owned: 0 });
    expect(rows[0].me).not.toBe(owner);
  });

  for (const table of APPEND_ONLY) {
    it(`may INSERT and SELECT "${table}", never UPDATE, DELETE or TRUNCATE it`, async () => {
      await app.query(INSERTS[table]);
      expect((await app.query(`SELECT count(*)::int AS n FROM "${table}"`)).rows[0].n).toBe(2);
      const column = table === "AuditEvent" ? "action" : table === "LoginAttempt" ? "ip" : "note";
      await expect(app.query(`UPDATE "${table}" SET ${column} = 'diubah'`)).rejects.toMatchObject({ code: "42501" });
      await expect(app.query(`DELETE FROM "${table}"`)).rejects.toMatchObject({ code: "42501" });
      await expect(app.query(`TRUNCATE "${table}"`)).rejects.toMatchObject({ code: "42501" });
      expect(await count(table)).toBe(2);
    });

    it(`cannot drop or disable the append-only trigger of "${table}"`, async () => {
      await expect(app.query(`DROP TRIGGER "${table}_append_only" ON "${table}"`)).rejects.toThrow(/must be owner/);
      await expect(app.query(`ALTER TABLE "${table}" DISABLE TRIGGER ALL`)).rejects.toThrow(/must be owner/);
      await expect(app.query(`ALTER TABLE "${table}" DISABLE TRIGGER "${table}_append_only"`)).rejects.toThrow(/must be owner/);
      await expect(app.query(`DROP TABLE "${table}"`)).rejects.toThrow(/must be owner/);
    });
  }

  it("cannot switch triggers off for its session, create tables or replace the trigger function", async () => {
    await expect(app.query(`SET session_replication_role = replica`)).rejects.toMatchObject({ code: "42501" });
    await expect(app.query(`CREATE TABLE "Sembunyi" (id int)`)).rejects.toMatchObject({ code: "42501" });
    await expect(
      app.query(`CREATE OR REPLACE FUNCTION "sikerda_refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$`),
    ).rejects.toThrow(/must be owner|permission denied/);
  });

  it("still updates and deletes business records (soft deletes, stage changes)", async () => {
    await app.query(`UPDATE "Case" SET title = 'Uji diubah' WHERE id = 'c-1'`);
    await app.query(`DELETE FROM "RecoveryCode" WHERE false`);
    expect((await testPool().query(`SELECT title FROM "Case"`)).rows[0].title).toBe("Uji diubah");
  });

  it("cannot read Prisma's migration history", async () => {
    await expect(app.query(`SELECT * FROM "_prisma_migrations"`)).rejects.toMatchObject({ code: "42501" });
  });

  it("Prisma, as the app, is refused too", async () => {
    await expect(getDb().stageHistory.deleteMany({})).rejects.toThrow();
    await expect(getDb().auditEvent.updateMany({ data: { action: "x" } })).rejects.toThrow();
    await expect(getDb().tkksdOpinion.updateMany({ data: { note: "x" } })).rejects.toThrow();
  });
});

describe("append-only triggers (even the owner)", () => {
  beforeEach(async () => {
    await resetDatabase();
    await fixtures();
  });

  for (const table of APPEND_ONLY) {
    it(`refuse UPDATE and DELETE on "${table}"`, async () => {
      const column = table === "AuditEvent" ? "action" : table === "LoginAttempt" ? "ip" : "note";
      await expect(testPool().query(`UPDATE "${table}" SET ${column} = 'diubah'`)).rejects.toThrow(/append-only/);
      await expect(testPool().query(`DELETE FROM "${table}"`)).rejects.toThrow(/append-only/);
      expect(await count(table)).toBe(1);
    });
  }
});
