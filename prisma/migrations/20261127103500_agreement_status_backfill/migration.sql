-- Domain §4.1: a KB signed while its case waits for the DPRD is not in force, and a DPRD refusal
-- ends it. Rows written before these statuses existed said BERLAKU (or DIAKHIRI after a refusal).
-- (A separate migration from the one adding the enum values: PostgreSQL cannot use a new enum
-- value in the transaction that adds it.)
UPDATE "Agreement" a
   SET "status" = 'MENUNGGU_DPRD', "updatedAt" = now()
  FROM "Case" c
 WHERE a."caseId" = c."id"
   AND a."type" = 'KB'
   AND a."status" = 'BERLAKU'
   AND c."stage" = 'PERSETUJUAN_DPRD';

-- The refused cooperation's signed naskah (the KB; the LoI of the foreign chain) never takes force.
UPDATE "Agreement" a
   SET "status" = 'DITOLAK_DPRD', "updatedAt" = now()
  FROM "Case" c
 WHERE a."caseId" = c."id"
   AND a."type" IN ('KB', 'LOI')
   AND a."status" IN ('BERLAKU', 'DIAKHIRI', 'MENUNGGU_DPRD')
   AND c."stage" = 'DITOLAK_DPRD';
