-- Bagian KS's /usulan and register filtered by one stage, newest change first (lib/cases/queries.ts
-- listCases, ORDER BY "updatedAt" DESC, id DESC): an index range of the stage in page order instead of
-- walking every case by "updatedAt" until 26 of that stage appear — the recently changed cases are the
-- ones moving through the earlier stages, so "PELAKSANAAN" skipped 5,228 rows (66 ms → 0.1 ms at 100k).
-- The OPD users' lists have had ("opdId", stage, "updatedAt", id) since issue 7.
CREATE INDEX "Case_stage_updatedAt_id_idx" ON "Case"("stage", "updatedAt" DESC, "id" DESC);
