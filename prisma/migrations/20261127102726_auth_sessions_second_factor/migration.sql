-- Server-side sessions (Session), second factor (TOTP fields, RecoveryCode), forced password
-- change, atomic sign-in throttling (LoginAttempt kind/device/attempt). User.sessionVersion is
-- replaced by revoking Session rows: existing sign-ins end once (their JWT has no session id).
-- CreateEnum
CREATE TYPE "LoginAttemptKind" AS ENUM ('ATTEMPT', 'SUCCESS');

-- AlterTable: `success` becomes `kind` (an earlier success row stays a SUCCESS marker). Done
-- before the append-only trigger below exists.
ALTER TABLE "LoginAttempt"
ADD COLUMN     "attemptId" BIGINT,
ADD COLUMN     "deviceId" TEXT,
ADD COLUMN     "kind" "LoginAttemptKind" NOT NULL DEFAULT 'ATTEMPT';
UPDATE "LoginAttempt" SET "kind" = 'SUCCESS' WHERE "success";
ALTER TABLE "LoginAttempt" DROP COLUMN "success";

-- AlterTable
ALTER TABLE "User" DROP COLUMN "sessionVersion",
ADD COLUMN     "mustChangePassword" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "totpEnabledAt" TIMESTAMP(3),
ADD COLUMN     "totpLastStep" INTEGER,
ADD COLUMN     "totpPendingSecret" TEXT,
ADD COLUMN     "totpSecret" TEXT;

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMP(3) NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "revokedAt" TIMESTAMP(3),
    "revokedReason" TEXT,
    "ip" TEXT,
    "userAgent" TEXT,
    "secondFactor" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RecoveryCode" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "codeHash" TEXT NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RecoveryCode_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Session_userId_revokedAt_idx" ON "Session"("userId", "revokedAt");

-- CreateIndex
CREATE INDEX "RecoveryCode_userId_idx" ON "RecoveryCode"("userId");

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecoveryCode" ADD CONSTRAINT "RecoveryCode_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Append-only, like "StageHistory" and "AuditEvent" (trigger function of the init migration):
-- sign-in attempts and TKKSD opinions are evidence, never rewritten. The app's database role
-- additionally has only INSERT and SELECT on these tables (scripts/lib/db-roles.mjs).
CREATE TRIGGER "LoginAttempt_append_only"
  BEFORE UPDATE OR DELETE ON "LoginAttempt"
  FOR EACH ROW EXECUTE FUNCTION "sikerda_refuse_change"();

CREATE TRIGGER "TkksdOpinion_append_only"
  BEFORE UPDATE OR DELETE ON "TkksdOpinion"
  FOR EACH ROW EXECUTE FUNCTION "sikerda_refuse_change"();
