import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { resetDatabase, testPool } from "./helpers/db";

// targets.md: history/audit rows are append-only. The database itself refuses UPDATE and DELETE.

async function fixtures() {
  const db = getDb();
  await db.opd.create({ data: { id: "opd-x", name: "Dinas Uji", shortName: "UJI" } });
  await db.user.create({ data: { id: "u-op", username: "op", fullName: "Operator", role: "OPERATOR_OPD", opdId: "opd-x", passwordHash: "x" } });
  await db.case.create({
    data: { id: "c-1", code: "KS-2026-0001", title: "Uji", kind: "KSDD", opdId: "opd-x", createdById: "u-op" },
  });
  await db.stageHistory.create({ data: { caseId: "c-1", toStage: "DRAF", event: "buat", actorId: "u-op", actorRole: "OPERATOR_OPD" } });
  await db.auditEvent.create({ data: { actorId: "u-op", action: "user.update", entity: "User", entityId: "u-op" } });
}

describe("append-only tables", () => {
  beforeEach(async () => {
    await resetDatabase();
    await fixtures();
  });

  it("refuses to change or delete a stage history row", async () => {
    await expect(testPool().query(`UPDATE "StageHistory" SET note = 'diubah'`)).rejects.toThrow(/append-only/);
    await expect(testPool().query(`DELETE FROM "StageHistory"`)).rejects.toThrow(/append-only/);
    await expect(getDb().stageHistory.deleteMany({})).rejects.toThrow();
    const { rows } = await testPool().query(`SELECT note FROM "StageHistory"`);
    expect(rows).toEqual([{ note: null }]);
  });

  it("refuses to change or delete an audit event", async () => {
    await expect(testPool().query(`UPDATE "AuditEvent" SET action = 'x'`)).rejects.toThrow(/append-only/);
    await expect(testPool().query(`DELETE FROM "AuditEvent"`)).rejects.toThrow(/append-only/);
    const { rows } = await testPool().query(`SELECT count(*)::int AS n FROM "AuditEvent"`);
    expect(rows[0].n).toBe(1);
  });

  it("still accepts new rows", async () => {
    await getDb().stageHistory.create({
      data: { caseId: "c-1", fromStage: "DRAF", toStage: "PERSETUJUAN_OPD", event: "ajukan", actorId: "u-op", actorRole: "OPERATOR_OPD" },
    });
    expect(await getDb().stageHistory.count()).toBe(2);
  });
});
