-- Register (Daftar Kerja Sama) and partner master (issue 7 §1–§2).
--
-- 1. Search: PostgreSQL full-text search with the `indonesian` configuration (a snowball stemmer
--    shipped with PostgreSQL since 12; created below the standard way if a server lacks it) and
--    pg_trgm (a trusted extension: the owner of the database may create it) for parts of names
--    and document numbers.
-- 2. Register summary on "Case": the partner's name and class and the case's MAIN NASKAH (type,
--    status, both numbers, signing date, period) plus every number of every naskah, so the list,
--    its filters, its count and its export are single-table queries with indexes. These columns
--    are DERIVED and maintained only by the triggers below, on Case, Agreement and Partner, so
--    every writer (services, seed, bench generator, imports, the daily job, a DBA's UPDATE) keeps
--    them right without calling anything. The triggers are ENABLE ALWAYS: they also fire under
--    session_replication_role = replica, which bulk loaders use to skip foreign-key checks.
--    Main naskah = the case's operative instrument: a signed text before a draft (DIGANTI after the
--    others), then PKS > MoU > NK > KB > IA, then the latest signed. RK (it runs with its NK), the
--    LoI (a statement of intent, not an agreement) and adendum texts are never the main naskah;
--    their numbers are still searchable.
-- 3. Partner: the OPD that requested an unverified partner, verification, merge (mergedIntoId +
--    soft delete), a normalised name for the similar-name warning, legal documents.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'indonesian') THEN
    -- As PostgreSQL's own snowball_create.sql defines it (fails clearly if the server's snowball has no Indonesian).
    CREATE TEXT SEARCH DICTIONARY indonesian_stem (TEMPLATE = snowball, Language = indonesian);
    CREATE TEXT SEARCH CONFIGURATION indonesian (PARSER = default);
    ALTER TEXT SEARCH CONFIGURATION indonesian ADD MAPPING
      FOR email, url, url_path, host, file, version, sfloat, float, int, uint, numword, hword_numpart, numhword WITH simple;
    ALTER TEXT SEARCH CONFIGURATION indonesian ADD MAPPING FOR asciiword, hword_asciipart, asciihword WITH indonesian_stem;
    ALTER TEXT SEARCH CONFIGURATION indonesian ADD MAPPING FOR word, hword_part, hword WITH indonesian_stem;
  END IF;
END $$;

-- CreateEnum
CREATE TYPE "PartnerDocumentType" AS ENUM ('AKTA_PENDIRIAN', 'AKTA_PERUBAHAN', 'SK_PENGESAHAN', 'NIB', 'NPWP', 'SK_PEMBENTUKAN', 'IZIN_USAHA', 'LAINNYA');

-- AlterTable
ALTER TABLE "Case" ADD COLUMN     "agreementNumbers" TEXT,
ADD COLUMN     "mainAgreementId" TEXT,
ADD COLUMN     "mainEndDate" DATE,
ADD COLUMN     "mainOurNumber" TEXT,
ADD COLUMN     "mainPartnerNumber" TEXT,
ADD COLUMN     "mainSignedAt" DATE,
ADD COLUMN     "mainStartDate" DATE,
ADD COLUMN     "mainStatus" "AgreementStatus",
ADD COLUMN     "mainType" "AgreementType",
ADD COLUMN     "partnerClass" "PartnerClass",
ADD COLUMN     "partnerName" TEXT,
ADD COLUMN     "searchText" TEXT,
ADD COLUMN     "searchVector" tsvector;

-- AlterTable
ALTER TABLE "Partner" ADD COLUMN     "mergedIntoId" TEXT,
ADD COLUMN     "nameKey" TEXT,
ADD COLUMN     "requestedByOpdId" TEXT,
ADD COLUMN     "verifiedAt" TIMESTAMP(3),
ADD COLUMN     "verifiedById" TEXT;

-- CreateTable
CREATE TABLE "PartnerDocument" (
    "id" TEXT NOT NULL,
    "partnerId" TEXT NOT NULL,
    "type" "PartnerDocumentType" NOT NULL,
    "number" TEXT,
    "storageKey" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "mimeType" TEXT NOT NULL,
    "originalName" TEXT NOT NULL,
    "uploadedById" TEXT NOT NULL,
    "uploadedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deletedAt" TIMESTAMP(3),
    "deletedById" TEXT,

    CONSTRAINT "PartnerDocument_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PartnerDocument_storageKey_key" ON "PartnerDocument"("storageKey");

-- CreateIndex
CREATE INDEX "PartnerDocument_partnerId_uploadedAt_idx" ON "PartnerDocument"("partnerId", "uploadedAt");

-- CreateIndex
CREATE INDEX "Partner_verified_name_idx" ON "Partner"("verified", "name");

-- CreateIndex
CREATE INDEX "Partner_requestedByOpdId_idx" ON "Partner"("requestedByOpdId");

-- CreateIndex
CREATE INDEX "Partner_mergedIntoId_idx" ON "Partner"("mergedIntoId");

-- CreateIndex
CREATE INDEX "Partner_nameKey_trgm_idx" ON "Partner" USING GIN ("nameKey" gin_trgm_ops);

-- AddForeignKey
ALTER TABLE "Partner" ADD CONSTRAINT "Partner_requestedByOpdId_fkey" FOREIGN KEY ("requestedByOpdId") REFERENCES "Opd"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Partner" ADD CONSTRAINT "Partner_mergedIntoId_fkey" FOREIGN KEY ("mergedIntoId") REFERENCES "Partner"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PartnerDocument" ADD CONSTRAINT "PartnerDocument_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PartnerDocument" ADD CONSTRAINT "PartnerDocument_uploadedById_fkey" FOREIGN KEY ("uploadedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- ───────────────────────────── Partner: normalised name ─────────────────────────────
-- "PT. Tirta Sejahtera (Persero) Tbk" → "tirta sejahtera": legal-form words and punctuation do
-- not make two partners different. Kabupaten/Kota stay (Kota X and Kabupaten X both exist).
CREATE FUNCTION sikerda_partner_name_key(name text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $fn$
  SELECT btrim(regexp_replace(
    regexp_replace(
      regexp_replace(lower(coalesce(name, '')), '[^[:alnum:]]+', ' ', 'g'),
      '\m(pt|cv|tbk|persero|perseroda|perum|perumda|ud|fa|firma|yayasan|koperasi|perkumpulan|pemerintah|pemkab|pemkot|pemprov)\M', ' ', 'g'),
    '\s+', ' ', 'g'))
$fn$;

CREATE FUNCTION sikerda_partner_row() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, public AS $fn$
BEGIN
  NEW."nameKey" := sikerda_partner_name_key(NEW.name);
  RETURN NEW;
END
$fn$;

CREATE TRIGGER "Partner_name_key"
  BEFORE INSERT OR UPDATE ON "Partner"
  FOR EACH ROW EXECUTE FUNCTION sikerda_partner_row();

-- ───────────────────────────── Case: register summary ─────────────────────────────
-- The derived columns may be written only while sikerda.register_refresh = 'on' (set by the
-- refresh functions below, transaction-local); any other write keeps the derived values.
CREATE FUNCTION sikerda_case_register_row() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, public AS $fn$
DECLARE
  refreshing boolean := coalesce(current_setting('sikerda.register_refresh', true), '') = 'on';
  partner record;
BEGIN
  IF NOT refreshing THEN
    IF TG_OP = 'INSERT' THEN
      -- A new case has no naskah yet (Agreement references Case).
      NEW."mainAgreementId" := NULL; NEW."mainType" := NULL; NEW."mainStatus" := NULL;
      NEW."mainOurNumber" := NULL; NEW."mainPartnerNumber" := NULL; NEW."mainSignedAt" := NULL;
      NEW."mainStartDate" := NULL; NEW."mainEndDate" := NULL; NEW."agreementNumbers" := NULL;
    ELSE
      NEW."mainAgreementId" := OLD."mainAgreementId"; NEW."mainType" := OLD."mainType"; NEW."mainStatus" := OLD."mainStatus";
      NEW."mainOurNumber" := OLD."mainOurNumber"; NEW."mainPartnerNumber" := OLD."mainPartnerNumber";
      NEW."mainSignedAt" := OLD."mainSignedAt"; NEW."mainStartDate" := OLD."mainStartDate";
      NEW."mainEndDate" := OLD."mainEndDate"; NEW."agreementNumbers" := OLD."agreementNumbers";
    END IF;
  END IF;
  IF TG_OP = 'INSERT' OR refreshing OR NEW."partnerId" IS DISTINCT FROM OLD."partnerId" THEN
    SELECT p.name, p."partnerClass" INTO partner FROM "Partner" p WHERE p.id = NEW."partnerId";
    NEW."partnerName" := partner.name;
    NEW."partnerClass" := partner."partnerClass";
  ELSE
    NEW."partnerName" := OLD."partnerName";
    NEW."partnerClass" := OLD."partnerClass";
  END IF;
  -- Words (stemmed): recomputed only when a text they come from changes — not when a naskah is signed.
  IF TG_OP = 'INSERT' OR OLD."searchVector" IS NULL
     OR NEW.title IS DISTINCT FROM OLD.title OR NEW.subject IS DISTINCT FROM OLD.subject
     OR NEW.scope IS DISTINCT FROM OLD.scope OR NEW."governmentAffair" IS DISTINCT FROM OLD."governmentAffair"
     OR NEW."partnerName" IS DISTINCT FROM OLD."partnerName" THEN
    NEW."searchVector" :=
         setweight(to_tsvector('indonesian', coalesce(NEW.title, '')), 'A')
      || setweight(to_tsvector('indonesian', coalesce(NEW."partnerName", '')), 'A')
      || setweight(to_tsvector('indonesian', concat_ws(' ', NEW.subject, NEW."governmentAffair")), 'B')
      || setweight(to_tsvector('indonesian', coalesce(NEW.scope, '')), 'C');
  ELSE
    NEW."searchVector" := OLD."searchVector";
  END IF;
  -- Codes, names and numbers, matched in part by trigrams (pg_trgm).
  IF TG_OP = 'INSERT' OR OLD."searchText" IS NULL
     OR NEW.code IS DISTINCT FROM OLD.code OR NEW.title IS DISTINCT FROM OLD.title
     OR NEW."partnerName" IS DISTINCT FROM OLD."partnerName"
     OR NEW."agreementNumbers" IS DISTINCT FROM OLD."agreementNumbers" THEN
    NEW."searchText" := lower(concat_ws(' ', NEW.code, NEW.title, NEW."partnerName", NEW."agreementNumbers"));
  ELSE
    NEW."searchText" := OLD."searchText";
  END IF;
  RETURN NEW;
END
$fn$;

CREATE TRIGGER "Case_register_row"
  BEFORE INSERT OR UPDATE ON "Case"
  FOR EACH ROW EXECUTE FUNCTION sikerda_case_register_row();

-- Recomputes the main naskah and the numbers of the given cases (writes only what changed).
-- Two plans for one result: a few cases (every service call) probe the Agreement index per case;
-- a bulk statement (an import, the bench generator, a migration) must not do that per row on a
-- table whose statistics are not there yet, so it joins set-wise with nested loops switched off
-- for that one statement (hash joins: every table read once).
CREATE FUNCTION sikerda_register_refresh(case_ids text[]) RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog, public AS $fn$
DECLARE
  nestloop text;
BEGIN
  IF case_ids IS NULL OR cardinality(case_ids) = 0 THEN RETURN; END IF;
  PERFORM set_config('sikerda.register_refresh', 'on', true);
  IF cardinality(case_ids) <= 500 THEN
    UPDATE "Case" c SET
      "mainAgreementId" = m.id, "mainType" = m.type, "mainStatus" = m.status,
      "mainOurNumber" = m."ourNumber", "mainPartnerNumber" = m."partnerNumber", "mainSignedAt" = m."signedAt",
      "mainStartDate" = m."startDate", "mainEndDate" = m."endDate", "agreementNumbers" = n.numbers
    FROM (SELECT DISTINCT x AS case_id FROM unnest(case_ids) x WHERE x IS NOT NULL) ids
    LEFT JOIN LATERAL (
      SELECT a.id, a.type, a.status, a."ourNumber", a."partnerNumber", a."signedAt", a."startDate", a."endDate"
        FROM "Agreement" a
       WHERE a."caseId" = ids.case_id AND a."deletedAt" IS NULL AND a.type IN ('PKS', 'MOU', 'NK', 'KB', 'IA')
       ORDER BY CASE a.status WHEN 'DRAF' THEN 2 WHEN 'DIGANTI' THEN 1 ELSE 0 END,
                CASE a.type WHEN 'PKS' THEN 0 WHEN 'MOU' THEN 1 WHEN 'NK' THEN 2 WHEN 'KB' THEN 3 ELSE 4 END,
                a."signedAt" DESC NULLS LAST, a."createdAt" DESC, a.id DESC
       LIMIT 1
    ) m ON true
    LEFT JOIN LATERAL (
      SELECT string_agg(concat_ws(' ', a."ourNumber", a."partnerNumber"), ' ' ORDER BY a."createdAt", a.id) AS numbers
        FROM "Agreement" a
       WHERE a."caseId" = ids.case_id AND a."deletedAt" IS NULL
         AND (a."ourNumber" IS NOT NULL OR a."partnerNumber" IS NOT NULL)
    ) n ON true
    WHERE c.id = ids.case_id
      AND (c."mainAgreementId", c."mainType", c."mainStatus", c."mainOurNumber", c."mainPartnerNumber", c."mainSignedAt",
           c."mainStartDate", c."mainEndDate", c."agreementNumbers")
          IS DISTINCT FROM
          (m.id, m.type, m.status, m."ourNumber", m."partnerNumber", m."signedAt", m."startDate", m."endDate", n.numbers);
  ELSE
    nestloop := current_setting('enable_nestloop');
    PERFORM set_config('enable_nestloop', 'off', true);
    UPDATE "Case" c SET
      "mainAgreementId" = s.id, "mainType" = s.type, "mainStatus" = s.status,
      "mainOurNumber" = s."ourNumber", "mainPartnerNumber" = s."partnerNumber", "mainSignedAt" = s."signedAt",
      "mainStartDate" = s."startDate", "mainEndDate" = s."endDate", "agreementNumbers" = s.numbers
    FROM (
      SELECT ids.case_id, m.id, m.type, m.status, m."ourNumber", m."partnerNumber", m."signedAt", m."startDate", m."endDate", n.numbers
        FROM (SELECT DISTINCT x AS case_id FROM unnest(case_ids) x WHERE x IS NOT NULL) ids
        LEFT JOIN (
          SELECT DISTINCT ON (a."caseId") a."caseId", a.id, a.type, a.status, a."ourNumber", a."partnerNumber", a."signedAt",
                 a."startDate", a."endDate"
            FROM "Agreement" a
           WHERE a."caseId" = ANY (case_ids) AND a."deletedAt" IS NULL AND a.type IN ('PKS', 'MOU', 'NK', 'KB', 'IA')
           ORDER BY a."caseId",
                    CASE a.status WHEN 'DRAF' THEN 2 WHEN 'DIGANTI' THEN 1 ELSE 0 END,
                    CASE a.type WHEN 'PKS' THEN 0 WHEN 'MOU' THEN 1 WHEN 'NK' THEN 2 WHEN 'KB' THEN 3 ELSE 4 END,
                    a."signedAt" DESC NULLS LAST, a."createdAt" DESC, a.id DESC
        ) m ON m."caseId" = ids.case_id
        LEFT JOIN (
          SELECT a."caseId", string_agg(concat_ws(' ', a."ourNumber", a."partnerNumber"), ' ' ORDER BY a."createdAt", a.id) AS numbers
            FROM "Agreement" a
           WHERE a."caseId" = ANY (case_ids) AND a."deletedAt" IS NULL
             AND (a."ourNumber" IS NOT NULL OR a."partnerNumber" IS NOT NULL)
           GROUP BY a."caseId"
        ) n ON n."caseId" = ids.case_id
    ) s
    WHERE c.id = s.case_id
      AND (c."mainAgreementId", c."mainType", c."mainStatus", c."mainOurNumber", c."mainPartnerNumber", c."mainSignedAt",
           c."mainStartDate", c."mainEndDate", c."agreementNumbers")
          IS DISTINCT FROM
          (s.id, s.type, s.status, s."ourNumber", s."partnerNumber", s."signedAt", s."startDate", s."endDate", s.numbers);
    PERFORM set_config('enable_nestloop', nestloop, true);
  END IF;
  PERFORM set_config('sikerda.register_refresh', '', true);
END
$fn$;

-- Re-reads the partner's name and class into its cases (after a rename or a class change).
CREATE FUNCTION sikerda_register_refresh_partners(partner_ids text[]) RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog, public AS $fn$
BEGIN
  IF partner_ids IS NULL OR cardinality(partner_ids) = 0 THEN RETURN; END IF;
  PERFORM set_config('sikerda.register_refresh', 'on', true);
  UPDATE "Case" c SET "partnerId" = c."partnerId" WHERE c."partnerId" = ANY (partner_ids);
  PERFORM set_config('sikerda.register_refresh', '', true);
END
$fn$;

-- Agreement: statement-level triggers with transition tables (one refresh per statement, so a
-- bulk INSERT … SELECT of 100k naskah is one set-based UPDATE, not 100k).
CREATE FUNCTION sikerda_agreement_register_ins() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, public AS $fn$
BEGIN
  PERFORM sikerda_register_refresh(ARRAY(SELECT DISTINCT "caseId" FROM new_rows));
  RETURN NULL;
END
$fn$;

CREATE FUNCTION sikerda_agreement_register_upd() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, public AS $fn$
BEGIN
  PERFORM sikerda_register_refresh(ARRAY(SELECT "caseId" FROM new_rows UNION SELECT "caseId" FROM old_rows));
  RETURN NULL;
END
$fn$;

CREATE FUNCTION sikerda_agreement_register_del() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, public AS $fn$
BEGIN
  PERFORM sikerda_register_refresh(ARRAY(SELECT DISTINCT "caseId" FROM old_rows));
  RETURN NULL;
END
$fn$;

CREATE TRIGGER "Agreement_register_insert" AFTER INSERT ON "Agreement"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION sikerda_agreement_register_ins();
CREATE TRIGGER "Agreement_register_update" AFTER UPDATE ON "Agreement"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION sikerda_agreement_register_upd();
CREATE TRIGGER "Agreement_register_delete" AFTER DELETE ON "Agreement"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION sikerda_agreement_register_del();

CREATE FUNCTION sikerda_partner_register_upd() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, public AS $fn$
BEGIN
  PERFORM sikerda_register_refresh_partners(ARRAY(
    SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
     WHERE n.name IS DISTINCT FROM o.name OR n."partnerClass" IS DISTINCT FROM o."partnerClass"));
  RETURN NULL;
END
$fn$;

CREATE TRIGGER "Partner_register_update" AFTER UPDATE ON "Partner"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION sikerda_partner_register_upd();

-- Fire under session_replication_role = replica too (bulk loads), see the header.
ALTER TABLE "Partner" ENABLE ALWAYS TRIGGER "Partner_name_key";
ALTER TABLE "Partner" ENABLE ALWAYS TRIGGER "Partner_register_update";
ALTER TABLE "Case" ENABLE ALWAYS TRIGGER "Case_register_row";
ALTER TABLE "Agreement" ENABLE ALWAYS TRIGGER "Agreement_register_insert";
ALTER TABLE "Agreement" ENABLE ALWAYS TRIGGER "Agreement_register_update";
ALTER TABLE "Agreement" ENABLE ALWAYS TRIGGER "Agreement_register_delete";

-- ───────────────────────────── Backfill ─────────────────────────────
UPDATE "Partner" SET "nameKey" = sikerda_partner_name_key(name);
-- Requests made before this migration: the requesting user's OPD.
UPDATE "Partner" p SET "requestedByOpdId" = u."opdId"
  FROM "User" u WHERE u.id = p."createdById" AND NOT p.verified AND u."opdId" IS NOT NULL;
-- Partner columns and search text of every case, then the main naskah.
DO $$
BEGIN
  PERFORM set_config('sikerda.register_refresh', 'on', true);
  UPDATE "Case" SET "partnerId" = "partnerId";
  PERFORM set_config('sikerda.register_refresh', '', true);
  PERFORM sikerda_register_refresh(ARRAY(SELECT id FROM "Case"));
END $$;

-- CreateIndex
CREATE INDEX "Case_searchVector_idx" ON "Case" USING GIN ("searchVector");

-- CreateIndex
CREATE INDEX "Case_searchText_trgm_idx" ON "Case" USING GIN ("searchText" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Case_mainStatus_mainEndDate_idx" ON "Case"("mainStatus", "mainEndDate");

-- CreateIndex
CREATE INDEX "Case_mainSignedAt_id_idx" ON "Case"("mainSignedAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Case_mainEndDate_id_idx" ON "Case"("mainEndDate", "id");

-- CreateIndex
CREATE INDEX "Case_partnerClass_idx" ON "Case"("partnerClass");

-- CreateIndex
CREATE INDEX "Case_governmentAffair_idx" ON "Case"("governmentAffair");

