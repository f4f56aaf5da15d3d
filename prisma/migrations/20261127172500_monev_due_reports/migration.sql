-- MonevFlag.dueReports and firstDueBy: periods that ask the OPD to act (jatuh tempo, terlambat, dikembalikan), so
-- the home page sums them per OPD instead of computing every timeline on each request. Existing
-- rows are marked as computed long ago: the start-up refresh (queue dasbor-monev) recomputes them.
ALTER TABLE "MonevFlag" ADD COLUMN "dueReports" INTEGER NOT NULL DEFAULT 0,
                        ADD COLUMN "firstDueBy" DATE;
CREATE INDEX "MonevFlag_firstDueBy_idx" ON "MonevFlag"("firstDueBy");
UPDATE "MonevFlag" SET "computedOn" = DATE '2000-01-01';
