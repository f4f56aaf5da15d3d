-- The register's filters and sorts that read tens of thousands of rows at 100k (npm run bench, register
-- section; lib/register/sql.ts):
-- "urut=judul": ORDER BY title, id had no index (a sort of every row, 174 ms).
CREATE INDEX "Case_title_id_idx" ON "Case"("title", "id");

-- "urut=ditandatangani" orders by "mainSignedAt" DESC NULLS LAST, id DESC; the old index was DESC
-- NULLS FIRST (Prisma's default for DESC), so it served no page (133 ms with the year filter).
-- Same name, same columns, the order the query asks for (Prisma's schema cannot say NULLS LAST).
DROP INDEX "Case_mainSignedAt_id_idx";
CREATE INDEX "Case_mainSignedAt_id_idx" ON "Case"("mainSignedAt" DESC NULLS LAST, "id" DESC);

-- "status=BELUM_BERLAKU": "mainStatus" = 'BERLAKU' AND "mainStartDate" > today — a few rows, found
-- by one index range instead of a sequential scan (85–124 ms).
CREATE INDEX "Case_mainStatus_mainStartDate_idx" ON "Case"("mainStatus", "mainStartDate");

-- The default order (newest change first) carries "mainSignedAt": a year filter ("tahun") is checked
-- on the index entries, so the 26 rows of a page are found without fetching the ~50,000 rows that
-- were changed more recently but signed in another year (104 ms → 3 ms). Replaces the index on
-- ("updatedAt" DESC, id DESC): same leading columns, the same keyset and orders are served.
DROP INDEX "Case_updatedAt_id_idx";
CREATE INDEX "Case_updatedAt_id_mainSignedAt_idx" ON "Case"("updatedAt" DESC, "id" DESC, "mainSignedAt");
