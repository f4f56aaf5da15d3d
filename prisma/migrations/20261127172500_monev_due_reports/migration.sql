-- MonevFlag.dueReports, firstDueBy and opdId: periods that ask the OPD to act (jatuh tempo, terlambat, dikembalikan), so
-- the home page sums them per OPD instead of computing every timeline on each request. Existing
-- rows are marked as computed long ago: the start-up refresh (queue dasbor-monev) recomputes them.
ALTER TABLE "MonevFlag" ADD COLUMN "dueReports" INTEGER NOT NULL DEFAULT 0,
                        ADD COLUMN "firstDueBy" DATE,
                        ADD COLUMN "opdId" TEXT;
CREATE INDEX "MonevFlag_opdId_computedOn_firstDueBy_idx" ON "MonevFlag"("opdId", "computedOn", "firstDueBy");
UPDATE "MonevFlag" SET "computedOn" = DATE '2000-01-01';
