-- CreateTable
CREATE TABLE "MonevFlag" (
    "caseId" TEXT NOT NULL,
    "agreementId" TEXT NOT NULL,
    "withoutReport" BOOLEAN NOT NULL,
    "lateReports" INTEGER NOT NULL,
    "computedOn" DATE NOT NULL,
    "computedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MonevFlag_pkey" PRIMARY KEY ("caseId")
);

-- CreateIndex
CREATE INDEX "MonevFlag_withoutReport_idx" ON "MonevFlag"("withoutReport");

-- CreateIndex
CREATE INDEX "MonevFlag_lateReports_idx" ON "MonevFlag"("lateReports");

-- AddForeignKey
ALTER TABLE "MonevFlag" ADD CONSTRAINT "MonevFlag_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
