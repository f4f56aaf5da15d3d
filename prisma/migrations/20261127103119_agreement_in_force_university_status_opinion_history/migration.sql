/*
  Warnings:

  - You are about to drop the column `updatedAt` on the `TkksdOpinion` table. All the data in the column will be lost.

*/
-- CreateEnum
CREATE TYPE "UniversityStatus" AS ENUM ('PTN_SATKER', 'PTN_BLU', 'PTN_BH', 'PTS');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "AgreementStatus" ADD VALUE 'MENUNGGU_DPRD';
ALTER TYPE "AgreementStatus" ADD VALUE 'DITOLAK_DPRD';

-- DropIndex
DROP INDEX "TkksdOpinion_caseId_memberId_round_key";

-- AlterTable
ALTER TABLE "Partner" ADD COLUMN     "universityStatus" "UniversityStatus";

-- AlterTable
ALTER TABLE "TkksdOpinion" DROP COLUMN "updatedAt";

-- CreateIndex
CREATE INDEX "TkksdOpinion_caseId_round_memberId_createdAt_idx" ON "TkksdOpinion"("caseId", "round", "memberId", "createdAt");
