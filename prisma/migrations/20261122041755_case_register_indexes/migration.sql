-- DropIndex
DROP INDEX "Case_opdId_stage_idx";

-- CreateIndex
CREATE INDEX "Case_opdId_stage_updatedAt_id_idx" ON "Case"("opdId", "stage", "updatedAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Case_opdId_updatedAt_id_idx" ON "Case"("opdId", "updatedAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Case_updatedAt_id_idx" ON "Case"("updatedAt" DESC, "id" DESC);
