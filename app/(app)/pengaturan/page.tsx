import { SmtpStatusCard } from "@/components/settings/smtp-status";
import { smtpStatus } from "@/lib/notifications/mailer";
import { outboxCounts } from "@/lib/notifications/queries";
import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { MonitoringForm, NaskahForm, NumberPatternsForm, RegionForm, SecurityForm } from "@/components/settings/group-forms";
import { RequiredDocumentsForm } from "@/components/settings/required-documents-form";
import { SettingsHistory } from "@/components/settings/settings-history";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/policy";
import { requirePermission } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import type { CaseKind } from "@/lib/generated/prisma/enums";
import {
  CASE_KINDS, GROUP_PERMISSION, GROUP_TITLES, SETTING_GROUPS, configurableStages, groupFormValues, requirableTypes, type SettingGroup,
} from "@/lib/settings/groups";
import { listSettingsHistory } from "@/lib/settings/history";
import { getSettings } from "@/lib/settings/service";
import { groupVersion } from "@/lib/settings/update";
import { DOCUMENT_LABELS } from "@/lib/workflow/documents";
import { KIND_LABELS, STAGE_LABELS } from "@/lib/workflow/stages";
import * as actions from "./actions";

export const metadata: Metadata = { title: "Pengaturan" };

const DESCRIPTIONS: Record<SettingGroup, string> = {
  wilayah: "Identitas pemerintah daerah dan zona waktunya (WIB/WITA/WIT).",
  pemantauan: "Pengingat masa berlaku, periode dan tenggat laporan pelaksanaan, serta penanda KB yang belum ditindaklanjuti.",
  naskah: "Batas jangka waktu PKS, batas jawaban DPRD, dan penentuan jenis kerja sama.",
  nomor: "Penanda yang dapat dipakai: {klasifikasi}, {urut}, {unit}, {tahun}. Pola ditampilkan sebagai contoh pada isian nomor naskah.",
  dokumen: "Dokumen yang harus sudah diunggah sebelum usulan dapat meninggalkan tahapan (PP 28/2018; Permendagri 22/2020 dan 25/2020).",
  keamanan: "Verifikasi dua langkah untuk peran yang mengubah aturan dan akun.",
};

const ACTION_OF = {
  wilayah: actions.saveRegionSettingsAction,
  pemantauan: actions.saveMonitoringSettingsAction,
  naskah: actions.saveNaskahSettingsAction,
  nomor: actions.saveNumberPatternsAction,
  dokumen: actions.saveRequiredDocumentsAction,
  keamanan: actions.saveSecuritySettingsAction,
} as const;

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function PengaturanPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requirePermission("settings.read");
  const sp = await searchParams;
  const kind: CaseKind = (CASE_KINDS as readonly string[]).includes(String(sp.jenis)) ? (sp.jenis as CaseKind) : "KSDD";
  const db = getDb();
  const [settings, history, versions] = await Promise.all([
    getSettings(),
    listSettingsHistory(db),
    Promise.all(SETTING_GROUPS.map(async (g) => [g, await groupVersion(db, g)] as const)).then((e) => Object.fromEntries(e) as Record<SettingGroup, number>),
  ]);
  const saved = SETTING_GROUPS.find((g) => g === sp.tersimpan);
  const common = (g: SettingGroup) => ({
    action: ACTION_OF[g],
    version: versions[g],
    values: groupFormValues(g, settings, kind),
    editable: can(actor, GROUP_PERMISSION[g]),
    // A new version after a save re-mounts the form with the stored values.
    key: `${g}-${versions[g]}-${kind}`,
  });
  const stages = configurableStages(kind).map((stage) => ({
    stage,
    label: STAGE_LABELS[stage],
    types: requirableTypes(stage).map((t) => ({ value: t, label: DOCUMENT_LABELS[t] })),
  }));
  const chosen = (settings.requiredDocuments[kind] ?? {}) as Record<string, string[]>;

  return (
    <>
      <PageHeader
        title="Pengaturan"
        description="Aturan yang dapat disesuaikan dengan peraturan daerah. Perubahan berlaku pada permintaan berikutnya dan tercatat pada riwayat di bagian bawah halaman."
      />
      {saved && <Alert tone="success" announce className="mb-6" title={`Pengaturan ${GROUP_TITLES[saved]} telah disimpan.`} />}
      <nav aria-label="Bagian pengaturan" className="mb-6">
        <ul className="flex flex-wrap gap-x-4 gap-y-2 text-sm">
          {[...SETTING_GROUPS, "surel", "riwayat"].map((g) => (
            <li key={g}>
              <a href={`#${g}`} className="text-brand-800 underline hover:text-brand-950">
                {g === "surel" ? "Surel (SMTP)" : g === "riwayat" ? "Riwayat Perubahan" : GROUP_TITLES[g as SettingGroup]}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <div className="space-y-6">
        <Card title={GROUP_TITLES.wilayah} description={DESCRIPTIONS.wilayah} className="scroll-mt-20" >
          <div id="wilayah" className="scroll-mt-24" />
          <RegionForm {...common("wilayah")} />
        </Card>
        <Card title={GROUP_TITLES.pemantauan} description={DESCRIPTIONS.pemantauan}>
          <div id="pemantauan" className="scroll-mt-24" />
          <MonitoringForm {...common("pemantauan")} />
        </Card>
        <Card title={GROUP_TITLES.naskah} description={DESCRIPTIONS.naskah}>
          <div id="naskah" className="scroll-mt-24" />
          <NaskahForm {...common("naskah")} />
        </Card>
        <Card title={GROUP_TITLES.nomor} description={DESCRIPTIONS.nomor}>
          <div id="nomor" className="scroll-mt-24" />
          <NumberPatternsForm {...common("nomor")} />
        </Card>
        <Card title={GROUP_TITLES.dokumen} description={DESCRIPTIONS.dokumen}>
          <div id="dokumen" className="scroll-mt-24" />
          <nav aria-label="Jenis kerja sama" className="mb-5">
            <ul className="flex flex-wrap gap-2">
              {CASE_KINDS.map((k) => (
                <li key={k}>
                  <Link
                    href={`/pengaturan?jenis=${k}#dokumen`}
                    aria-current={k === kind ? "page" : undefined}
                    className={
                      k === kind
                        ? "inline-block rounded-md bg-brand-800 px-3 py-1.5 text-sm font-semibold text-white"
                        : "inline-block rounded-md border border-slate-300 px-3 py-1.5 text-sm text-slate-800 hover:bg-slate-50"
                    }
                    title={KIND_LABELS[k]}
                  >
                    {k}
                  </Link>
                </li>
              ))}
            </ul>
            <p className="mt-2 text-sm text-slate-600">{KIND_LABELS[kind]}</p>
          </nav>
          <RequiredDocumentsForm {...common("dokumen")} kind={kind} stages={stages} chosen={chosen} />
        </Card>
        <Card title={GROUP_TITLES.keamanan} description={DESCRIPTIONS.keamanan}>
          <div id="keamanan" className="scroll-mt-24" />
          <SecurityForm {...common("keamanan")} />
        </Card>
        {/* E-mail is configured by the environment (SMTP_*), never on this page: its status and the outbox. */}
        <div id="surel" className="scroll-mt-24">
          <SmtpStatusCard status={smtpStatus()} outbox={await outboxCounts()} />
        </div>
        <Card title="Riwayat Perubahan" description="Setiap perubahan pengaturan: pengubah, waktu, nilai lama, dan nilai baru (30 perubahan terakhir)." flush>
          <div id="riwayat" className="scroll-mt-24" />
          <SettingsHistory entries={history} timeZone={settings.region.timeZone} />
        </Card>
      </div>
    </>
  );
}
