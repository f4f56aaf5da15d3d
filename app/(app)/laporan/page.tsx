import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { AGREEMENT_TYPE_LABELS } from "@/components/cases/labels";
import { PERIOD_STATUS_LABELS, PERIOD_STATUS_TONES } from "@/components/reports/labels";
import { ReportStatusBadge } from "@/components/reports/report-status-badge";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Field } from "@/components/ui/field";
import { FilterBar } from "@/components/ui/filter-bar";
import { Breadcrumbs, PageHeader } from "@/components/ui/page-header";
import { pageHref, type SearchParamsRecord } from "@/components/ui/pagination";
import { CappedPagination } from "@/components/register/register-pagination";
import { Select } from "@/components/ui/select";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { can, caseScope, type PolicyUser } from "@/lib/auth/policy";
import { requirePermission } from "@/lib/auth/session";
import { formatTanggal, formatTanggalWaktu } from "@/lib/format";
import { listActiveOpdOptions } from "@/lib/opd/queries";
import { MONEV_PERIOD_NOUNS, type PeriodStatus } from "@/lib/reports/periods";
import { earliestDueReports, listReportingAgreements, reviewCycleCounts, reviewQueue, type DueReport } from "@/lib/reports/queries";
import { mayWriteReports } from "@/lib/reports/rules";
import { getSettings } from "@/lib/settings/service";
import { reportListFilterSchema } from "./filters";

export const metadata: Metadata = { title: "Laporan Pelaksanaan" };

const tanggal = (d: Date) => formatTanggal(d, "UTC");
const SUMMARY: PeriodStatus[] = ["TERLAMBAT", "JATUH_TEMPO", "DIKEMBALIKAN", "DIKIRIM", "DITINJAU"];

/**
 * The earliest deadlines first; a page of hundreds of rows helps no one (and weighed 7.7 MB at 100k).
 * 25 like every list (with the 25 reporting agreements below, the page was 289 kB at 50).
 */
const DUE_SHOWN = 25;

function dueAction(item: DueReport, actor: PolicyUser): string {
  if (!mayWriteReports(actor, item.case)) return "Lihat";
  if (item.entry.status === "DIKEMBALIKAN") return "Perbaiki laporan";
  return item.entry.draft ? "Lanjutkan draf" : "Isi laporan";
}

export default async function LaporanPage({ searchParams }: { searchParams: Promise<SearchParamsRecord> }) {
  const actor = await requirePermission("report.list");
  const filter = reportListFilterSchema.parse(await searchParams);
  const now = new Date();
  // What the page holds follows from the grants (lib/auth/policy-table.ts), never from role names.
  const ownOpd = caseScope(actor).kind === "opd";
  const reviewer = can(actor, "report.review");
  const opdFilter = ownOpd ? undefined : filter.opd;
  const [settings, dueList, queue, agreements, counts, opdOptions] = await Promise.all([
    getSettings(),
    ownOpd ? earliestDueReports(actor, now, DUE_SHOWN) : Promise.resolve({ items: [], total: 0 }),
    reviewer ? reviewQueue(actor) : Promise.resolve(null),
    listReportingAgreements(actor, now, { page: filter.page, opdId: opdFilter }),
    ownOpd ? Promise.resolve(null) : reviewCycleCounts(actor),
    ownOpd ? Promise.resolve([]) : listActiveOpdOptions(),
  ]);
  const tz = settings.region.timeZone;
  const keptParams: SearchParamsRecord = { opd: opdFilter };

  return (
    <>
      <PageHeader
        breadcrumb={<Breadcrumbs items={[{ label: "Beranda", href: "/beranda" }, { label: "Laporan" }]} />}
        title="Laporan Pelaksanaan"
        description={
          ownOpd
            ? `Laporan monitoring dan evaluasi kerja sama ${actor.opdName ?? "OPD Anda"}: setiap ${MONEV_PERIOD_NOUNS[settings.monevPeriod]} dilaporkan paling lambat ${settings.monevGraceDays} hari setelah berakhir.`
            : "Laporan monitoring dan evaluasi seluruh kerja sama yang sedang berjalan atau telah berakhir."
        }
      />

      {ownOpd && (
        <section aria-labelledby="jatuh-tempo" className="mb-8">
          <h2 id="jatuh-tempo" className="mb-3 text-lg font-semibold text-slate-900">
            Laporan saya yang jatuh tempo
          </h2>
          {dueList.total === 0 ? (
            <EmptyState
              titleAs="h3"
              icon="checkCircle"
              title="Tidak ada laporan yang jatuh tempo"
              description="Semua laporan periode yang telah berakhir sudah dikirim. Laporan periode berikutnya tampil di sini mulai hari terakhir periodenya."
            />
          ) : (
            <Table caption={`Laporan yang jatuh tempo (${dueList.total})`} captionHidden>
              <THead>
                <TR>
                  <TH className="w-[40%]">Kerja sama</TH>
                  <TH>Periode</TH>
                  <TH>Batas</TH>
                  <TH>Status</TH>
                  <TH>
                    <span className="sr-only">Tindakan</span>
                  </TH>
                </TR>
              </THead>
              <TBody>
                {dueList.items.map((item) => (
                  <TR key={`${item.case.id}-${item.entry.period.key}`}>
                    <TH scope="row" label="Kerja sama">
                      {item.case.title}
                      <span className="mt-0.5 block font-mono text-xs font-normal text-slate-600">
                        {item.case.code}
                        {item.case.partnerName && <span className="font-sans"> · {item.case.partnerName}</span>}
                      </span>
                    </TH>
                    <TD label="Periode">
                      {item.entry.period.label}
                      <span className="block text-xs text-slate-700">
                        {tanggal(item.entry.period.start)} – {tanggal(item.entry.period.end)}
                      </span>
                    </TD>
                    <TD label="Batas" className="md:whitespace-nowrap">{tanggal(item.entry.dueBy)}</TD>
                    <TD label="Status">
                      <ReportStatusBadge status={item.entry.status} draft={item.entry.draft} />
                    </TD>
                    <TD label="Tindakan" className="md:text-right">
                      <Link
                        href={`/laporan/${item.case.id}/${item.entry.period.key}`}
                        className="font-semibold text-brand-800 underline hover:text-brand-950"
                      >
                        {dueAction(item, actor)}
                        <span className="sr-only">: {item.entry.period.label}, {item.case.title}</span>
                      </Link>
                    </TD>
                  </TR>
                ))}
              </TBody>
            </Table>
          )}
          {dueList.total > dueList.items.length && (
            <p className="mt-3 text-sm text-slate-700">
              Menampilkan {dueList.items.length} laporan dengan batas paling awal dari {dueList.total.toLocaleString("id-ID")}. Laporan lainnya
              dapat dibuka dari daftar kerja sama di bawah.
            </p>
          )}
        </section>
      )}

      {counts && (
        <section aria-labelledby="ringkasan-laporan" className="mb-8">
          <h2 id="ringkasan-laporan" className="mb-3 text-lg font-semibold text-slate-900">
            Ringkasan
          </h2>
          <ul className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3">
            {[
              { label: "Menunggu telaah", value: counts.DIAJUKAN, hint: "Dikirim OPD, belum dinilai" },
              { label: "Dikembalikan ke OPD", value: counts.DIKEMBALIKAN, hint: "Menunggu perbaikan OPD" },
              { label: "Kerja sama melapor", value: agreements.total, capped: agreements.capped, hint: "Sedang berjalan atau menunggu laporan akhir" },
            ].map((t) => (
              <li key={t.label} className="rounded-lg border border-l-4 border-slate-200 border-l-brand-700 bg-white p-4 shadow-sm">
                <p className="text-sm font-medium text-slate-600">{t.label}</p>
                <p className="mt-1 text-3xl font-bold text-slate-900">{t.value.toLocaleString("id-ID")}{"capped" in t && t.capped ? "+" : ""}</p>
                <p className="mt-1 text-sm text-slate-600">{t.hint}</p>
              </li>
            ))}
          </ul>
        </section>
      )}

      {queue && (
        <section aria-labelledby="antrean-telaah" className="mb-8">
          <h2 id="antrean-telaah" className="mb-3 text-lg font-semibold text-slate-900">
            Menunggu telaah ({queue.total.toLocaleString("id-ID")})
          </h2>
          {queue.total === 0 ? (
            <EmptyState titleAs="h3" icon="inbox" title="Tidak ada laporan yang menunggu telaah" description="Laporan yang dikirim OPD tampil di sini, yang paling lama menunggu lebih dahulu." />
          ) : (
            <>
              <Table caption={`Laporan menunggu telaah (${queue.total})`} captionHidden>
                <THead>
                  <TR>
                    <TH className="w-[40%]">Kerja sama</TH>
                    <TH>Periode</TH>
                    <TH>OPD</TH>
                    <TH>Dikirim</TH>
                    <TH>
                      <span className="sr-only">Tindakan</span>
                    </TH>
                  </TR>
                </THead>
                <TBody>
                  {queue.items.map((r) => {
                    const key = r.isFinal ? "akhir" : r.periodStart.toISOString().slice(0, 10);
                    return (
                      <TR key={r.id}>
                        <TH scope="row" label="Kerja sama">
                          {r.case.title}
                          <span className="mt-0.5 block font-mono text-xs font-normal text-slate-600">
                            {r.case.code}
                            {r.case.partner && <span className="font-sans"> · {r.case.partner.name}</span>}
                          </span>
                        </TH>
                        <TD label="Periode">
                          {r.periodLabel}
                          {r.returnReason && <span className="block text-xs text-slate-700">Dikirim ulang setelah perbaikan</span>}
                        </TD>
                        <TD label="OPD" className="md:whitespace-nowrap">{r.case.opd.shortName}</TD>
                        <TD label="Dikirim">{r.submittedAt ? formatTanggalWaktu(r.submittedAt, tz) : "—"}</TD>
                        <TD label="Tindakan" className="md:text-right">
                          <Link href={`/laporan/${r.caseId}/${key}`} className="font-semibold text-brand-800 underline hover:text-brand-950">
                            Telaah
                            <span className="sr-only">: {r.periodLabel}, {r.case.title}</span>
                          </Link>
                        </TD>
                      </TR>
                    );
                  })}
                </TBody>
              </Table>
              {queue.total > queue.items.length && (
                <p className="mt-3 text-sm text-slate-700">
                  Ditampilkan {queue.items.length} laporan yang paling lama menunggu dari {queue.total.toLocaleString("id-ID")}; berikutnya tampil setelah laporan ini ditelaah.
                </p>
              )}
            </>
          )}
        </section>
      )}

      <section aria-labelledby="kerja-sama-melapor">
        <h2 id="kerja-sama-melapor" className="mb-3 text-lg font-semibold text-slate-900">
          {ownOpd ? "Kerja sama OPD yang melapor" : "Kerja sama yang melapor"}
        </h2>
        {!ownOpd && (
          <FilterBar action="/laporan" label="Saring kerja sama menurut OPD" filtered={Boolean(opdFilter)} filterKey={opdFilter ?? ""} columns="xl:grid-cols-[2fr_auto]">
            <Field id="saring-opd" label="OPD pelaksana">
              {(p) => <Select {...p} name="opd" defaultValue={opdFilter ?? ""} placeholder="Semua OPD" options={opdOptions} />}
            </Field>
          </FilterBar>
        )}
        {agreements.total === 0 ? (
          <EmptyState
            titleAs="h3"
            icon="archive"
            title="Belum ada kerja sama yang melapor"
            description="Kerja sama tampil di sini setelah PKS, Nota Kesepakatan, atau MoU-nya ditandatangani dan tahap Pelaksanaan dimulai."
          />
        ) : (
          <Table caption={`Kerja sama yang melapor (${agreements.capped ? "lebih dari " : ""}${agreements.total})`} captionHidden>
            <THead>
              <TR>
                <TH className="w-[34%]">Kerja sama</TH>
                <TH>OPD</TH>
                <TH>Naskah</TH>
                <TH className="w-[26%]">Laporan</TH>
                <TH>
                  <span className="sr-only">Tindakan</span>
                </TH>
              </TR>
            </THead>
            <TBody>
              {agreements.items.map((row) => {
                const shown = SUMMARY.filter((s) => row.counts[s] > 0);
                return (
                  <TR key={row.case.id}>
                    <TH scope="row" label="Kerja sama">
                      {row.case.title}
                      <span className="mt-0.5 block font-mono text-xs font-normal text-slate-600">{row.case.code}</span>
                    </TH>
                    <TD label="OPD" className="md:whitespace-nowrap">{row.case.opdShortName}</TD>
                    <TD label="Naskah">
                      {AGREEMENT_TYPE_LABELS[row.agreement.type]}
                      <span className="block text-xs text-slate-700">
                        s.d. {row.agreement.endDate ? tanggal(row.agreement.endDate) : "—"}
                      </span>
                    </TD>
                    <TD label="Laporan">
                      {shown.length === 0 ? (
                        <span className="text-slate-700">Belum ada periode yang berakhir</span>
                      ) : (
                        <span className="flex flex-wrap gap-1">
                          {shown.map((s) => (
                            <Badge key={s} tone={PERIOD_STATUS_TONES[s]}>
                              {PERIOD_STATUS_LABELS[s]} {row.counts[s]}
                            </Badge>
                          ))}
                        </span>
                      )}
                    </TD>
                    <TD label="Tindakan" className="md:text-right">
                      <Link href={`/laporan/${row.case.id}`} className="text-brand-800 underline hover:text-brand-950">
                        Lihat periode
                        <span className="sr-only">: {row.case.title}</span>
                      </Link>
                    </TD>
                  </TR>
                );
              })}
            </TBody>
          </Table>
        )}
        {agreements.total > 0 && (
          <CappedPagination
            page={agreements.page}
            pageSize={agreements.pageSize}
            shown={agreements.items.length}
            total={agreements.total}
            capped={agreements.capped}
            hasNext={agreements.hasNext}
            href={(page) => pageHref("/laporan", keptParams, page)}
          />
        )}
      </section>
    </>
  );
}
