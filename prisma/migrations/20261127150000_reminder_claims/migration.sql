-- CreateTable
CREATE TABLE "Reminder" (
    "key" TEXT NOT NULL,
    "kind" "NotificationKind" NOT NULL,
    "caseId" TEXT,
    "agreementId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Reminder_pkey" PRIMARY KEY ("key")
);
