-- CreateEnum
CREATE TYPE "Role" AS ENUM ('OPERATOR_OPD', 'KEPALA_OPD', 'STAF_KS', 'KABAG_KS', 'TKKSD', 'PIMPINAN', 'ADMIN');

-- CreateEnum
CREATE TYPE "CaseKind" AS ENUM ('KSDD', 'KSDPK', 'SINERGI', 'KSDPL', 'KSDLL');

-- CreateEnum
CREATE TYPE "KsddNature" AS ENUM ('WAJIB', 'SUKARELA');

-- CreateEnum
CREATE TYPE "KsdpkForm" AS ENUM ('PELAYANAN_PUBLIK', 'PENGELOLAAN_ASET', 'INVESTASI', 'LAINNYA');

-- CreateEnum
CREATE TYPE "Initiator" AS ENUM ('DAERAH', 'MITRA');

-- CreateEnum
CREATE TYPE "PartnerClass" AS ENUM ('PEMDA', 'KEMENTERIAN_LEMBAGA', 'PERGURUAN_TINGGI', 'BUMN', 'BUMD', 'SWASTA', 'ORMAS_LSM', 'PERORANGAN', 'PEMDA_LUAR_NEGERI', 'LEMBAGA_LUAR_NEGERI');

-- CreateEnum
CREATE TYPE "Stage" AS ENUM ('DRAF', 'PERSETUJUAN_OPD', 'VERIFIKASI', 'PERBAIKAN', 'KAJIAN_TKKSD', 'PENAWARAN', 'PENYUSUNAN_KB', 'PENANDATANGANAN_KB', 'PERSETUJUAN_DPRD', 'PENYUSUNAN_PKS', 'PENANDATANGANAN_PKS', 'PENYUSUNAN_NK', 'PENANDATANGANAN_NK', 'PENJAJAKAN_LOI', 'KONSULTASI_KEMENDAGRI', 'PEMBAHASAN_INTERKEMENTERIAN', 'PERSETUJUAN_PUSAT', 'PENANDATANGANAN_MOU', 'PELAKSANAAN', 'ADENDUM_PENYUSUNAN', 'ADENDUM_KAJIAN', 'ADENDUM_DPRD', 'ADENDUM_PENANDATANGANAN', 'BERAKHIR', 'SELESAI', 'DIAKHIRI', 'DITOLAK', 'BATAL', 'DITOLAK_DPRD');

-- CreateEnum
CREATE TYPE "AgreementType" AS ENUM ('KB', 'PKS', 'NK', 'RK', 'LOI', 'MOU', 'IA', 'ADENDUM');

-- CreateEnum
CREATE TYPE "AgreementStatus" AS ENUM ('DRAF', 'BERLAKU', 'BERAKHIR', 'DIAKHIRI', 'DIGANTI');

-- CreateEnum
CREATE TYPE "SignerType" AS ENUM ('KEPALA_DAERAH', 'PEJABAT_DIKUASAKAN');

-- CreateEnum
CREATE TYPE "FundingSource" AS ENUM ('APBD', 'APBN', 'MITRA', 'CSR', 'CAMPURAN', 'TANPA_BIAYA', 'LAINNYA');

-- CreateEnum
CREATE TYPE "TerminationGround" AS ENUM ('PARA_PIHAK_SEPAKAT', 'TUJUAN_TERCAPAI', 'KEADAAN_KAHAR', 'WANPRESTASI', 'DIGANTI_PERJANJIAN_BARU', 'PERATURAN_BARU', 'OBJEK_HILANG', 'MERUGIKAN_KEPENTINGAN_NASIONAL', 'JANGKA_WAKTU_BERAKHIR');

-- CreateEnum
CREATE TYPE "DocumentType" AS ENUM ('KAK', 'STUDI_KELAYAKAN', 'SK_PPKSD', 'SURAT_INISIASI', 'SURAT_PENAWARAN_MITRA', 'DISPOSISI', 'UNDANGAN_TKKSD', 'DAFTAR_HADIR_TKKSD', 'BERITA_ACARA_TKKSD', 'SURAT_PENAWARAN', 'SURAT_JAWABAN', 'DOKUMEN_LEGAL_MITRA', 'DRAF_KB', 'KB_DITANDATANGANI', 'SURAT_PERMOHONAN_DPRD', 'PERSETUJUAN_DPRD', 'DRAF_PKS', 'PKS_DITANDATANGANI', 'SURAT_KUASA', 'DRAF_NK', 'RENCANA_KERJA', 'NK_DITANDATANGANI', 'LOI', 'DATA_POTENSI_DAERAH', 'DATA_POTENSI_KERJA_SAMA', 'KAJIAN_PAKAR', 'RENCANA_AKSI', 'HASIL_KONSULTASI_KEMENDAGRI', 'HASIL_PEMBAHASAN_INTERKEMENTERIAN', 'PERSETUJUAN_PUSAT', 'FULL_POWER', 'DRAF_MOU', 'MOU_DITANDATANGANI', 'DRAF_ADENDUM', 'ADENDUM_DITANDATANGANI', 'LAPORAN_BERKALA', 'BUKTI_KEGIATAN', 'LAPORAN_AKHIR', 'BERITA_ACARA_PENGAKHIRAN', 'SURAT_PEMBERITAHUAN_PENGAKHIRAN', 'LAINNYA');

-- CreateEnum
CREATE TYPE "TkksdOpinionValue" AS ENUM ('LAYAK', 'TIDAK_LAYAK', 'PERBAIKAN');

-- CreateEnum
CREATE TYPE "Realization" AS ENUM ('PENUH', 'SEBAGIAN', 'TIDAK');

-- CreateEnum
CREATE TYPE "ReportRecommendation" AS ENUM ('LANJUTKAN', 'PERBAIKI', 'HENTIKAN');

-- CreateEnum
CREATE TYPE "ReportStatus" AS ENUM ('DRAF', 'DIAJUKAN', 'DITINJAU');

-- CreateEnum
CREATE TYPE "NotificationKind" AS ENUM ('AKAN_BERAKHIR', 'LAPORAN_JATUH_TEMPO', 'LAPORAN_TERLAMBAT', 'KB_TANPA_PKS', 'TAHAPAN_BERUBAH', 'PERLU_TINDAKAN');

-- CreateEnum
CREATE TYPE "NotificationChannel" AS ENUM ('IN_APP', 'EMAIL');

-- CreateTable
CREATE TABLE "Opd" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "shortName" TEXT NOT NULL,
    "code" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Opd_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "username" TEXT NOT NULL,
    "fullName" TEXT NOT NULL,
    "nip" TEXT,
    "email" TEXT,
    "role" "Role" NOT NULL,
    "opdId" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "sessionVersion" INTEGER NOT NULL DEFAULT 1,
    "passwordHash" TEXT NOT NULL,
    "passwordChangedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "failedLoginCount" INTEGER NOT NULL DEFAULT 0,
    "lastFailedLoginAt" TIMESTAMP(3),
    "lastLoginAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LoginAttempt" (
    "id" BIGSERIAL NOT NULL,
    "username" TEXT NOT NULL,
    "ip" TEXT NOT NULL,
    "success" BOOLEAN NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LoginAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Partner" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "partnerClass" "PartnerClass" NOT NULL,
    "legalForm" TEXT,
    "address" TEXT,
    "province" TEXT,
    "regency" TEXT,
    "country" TEXT NOT NULL DEFAULT 'Indonesia',
    "email" TEXT,
    "phone" TEXT,
    "website" TEXT,
    "registrationNumber" TEXT,
    "contact1Name" TEXT,
    "contact1Position" TEXT,
    "contact1Phone" TEXT,
    "contact1Email" TEXT,
    "contact2Name" TEXT,
    "contact2Position" TEXT,
    "contact2Phone" TEXT,
    "contact2Email" TEXT,
    "verified" BOOLEAN NOT NULL DEFAULT true,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "deletedAt" TIMESTAMP(3),
    "deletedById" TEXT,

    CONSTRAINT "Partner_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Case" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "kind" "CaseKind" NOT NULL,
    "ksddNature" "KsddNature",
    "ksdpkForm" "KsdpkForm",
    "initiator" "Initiator" NOT NULL DEFAULT 'DAERAH',
    "opdId" TEXT NOT NULL,
    "partnerId" TEXT,
    "subject" TEXT,
    "governmentAffair" TEXT,
    "purpose" TEXT,
    "scope" TEXT,
    "benefits" TEXT,
    "fundingSource" "FundingSource",
    "fundingAmount" DECIMAL(18,2),
    "fundingYear" INTEGER,
    "burdensPublic" BOOLEAN,
    "budgetedInApbd" BOOLEAN,
    "requiresDprd" BOOLEAN NOT NULL DEFAULT false,
    "proposedStart" DATE,
    "proposedEnd" DATE,
    "durationOverrideBasis" TEXT,
    "stage" "Stage" NOT NULL DEFAULT 'DRAF',
    "stageEnteredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "version" INTEGER NOT NULL DEFAULT 0,
    "lastReason" TEXT,
    "extendsCaseId" TEXT,
    "parentAgreementId" TEXT,
    "isArchive" BOOLEAN NOT NULL DEFAULT false,
    "terminationGround" "TerminationGround",
    "terminationDate" DATE,
    "submittedAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "deletedAt" TIMESTAMP(3),
    "deletedById" TEXT,

    CONSTRAINT "Case_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StageHistory" (
    "id" BIGSERIAL NOT NULL,
    "caseId" TEXT NOT NULL,
    "fromStage" "Stage",
    "toStage" "Stage" NOT NULL,
    "event" TEXT NOT NULL,
    "actorId" TEXT NOT NULL,
    "actorRole" "Role" NOT NULL,
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StageHistory_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TkksdOpinion" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "opinion" "TkksdOpinionValue" NOT NULL,
    "note" TEXT NOT NULL,
    "round" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TkksdOpinion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Agreement" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "type" "AgreementType" NOT NULL,
    "title" TEXT NOT NULL,
    "kind" "CaseKind" NOT NULL,
    "opdId" TEXT NOT NULL,
    "partnerId" TEXT,
    "status" "AgreementStatus" NOT NULL DEFAULT 'DRAF',
    "ourNumber" TEXT,
    "partnerNumber" TEXT,
    "signedAt" DATE,
    "signedPlace" TEXT,
    "signerType" "SignerType",
    "signerName" TEXT,
    "signerPosition" TEXT,
    "powerOfAttorneyDocumentId" TEXT,
    "partnerSignerName" TEXT,
    "partnerSignerPosition" TEXT,
    "startDate" DATE,
    "endDate" DATE,
    "version" INTEGER NOT NULL DEFAULT 1,
    "parentId" TEXT,
    "fundingSource" "FundingSource",
    "fundingAmount" DECIMAL(18,2),
    "dprdDecisionNumber" TEXT,
    "dprdDecisionDate" DATE,
    "content" JSONB,
    "terminatedAt" DATE,
    "terminationGround" "TerminationGround",
    "lastReportAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "deletedAt" TIMESTAMP(3),
    "deletedById" TEXT,

    CONSTRAINT "Agreement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Document" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "agreementId" TEXT,
    "reportId" TEXT,
    "stage" "Stage" NOT NULL,
    "type" "DocumentType" NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "locked" BOOLEAN NOT NULL DEFAULT false,
    "correctionReason" TEXT,
    "storageKey" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "mimeType" TEXT NOT NULL,
    "originalName" TEXT NOT NULL,
    "uploadedById" TEXT NOT NULL,
    "uploadedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deletedAt" TIMESTAMP(3),
    "deletedById" TEXT,

    CONSTRAINT "Document_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MonitoringReport" (
    "id" TEXT NOT NULL,
    "agreementId" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "periodStart" DATE NOT NULL,
    "periodEnd" DATE NOT NULL,
    "periodLabel" TEXT NOT NULL,
    "isFinal" BOOLEAN NOT NULL DEFAULT false,
    "realization" "Realization" NOT NULL,
    "outputAchieved" TEXT NOT NULL,
    "benefits" TEXT,
    "obstacles" TEXT,
    "followUp" TEXT,
    "recommendation" "ReportRecommendation" NOT NULL,
    "status" "ReportStatus" NOT NULL DEFAULT 'DRAF',
    "submittedById" TEXT NOT NULL,
    "submittedAt" TIMESTAMP(3),
    "reviewedById" TEXT,
    "reviewedAt" TIMESTAMP(3),
    "rating" INTEGER,
    "reviewNote" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "deletedAt" TIMESTAMP(3),
    "deletedById" TEXT,

    CONSTRAINT "MonitoringReport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" TEXT NOT NULL,
    "userId" TEXT,
    "opdId" TEXT,
    "kind" "NotificationKind" NOT NULL,
    "channel" "NotificationChannel" NOT NULL DEFAULT 'IN_APP',
    "caseId" TEXT,
    "agreementId" TEXT,
    "offsetDays" INTEGER,
    "idempotencyKey" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "readAt" TIMESTAMP(3),
    "emailSentAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Setting" (
    "key" TEXT NOT NULL,
    "value" JSONB NOT NULL,
    "updatedById" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Setting_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" BIGSERIAL NOT NULL,
    "actorId" TEXT,
    "action" TEXT NOT NULL,
    "entity" TEXT NOT NULL,
    "entityId" TEXT,
    "data" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NumberSequence" (
    "key" TEXT NOT NULL,
    "value" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "NumberSequence_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "Opd_name_key" ON "Opd"("name");

-- CreateIndex
CREATE UNIQUE INDEX "Opd_shortName_key" ON "Opd"("shortName");

-- CreateIndex
CREATE UNIQUE INDEX "Opd_code_key" ON "Opd"("code");

-- CreateIndex
CREATE UNIQUE INDEX "User_username_key" ON "User"("username");

-- CreateIndex
CREATE UNIQUE INDEX "User_nip_key" ON "User"("nip");

-- CreateIndex
CREATE INDEX "User_role_active_idx" ON "User"("role", "active");

-- CreateIndex
CREATE INDEX "User_opdId_role_idx" ON "User"("opdId", "role");

-- CreateIndex
CREATE INDEX "LoginAttempt_username_createdAt_idx" ON "LoginAttempt"("username", "createdAt");

-- CreateIndex
CREATE INDEX "LoginAttempt_ip_createdAt_idx" ON "LoginAttempt"("ip", "createdAt");

-- CreateIndex
CREATE INDEX "Partner_partnerClass_idx" ON "Partner"("partnerClass");

-- CreateIndex
CREATE INDEX "Partner_name_idx" ON "Partner"("name");

-- CreateIndex
CREATE UNIQUE INDEX "Case_code_key" ON "Case"("code");

-- CreateIndex
CREATE INDEX "Case_opdId_stage_idx" ON "Case"("opdId", "stage");

-- CreateIndex
CREATE INDEX "Case_stage_stageEnteredAt_idx" ON "Case"("stage", "stageEnteredAt");

-- CreateIndex
CREATE INDEX "Case_kind_stage_idx" ON "Case"("kind", "stage");

-- CreateIndex
CREATE INDEX "Case_partnerId_idx" ON "Case"("partnerId");

-- CreateIndex
CREATE INDEX "Case_createdAt_idx" ON "Case"("createdAt");

-- CreateIndex
CREATE INDEX "Case_parentAgreementId_idx" ON "Case"("parentAgreementId");

-- CreateIndex
CREATE INDEX "Case_extendsCaseId_idx" ON "Case"("extendsCaseId");

-- CreateIndex
CREATE INDEX "StageHistory_caseId_createdAt_idx" ON "StageHistory"("caseId", "createdAt");

-- CreateIndex
CREATE INDEX "StageHistory_actorId_createdAt_idx" ON "StageHistory"("actorId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "TkksdOpinion_caseId_memberId_round_key" ON "TkksdOpinion"("caseId", "memberId", "round");

-- CreateIndex
CREATE UNIQUE INDEX "Agreement_powerOfAttorneyDocumentId_key" ON "Agreement"("powerOfAttorneyDocumentId");

-- CreateIndex
CREATE INDEX "Agreement_status_endDate_idx" ON "Agreement"("status", "endDate");

-- CreateIndex
CREATE INDEX "Agreement_opdId_status_idx" ON "Agreement"("opdId", "status");

-- CreateIndex
CREATE INDEX "Agreement_partnerId_idx" ON "Agreement"("partnerId");

-- CreateIndex
CREATE INDEX "Agreement_caseId_idx" ON "Agreement"("caseId");

-- CreateIndex
CREATE INDEX "Agreement_parentId_idx" ON "Agreement"("parentId");

-- CreateIndex
CREATE INDEX "Agreement_type_status_idx" ON "Agreement"("type", "status");

-- CreateIndex
CREATE INDEX "Agreement_kind_status_idx" ON "Agreement"("kind", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Document_storageKey_key" ON "Document"("storageKey");

-- CreateIndex
CREATE INDEX "Document_caseId_stage_idx" ON "Document"("caseId", "stage");

-- CreateIndex
CREATE INDEX "Document_caseId_type_version_idx" ON "Document"("caseId", "type", "version");

-- CreateIndex
CREATE INDEX "Document_agreementId_idx" ON "Document"("agreementId");

-- CreateIndex
CREATE INDEX "Document_reportId_idx" ON "Document"("reportId");

-- CreateIndex
CREATE INDEX "MonitoringReport_agreementId_periodEnd_idx" ON "MonitoringReport"("agreementId", "periodEnd");

-- CreateIndex
CREATE INDEX "MonitoringReport_caseId_idx" ON "MonitoringReport"("caseId");

-- CreateIndex
CREATE INDEX "MonitoringReport_status_idx" ON "MonitoringReport"("status");

-- CreateIndex
CREATE UNIQUE INDEX "Notification_idempotencyKey_key" ON "Notification"("idempotencyKey");

-- CreateIndex
CREATE INDEX "Notification_userId_readAt_createdAt_idx" ON "Notification"("userId", "readAt", "createdAt");

-- CreateIndex
CREATE INDEX "Notification_agreementId_idx" ON "Notification"("agreementId");

-- CreateIndex
CREATE INDEX "AuditEvent_entity_entityId_idx" ON "AuditEvent"("entity", "entityId");

-- CreateIndex
CREATE INDEX "AuditEvent_createdAt_idx" ON "AuditEvent"("createdAt");

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_opdId_fkey" FOREIGN KEY ("opdId") REFERENCES "Opd"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Case" ADD CONSTRAINT "Case_opdId_fkey" FOREIGN KEY ("opdId") REFERENCES "Opd"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Case" ADD CONSTRAINT "Case_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Case" ADD CONSTRAINT "Case_extendsCaseId_fkey" FOREIGN KEY ("extendsCaseId") REFERENCES "Case"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Case" ADD CONSTRAINT "Case_parentAgreementId_fkey" FOREIGN KEY ("parentAgreementId") REFERENCES "Agreement"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Case" ADD CONSTRAINT "Case_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StageHistory" ADD CONSTRAINT "StageHistory_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StageHistory" ADD CONSTRAINT "StageHistory_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TkksdOpinion" ADD CONSTRAINT "TkksdOpinion_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TkksdOpinion" ADD CONSTRAINT "TkksdOpinion_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Agreement" ADD CONSTRAINT "Agreement_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Agreement" ADD CONSTRAINT "Agreement_opdId_fkey" FOREIGN KEY ("opdId") REFERENCES "Opd"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Agreement" ADD CONSTRAINT "Agreement_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Agreement" ADD CONSTRAINT "Agreement_powerOfAttorneyDocumentId_fkey" FOREIGN KEY ("powerOfAttorneyDocumentId") REFERENCES "Document"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Agreement" ADD CONSTRAINT "Agreement_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Agreement"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Document" ADD CONSTRAINT "Document_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Document" ADD CONSTRAINT "Document_agreementId_fkey" FOREIGN KEY ("agreementId") REFERENCES "Agreement"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Document" ADD CONSTRAINT "Document_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "MonitoringReport"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Document" ADD CONSTRAINT "Document_uploadedById_fkey" FOREIGN KEY ("uploadedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MonitoringReport" ADD CONSTRAINT "MonitoringReport_agreementId_fkey" FOREIGN KEY ("agreementId") REFERENCES "Agreement"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MonitoringReport" ADD CONSTRAINT "MonitoringReport_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MonitoringReport" ADD CONSTRAINT "MonitoringReport_submittedById_fkey" FOREIGN KEY ("submittedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MonitoringReport" ADD CONSTRAINT "MonitoringReport_reviewedById_fkey" FOREIGN KEY ("reviewedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_agreementId_fkey" FOREIGN KEY ("agreementId") REFERENCES "Agreement"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Append-only audit tables (targets.md: "History/audit rows are append-only"). The app has no
-- update/delete path; this trigger makes the database refuse one too. TRUNCATE (tests) is unaffected.
CREATE FUNCTION "sikerda_refuse_change"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'Tabel % hanya dapat ditambah (append-only): % ditolak', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER "StageHistory_append_only"
  BEFORE UPDATE OR DELETE ON "StageHistory"
  FOR EACH ROW EXECUTE FUNCTION "sikerda_refuse_change"();

CREATE TRIGGER "AuditEvent_append_only"
  BEFORE UPDATE OR DELETE ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION "sikerda_refuse_change"();
