import { Document, Page, StyleSheet, Text, View } from "@react-pdf/renderer";
import { AGREEMENT_TYPE_LABELS, PARTNER_CLASS_LABELS } from "@/components/cases/labels";
import { REALIZATION_LABELS, RECOMMENDATION_LABELS } from "@/components/reports/labels";
import type { Ringkasan } from "@/lib/rekap/summary";
import type { RegionProfile } from "@/lib/settings/defaults";
import { KIND_LABELS, stageLabel } from "@/lib/workflow/stages";
import { dprdText, fundingText, jenisDetail, naskahText, parentText, partnerPlace, signerText, statusText, tanggal, type RekapContext } from "../columns";
import { base, Footer, Kop, MUTED, RULE } from "./base";

/*
 * "Ringkasan Kerja Sama": one A4 page on one agreement, for a briefing of the Kepala Daerah or a
 * visit of the partner. The page never breaks (wrap={false}); long texts are clipped with "…" so
 * that the page holds whatever was typed — the register and the case page have the full text.
 */

const s = StyleSheet.create({
  page: { ...base.page, fontSize: 9 },
  code: { fontSize: 8.5, color: MUTED, textAlign: "center", marginBottom: 10 },
  section: { fontSize: 9.5, fontWeight: "bold", marginTop: 8, marginBottom: 3, paddingBottom: 2, borderBottomWidth: 0.75, borderBottomColor: "#334155" },
  row: { flexDirection: "row", borderBottomWidth: 0.4, borderBottomColor: RULE, paddingVertical: 2.5 },
  label: { width: 150, color: MUTED },
  value: { flex: 1, lineHeight: 1.35 },
});

const clip = (text: string | null | undefined, max: number) => {
  if (!text) return null;
  const flat = text.trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};

function Line({ label, value }: { label: string; value: string | null | undefined }) {
  return (
    <View style={s.row}>
      <Text style={s.label}>{label}</Text>
      <Text style={s.value}>{value && value.trim() ? value : "—"}</Text>
    </View>
  );
}

export type RingkasanPdfProps = { region: RegionProfile; r: Ringkasan; ctx: RekapContext; dateText: string; printed: string };

export function RingkasanDocument({ region, r, ctx, dateText, printed }: RingkasanPdfProps) {
  const report = r.lastReport;
  const jenis = [`${r.kind} — ${KIND_LABELS[r.kind]}`, jenisDetail(r)].filter(Boolean).join("; ");
  const mitra = [r.partnerName, r.partnerClass ? PARTNER_CLASS_LABELS[r.partnerClass] : null].filter(Boolean).join(" — ");
  const place = [clip(r.partnerAddress, 120), partnerPlace(r)].filter(Boolean).join(", ");
  const mainNaskah = r.mainType ? `${AGREEMENT_TYPE_LABELS[r.mainType]}${r.signedPlace ? `, ditandatangani di ${r.signedPlace}` : ""}` : null;
  const partnerSigner = [r.partnerSignerName, r.partnerSignerPosition].filter(Boolean).join(", ");
  return (
    <Document title={`Ringkasan Kerja Sama ${r.code}`} author="SIKERDA" language="id">
      <Page size="A4" style={s.page} wrap={false}>
        <Kop region={region} />
        <Text style={base.title}>RINGKASAN KERJA SAMA</Text>
        <Text style={[base.subtitle, { fontWeight: "bold" }]}>{clip(r.title, 160)}</Text>
        <Text style={s.code}>{r.code} · keadaan per {dateText}</Text>

        <Text style={s.section}>Para Pihak dan Objek</Text>
        <Line label="Jenis kerja sama" value={jenis} />
        <Line label="Mitra" value={mitra} />
        <Line label="Alamat/wilayah mitra" value={place} />
        <Line label="OPD pelaksana" value={r.opdName} />
        <Line label="Urusan pemerintahan" value={r.governmentAffair} />
        <Line label="Objek kerja sama" value={clip(r.subject, 240)} />
        <Line label="Maksud dan tujuan" value={clip(r.purpose, 320)} />
        <Line label="Ruang lingkup" value={clip(r.scope?.replace(/\s*\n\s*/g, "; ") ?? null, 360)} />

        <Text style={s.section}>Naskah</Text>
        <Line label="Naskah utama" value={mainNaskah} />
        <Line label="Nomor naskah (daerah | mitra, tanggal)" value={r.naskah.map(naskahText).join("\n")} />
        <Line label="Jangka waktu" value={r.mainStartDate || r.mainEndDate ? `${tanggal(r.mainStartDate) || "—"} s.d. ${tanggal(r.mainEndDate) || "—"}` : null} />
        <Line label="Status" value={statusText(r, ctx)} />
        <Line label="Tahapan saat ini" value={stageLabel(r.stage, r.initiator)} />
        <Line label="Penandatangan pihak daerah" value={signerText(r)} />
        <Line label="Penandatangan pihak mitra" value={partnerSigner} />
        <Line label="Persetujuan DPRD" value={dprdText(r)} />
        <Line label="Pendanaan" value={fundingText(r)} />
        <Line label="Induk / perpanjangan" value={parentText(r)} />

        <Text style={s.section}>Pelaksanaan (laporan terakhir yang ditinjau)</Text>
        {report ? (
          <>
            <Line label="Periode" value={`${report.periodLabel}${report.isFinal ? " (laporan akhir)" : ""}`} />
            <Line label="Realisasi kegiatan" value={REALIZATION_LABELS[report.realization]} />
            <Line label="Capaian output" value={clip(report.outputAchieved, 300)} />
            <Line label="Kendala" value={clip(report.obstacles, 240)} />
            <Line label="Rekomendasi" value={RECOMMENDATION_LABELS[report.recommendation]} />
            <Line label="Nilai dari Bagian Kerja Sama" value={report.rating ? `${report.rating} dari 5` : null} />
          </>
        ) : (
          <Line label="Laporan" value="Belum ada laporan pelaksanaan yang ditinjau." />
        )}
        <Line label="Manfaat yang diharapkan" value={clip(r.benefits, 240)} />
        <Footer printed={printed} />
      </Page>
    </Document>
  );
}
