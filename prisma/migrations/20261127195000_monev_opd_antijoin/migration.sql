-- An OPD's monev flags of today, by case (lib/reports/queries.ts earliestDueReports): the anti-join
-- "reporting cases of the OPD without a flag of today" and the sum of dueReports are two index-only
-- ranges merged in case-id order (1.5 ms for 4,156 cases at 100k) instead of a bitmap scan of the
-- OPD's cases joined with the whole MonevFlag primary key (39–119 ms).
CREATE INDEX "MonevFlag_opdId_computedOn_caseId_dueReports_idx" ON "MonevFlag"("opdId", "computedOn", "caseId", "dueReports");

-- The reporting cases of an OPD in id order (partial: not deleted, in lib/reports/rules.ts
-- REPORTING_STAGES — an integration test compares the predicate with that list). Raw SQL: Prisma's
-- schema cannot declare a partial index (schema.prisma names it in a comment on model Case).
CREATE INDEX "Case_reporting_opdId_id_idx" ON "Case"("opdId", id)
  WHERE "deletedAt" IS NULL
    AND stage IN ('PELAKSANAAN', 'ADENDUM_PENYUSUNAN', 'ADENDUM_KAJIAN', 'ADENDUM_DPRD', 'ADENDUM_PENANDATANGANAN', 'BERAKHIR');
