-- Hand-off notifications through a transactional outbox (issue 9: transitions at 10 concurrent): the
-- transition writes one HandoffEvent row; lib/notifications/handoff.ts fans it out after commit.
CREATE TABLE "HandoffEvent" (
    "id" BIGSERIAL NOT NULL,
    "caseId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "fromStage" "Stage" NOT NULL,
    "toStage" "Stage" NOT NULL,
    "actorId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "HandoffEvent_pkey" PRIMARY KEY ("id")
);

-- No query reads notifications by agreement (agreements are never deleted), and every notification
-- insert paid for this index.
DROP INDEX "Notification_agreementId_idx";
