-- Perlu Tindakan (lib/cases/inbox.ts) and the home page count per stage with index-only scans that
-- stop at the cap: every column of their conditions is in the index.
CREATE INDEX "Case_inbox_idx" ON "Case"("stage", "kind", "initiator", "opdId", "deletedAt");
