import type { Metadata } from "next";
import { AGREEMENT_TYPE_LABELS } from "@/components/cases/labels";
import { BreakdownTable } from "@/components/dashboard/breakdown-table";
import { CLASS_COLORS, CLASS_PHRASE, CLASS_SHORT, CLASS_SWATCH, KIND_COLOR, KIND_SHORT, nf } from "@/components/dashboard/labels";
import { HorizontalBars, StackedColumns } from "@/components/dashboard/lazy-charts";
import { OPD_PREVIEW, OpdTable, opdsNeedingAttention } from "@/components/dashboard/opd-table";
import { StatTile } from "@/components/dashboard/stat-tile";
import { YearFilter } from "@/components/dashboard/year-filter";
import { tanggalPendek } from "@/components/register/dates";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import type { SearchParamsRecord } from "@/components/ui/pagination";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { requirePermission } from "@/lib/auth/session";
import { formatTanggalWaktu } from "@/lib/format";
import { dashboardYear } from "@/lib/dashboard/queries";
import { getDashboard } from "@/lib/dashboard/snapshot";
import { registerHref } from "@/lib/register/filters";
import { STAGE_LABELS } from "@/lib/workflow";

export const metadata: Metadata = { title: "Dasbor" };

const DAY_MS = 86_400_000;
const STAGE_COLOR = "#1d4ed8";

export default async function DasborPage({ searchParams }: { searchParams: Promise<SearchParamsRecord> }) {
  const user = await requirePermission("dashboard.view");
  const now = new Date();
  const year = dashboardYear((await searchParams).tahun, now);
  const d = await getDashboard(user, { now, year });
  const { today, endingSoonDays, kbWithoutPksMonths } = d.context;
  const thisYear = today.getUTCFullYear();
  const tahun = year ?? undefined;
  const yearText = year ? `ditandatangani tahun ${year}` : "semua tahun penandatanganan";
  const scopeText = d.scopedToOpd ? (user.opdName ?? "OPD Anda") : "seluruh perangkat daerah";

  const signedRows = d.signedPerYear.map((y) => ({
    year: `${y.year} · ${y.total}`,
    ...Object.fromEntries(y.byClass.map((c) => [c.key, c.value])),
  }));
  const seriesKeys = [...new Set(d.signedPerYear.flatMap((y) => y.byClass.map((c) => c.key)))];

  return (
    <>
      <PageHeader
        title="Dasbor Kerja Sama"
        description={`Ringkasan kerja sama ${scopeText} per ${tanggalPendek(today)}, ${yearText}. Setiap angka membuka Daftar Kerja Sama dengan saringan yang sama.`}
        actions={<YearFilter year={year} thisYear={thisYear} />}
        meta={
          <p className="text-sm text-slate-600" id="diperbarui">
            Diperbarui {formatTanggalWaktu(d.computedAt, d.timeZone)}
            {d.refreshing ? " — angka terbaru sedang dihitung; muat ulang halaman sebentar lagi." : ""}
          </p>
        }
      />

      <section aria-labelledby="angka-utama" className="mb-8">
        <h2 id="angka-utama" className="sr-only">Angka utama</h2>
        <ul className="grid grid-cols-2 gap-3 sm:gap-4 xl:grid-cols-4">
          <StatTile id="berlaku" label="Kerja sama berlaku" value={d.inForce.value} href={d.inForce.href} tone="success"
            hint="Naskah sedang mengikat hari ini" />
          {d.ending.map((e) => (
            <StatTile key={e.days} id={`berakhir-${e.days}`} label={`Berakhir ≤ ${e.days} hari`} value={e.value} href={e.href}
              tone={e.days <= 30 ? "danger" : e.days <= 90 ? "warning" : "neutral"}
              hint={e.days <= 30 ? "Segera putuskan perpanjangan" : e.days <= 90 ? "Siapkan laporan akhir atau perpanjangan" : "Masuk perencanaan"} />
          ))}
          <StatTile id="kb-belum" label="KB belum ditindaklanjuti" value={d.kbWithoutPks.value} href={d.kbWithoutPks.href} tone="warning"
            hint={`KB berlaku > ${kbWithoutPksMonths} bulan tanpa PKS`} />
          <StatTile id="tanpa-laporan" label="Tanpa laporan" value={d.withoutReport.value} href={d.withoutReport.href} tone="danger"
            hint="Berlaku, periode terakhir belum dilaporkan" />
          <StatTile id="terlambat" label="Laporan terlambat" value={d.lateReports.value} href={d.lateReports.href} tone="danger"
            hint="Kerja sama dengan laporan melewati batas waktu" />
          <StatTile id="proses" label="Usulan dalam proses" value={d.inProcess.value} href={d.inProcess.href} tone="brand"
            hint="Diajukan, belum ditandatangani (semua tahun)" />
        </ul>
        <p className="mt-3 text-sm text-slate-600">
          Tanpa laporan dan laporan terlambat dihitung oleh tugas harian
          {d.monevComputedOn ? ` (terakhir untuk ${tanggalPendek(d.monevComputedOn)})` : " (belum pernah dijalankan)"} dan
          diperbarui setiap kali OPD mengirim laporan.
        </p>
      </section>

      <div className="mb-8 grid gap-6 xl:grid-cols-2">
        <Card title="Kerja sama berlaku menurut kelas mitra" description={`${nf.format(d.inForce.value)} kerja sama berlaku, ${yearText}.`}>
          {d.byClass.length === 0 ? (
            <p className="text-sm text-slate-600">Belum ada kerja sama yang berlaku.</p>
          ) : (
            <div className="space-y-4">
              <HorizontalBars data={d.byClass.map((r) => ({ label: CLASS_SHORT[r.key], value: r.value, color: CLASS_COLORS[r.key] }))} />
              <BreakdownTable caption="Tabel: kerja sama berlaku menurut kelas mitra" what="Kelas mitra"
                rows={d.byClass.map((r) => ({ key: r.key, label: CLASS_SHORT[r.key], value: r.value, href: r.href, swatch: CLASS_SWATCH[r.key] }))} />
            </div>
          )}
        </Card>
        <Card title="Kerja sama berlaku menurut jenis" description="Jenis menurut PP 28/2018 dan Permendagri 22/2020.">
          {d.byKind.length === 0 ? (
            <p className="text-sm text-slate-600">Belum ada kerja sama yang berlaku.</p>
          ) : (
            <div className="space-y-4">
              <HorizontalBars data={d.byKind.map((r) => ({ label: r.key, value: r.value, color: KIND_COLOR }))} />
              <BreakdownTable caption="Tabel: kerja sama berlaku menurut jenis" what="Jenis"
                rows={d.byKind.map((r) => ({ key: r.key, label: KIND_SHORT[r.key], value: r.value, href: r.href }))} />
            </div>
          )}
        </Card>
      </div>

      <Card className="mb-8" title={`Kerja sama ditandatangani per tahun, ${d.signedPerYear[0].year}–${d.lastYear}`}
        description="Menurut tahun penandatanganan naskah utama dan kelas mitra, seperti dilaporkan kepada Gubernur dan Menteri.">
        <div className="grid gap-6 xl:grid-cols-[3fr_2fr]">
          <StackedColumns rows={signedRows}
            series={seriesKeys.map((k) => ({ key: k, label: CLASS_SHORT[k], color: CLASS_COLORS[k] }))} />
          <ul className="space-y-3 text-sm" aria-label="Rincian per tahun">
            {[...d.signedPerYear].reverse().map((y) => (
              <li key={y.year} className="rounded-md border border-slate-200 p-3">
                <a href={y.href} className="font-semibold text-brand-800 underline hover:no-underline">
                  {y.year}: {nf.format(y.total)} kerja sama
                </a>
                {y.byClass.length > 0 ? (
                  <p className="mt-1 text-slate-700">
                    {y.byClass.map((c, i) => (
                      <span key={c.key}>
                        {i > 0 && ", "}
                        <span aria-hidden="true" className={`mr-1 inline-block size-2.5 rounded-sm ${CLASS_SWATCH[c.key]}`} />
                        <a href={c.href} className="text-brand-800 underline hover:no-underline">
                          {nf.format(c.value)} {CLASS_PHRASE[c.key]}
                        </a>
                      </span>
                    ))}
                  </p>
                ) : (
                  <p className="mt-1 text-slate-600">Tidak ada naskah yang ditandatangani.</p>
                )}
              </li>
            ))}
          </ul>
        </div>
      </Card>

      <div className="mb-8 grid gap-6 xl:grid-cols-2">
        <Card title="Usulan dalam proses per tahapan"
          description={`${nf.format(d.inProcess.value)} usulan diajukan dan belum ditandatangani; tahapan tidak disaring menurut tahun.`}>
          {d.pipeline.length === 0 ? (
            <p className="text-sm text-slate-600">Tidak ada usulan dalam proses.</p>
          ) : (
            <div className="space-y-4">
              <HorizontalBars labelWidth={230} data={d.pipeline.map((r) => ({ label: STAGE_LABELS[r.key], value: r.value, color: STAGE_COLOR }))} />
              <details className="group">
                <summary className="cursor-pointer text-sm font-semibold text-brand-800 underline">Tabel usulan per tahapan</summary>
                <div className="mt-3">
                  <BreakdownTable caption="Tabel: usulan per tahapan" what="Tahapan"
                    rows={d.pipeline.map((r) => ({ key: r.key, label: STAGE_LABELS[r.key], value: r.value, href: r.href }))} />
                </div>
              </details>
            </div>
          )}
        </Card>
        <Card title="Masa berlaku terdekat" description="Kerja sama berlaku yang paling dahulu berakhir."
          actions={<a href={registerHref({ status: "AKTIF", tahun, urut: "berakhir" })} className="text-sm font-semibold text-brand-800 underline">Lihat semua</a>}>
          {d.nearest.length === 0 ? (
            <p className="text-sm text-slate-600">Belum ada kerja sama yang berlaku.</p>
          ) : (
            <Table caption="Kerja sama dengan masa berlaku terdekat" captionHidden>
              <THead>
                <TR>
                  <TH>Kerja sama</TH>
                  <TH>OPD</TH>
                  <TH>Berakhir</TH>
                </TR>
              </THead>
              <TBody>
                {d.nearest.map((r) => {
                  const days = Math.round((r.mainEndDate.getTime() - today.getTime()) / DAY_MS);
                  return (
                    <TR key={r.id}>
                      <TH scope="row" label="Kerja sama">
                        <a href={`/kerja-sama/${r.id}`} className="text-brand-800 underline hover:no-underline">{r.title}</a>
                        <span className="mt-0.5 block text-xs font-normal text-slate-600">
                          {r.code}
                          {r.mainType ? ` · ${AGREEMENT_TYPE_LABELS[r.mainType as keyof typeof AGREEMENT_TYPE_LABELS] ?? r.mainType}` : ""}
                          {r.partnerName ? ` · ${r.partnerName}` : ""}
                        </span>
                      </TH>
                      <TD label="OPD">{r.opdShortName}</TD>
                      <TD label="Berakhir" className="whitespace-nowrap">
                        {tanggalPendek(r.mainEndDate)}
                        <span className={`block text-xs font-semibold ${days <= 30 ? "text-rose-700" : days <= endingSoonDays ? "text-amber-800" : "text-slate-600"}`}>
                          {days === 0 ? "hari ini" : `${nf.format(days)} hari lagi`}
                        </span>
                      </TD>
                    </TR>
                  );
                })}
              </TBody>
            </Table>
          )}
        </Card>
      </div>

      {!d.scopedToOpd && (
        // The ten that most need attention here; every OPD on its own page (a province has dozens).
        <Card
          title="Per perangkat daerah"
          description={
            d.perOpd.length > OPD_PREVIEW
              ? `${OPD_PREVIEW} dari ${nf.format(d.perOpd.length)} perangkat daerah yang paling perlu perhatian: urut menurut laporan terlambat, lalu tanpa laporan. Akan berakhir: ≤ ${endingSoonDays} hari.`
              : `Akan berakhir: ≤ ${endingSoonDays} hari. Urut menurut laporan terlambat, lalu tanpa laporan.`
          }
          actions={
            d.perOpd.length > OPD_PREVIEW ? (
              <a href={`/dasbor/perangkat-daerah${tahun ? `?tahun=${tahun}` : ""}`} className="text-sm font-semibold text-brand-800 underline">
                Semua {nf.format(d.perOpd.length)} perangkat daerah
              </a>
            ) : undefined
          }
          flush
        >
          <OpdTable rows={opdsNeedingAttention(d.perOpd).slice(0, OPD_PREVIEW)} endingSoonDays={endingSoonDays} />
        </Card>
      )}
    </>
  );
}
