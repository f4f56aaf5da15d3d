import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { DomainError, STALE_MESSAGE } from "@/lib/errors";
import { transitionCase } from "./helpers/services";
import { resetDatabase } from "./helpers/db";
import { actor, caseAt, caseRow, historyOf, seedBase, step, upload } from "./helpers/cases";

// targets.md: 20 simultaneous conflicting transitions on one case → exactly 1 succeeds, 19 get
// the "data changed" message, history rows = successful transitions, nothing lost.

beforeEach(async () => {
  await resetDatabase();
  await seedBase();
});

describe("optimistic locking", () => {
  it("20 concurrent identical transitions: one wins, 19 are STALE, one history row", async () => {
    const id = await caseAt("KSDD", "VERIFIKASI");
    const before = await caseRow(id);
    const historyBefore = (await historyOf(id)).length;
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, () =>
        transitionCase(actor("kabag"), id, "lengkap", { checklistComplete: true }, before.version),
      ),
    );
    const fulfilled = results.filter((r) => r.status === "fulfilled");
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(fulfilled).toHaveLength(1);
    expect(rejected).toHaveLength(19);
    for (const r of rejected) {
      expect(r.reason).toBeInstanceOf(DomainError);
      expect(r.reason).toMatchObject({ code: "STALE", message: STALE_MESSAGE });
    }
    const after = await caseRow(id);
    expect(after).toMatchObject({ stage: "KAJIAN_TKKSD", version: before.version + 1 });
    const history = await historyOf(id);
    expect(history).toHaveLength(historyBefore + 1);
    expect(history.at(-1)).toMatchObject({ fromStage: "VERIFIKASI", toStage: "KAJIAN_TKKSD", event: "lengkap" });
  });

  it("20 concurrent different events from the same version: exactly one is recorded", async () => {
    const id = await caseAt("KSDD", "VERIFIKASI");
    const { version } = await caseRow(id);
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        i % 2 === 0
          ? transitionCase(actor("kabag"), id, "lengkap", { checklistComplete: true }, version)
          : transitionCase(actor("kabag"), id, "perlu_perbaikan", { note: `Perbaikan ${i}` }, version),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect((await historyOf(id)).filter((h) => h.fromStage === "VERIFIKASI")).toHaveLength(1);
    expect((await caseRow(id)).version).toBe(version + 1);
  });

  it("a transition with an old version is STALE even when the stage matches", async () => {
    const id = await caseAt("KSDD", "VERIFIKASI");
    const { version } = await caseRow(id);
    const e = await transitionCase(actor("kabag"), id, "lengkap", { checklistComplete: true }, version - 1).catch((x: DomainError) => x);
    expect(e).toMatchObject({ code: "STALE", message: STALE_MESSAGE });
  });
});

describe("documents of a passed stage", () => {
  it("become locked when the case leaves the stage; documents of the new stage stay editable", async () => {
    const id = await caseAt("KSDD", "DRAF");
    const kak = await upload(id, "KAK");
    const extra = await upload(id, "SK_PPKSD");
    await step(id, "operatorA", "ajukan");
    const inisiasi = await upload(id, "SURAT_INISIASI");
    const locked = async (docId: string) => (await getDb().document.findUniqueOrThrow({ where: { id: docId } })).locked;
    expect([await locked(kak.id), await locked(extra.id), await locked(inisiasi.id)]).toEqual([true, true, false]);
    await step(id, "kepalaA", "setujui");
    expect(await locked(inisiasi.id)).toBe(true);
  });

  it("a refused transition locks nothing", async () => {
    const id = await caseAt("KSDD", "PERSETUJUAN_OPD");
    const other = await upload(id, "LAINNYA");
    await expect(step(id, "kepalaA", "setujui")).rejects.toMatchObject({ reason: "DOCUMENTS_MISSING" });
    expect((await getDb().document.findUniqueOrThrow({ where: { id: other.id } })).locked).toBe(false);
  });
});
