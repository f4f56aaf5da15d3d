-- AlterEnum
ALTER TYPE "AgreementStatus" ADD VALUE 'BATAL';

-- AlterTable
ALTER TABLE "Agreement" ADD COLUMN     "requiresDprd" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Case" ADD COLUMN     "extensionBasis" JSONB;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "isSystem" BOOLEAN NOT NULL DEFAULT false;
