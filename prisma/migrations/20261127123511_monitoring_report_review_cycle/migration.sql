/*
  Warnings:

  - A unique constraint covering the columns `[agreementId,isFinal,periodStart]` on the table `MonitoringReport` will be added. If there are existing duplicate values, this will fail.

*/
-- AlterEnum
ALTER TYPE "ReportStatus" ADD VALUE 'DIKEMBALIKAN';

-- DropIndex
DROP INDEX "MonitoringReport_status_idx";

-- AlterTable
ALTER TABLE "MonitoringReport" ADD COLUMN     "returnReason" TEXT,
ADD COLUMN     "returnedAt" TIMESTAMP(3),
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 0;

-- CreateIndex
CREATE INDEX "MonitoringReport_status_submittedAt_idx" ON "MonitoringReport"("status", "submittedAt");

-- CreateIndex
CREATE UNIQUE INDEX "MonitoringReport_agreementId_isFinal_periodStart_key" ON "MonitoringReport"("agreementId", "isFinal", "periodStart");

-- A rating is 1–5 (domain §6), also for a writer that bypasses the service.
ALTER TABLE "MonitoringReport" ADD CONSTRAINT "MonitoringReport_rating_range" CHECK ("rating" IS NULL OR "rating" BETWEEN 1 AND 5);
