-- An OPD's agreements in force / ending soon (home tiles, the register's status filter for an OPD
-- user): one index range instead of intersecting the (mainStatus, mainEndDate) and opdId bitmaps.
CREATE INDEX "Case_opdId_mainStatus_mainEndDate_idx" ON "Case"("opdId", "mainStatus", "mainEndDate");
