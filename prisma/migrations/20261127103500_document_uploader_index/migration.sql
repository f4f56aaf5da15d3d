-- CreateIndex
CREATE INDEX "Document_uploadedById_uploadedAt_idx" ON "Document"("uploadedById", "uploadedAt");
