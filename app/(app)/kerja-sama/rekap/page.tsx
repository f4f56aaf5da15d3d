import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { PARTNER_CLASS_LABELS } from "@/components/cases/labels";
import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { FilterBar } from "@/components/ui/filter-bar";
import { Icon } from "@/components/ui/icons";
import { Breadcrumbs, PageHeader } from "@/components/ui/page-header";
import type { SearchParamsRecord } from "@/components/ui/pagination";
import { Select } from "@/components/ui/select";
import { registerScope } from "@/lib/auth/policy";
import { requirePermission } from "@/lib/auth/session";
import type { PartnerClass } from "@/lib/generated/prisma/enums";
import { listAllOpdOptions } from "@/lib/opd/queries";
import { filterParams, isFiltered, registerFilterSchema, registerHref } from "@/lib/register/filters";
import { countRegister, registerContext } from "@/lib/register/queries";
import { AGREEMENT_STATES, agreementStateLabels } from "@/lib/register/status";
import { REKAP_PDF_MAX_ROWS } from "@/lib/rekap/limits";
import { KIND_LABELS } from "@/lib/workflow";
import { KIND_ORDER } from "../../usulan/options";

export const metadata: Metadata = { title: "Rekap Kerja Sama" };

const KIND_OPTIONS = KIND_ORDER.map((k) => ({ value: k, label: `${k} — ${KIND_LABELS[k]}` }));
const CLASS_OPTIONS = (Object.keys(PARTNER_CLASS_LABELS) as PartnerClass[]).map((c) => ({ value: c, label: PARTNER_CLASS_LABELS[c] }));
const YEAR_FROM = 2015;

/**
 * Rekap Kerja Sama (issue 8 §3, domain §6): choose the year and a filter, see how many agreements
 * the rekap will hold, then download it as Excel or as the print-ready PDF. The filter is the
 * register's own (same URL parameters, same registerWhere()), so "Lihat di Daftar Kerja Sama"
 * shows exactly the rows of the file.
 */
export default async function RekapPage({ searchParams }: { searchParams: Promise<SearchParamsRecord> }) {
  const actor = await requirePermission("rekap.export");
  const filter = registerFilterSchema.parse(await searchParams);
  const context = await registerContext(new Date());
  const scope = registerScope(actor).kind;
  // Counting stops just past the PDF's limit: exact up to there, "more than" beyond (cheap at 100k rows).
  const [count, opdOptions] = await Promise.all([
    countRegister(actor, filter, context, REKAP_PDF_MAX_ROWS),
    scope === "opd" ? Promise.resolve([]) : listAllOpdOptions(),
  ]);
  const stateLabels = agreementStateLabels(context.endingSoonDays);
  const thisYear = Number(context.today.toISOString().slice(0, 4));
  const years = Array.from({ length: thisYear - YEAR_FROM + 1 }, (_, i) => String(thisYear - i));
  const kept = filterParams(filter);
  const query = new URLSearchParams(kept).toString();
  const href = (kind: "excel" | "pdf") => `/api/rekap/${kind}${query ? `?${query}` : ""}`;
  const nf = new Intl.NumberFormat("id-ID");
  const countText = count.capped ? `Lebih dari ${nf.format(count.value)} kerja sama` : `${nf.format(count.value)} kerja sama`;
  const yearText = filter.tahun ? `yang naskah utamanya ditandatangani tahun ${filter.tahun}` : "dari semua tahun";

  return (
    <>
      <PageHeader
        breadcrumb={<Breadcrumbs items={[{ label: "Beranda", href: "/beranda" }, { label: "Kerja Sama", href: "/kerja-sama" }, { label: "Rekap" }]} />}
        title="Rekap Kerja Sama"
        description="Rekap untuk pelaporan Kepala Daerah kepada Menteri melalui Gubernur: nomor dan tanggal naskah kedua pihak, jenis, mitra, objek, ruang lingkup, OPD pelaksana, jangka waktu, status, penandatangan, persetujuan DPRD, pendanaan, dan laporan pelaksanaan terakhir."
      />
      <FilterBar action="/kerja-sama/rekap" label="Pilih tahun dan filter rekap" filtered={isFiltered(filter)} filterKey={JSON.stringify(kept)} columns="xl:grid-cols-3" submitLabel="Hitung">
        <Field id="r-tahun" label="Tahun ditandatangani">
          {(p) => (
            <Select {...p} name="tahun" defaultValue={filter.tahun ? String(filter.tahun) : ""} placeholder="Semua tahun"
              options={years.map((y) => ({ value: y, label: y }))} />
          )}
        </Field>
        <Field id="r-status" label="Status">
          {(p) => (
            <Select {...p} name="status" defaultValue={filter.status ?? ""} placeholder="Semua status"
              options={AGREEMENT_STATES.map((s) => ({ value: s, label: s === "AKTIF" ? "Aktif (termasuk akan berakhir)" : stateLabels[s] }))} />
          )}
        </Field>
        <Field id="r-jenis" label="Jenis">
          {(p) => <Select {...p} name="jenis" defaultValue={filter.jenis ?? ""} placeholder="Semua jenis" options={KIND_OPTIONS} />}
        </Field>
        <Field id="r-kelas" label="Kelas mitra">
          {(p) => <Select {...p} name="kelas" defaultValue={filter.kelas ?? ""} placeholder="Semua kelas mitra" options={CLASS_OPTIONS} />}
        </Field>
        {scope !== "opd" && (
          <Field id="r-opd" label="OPD pelaksana">
            {(p) => <Select {...p} name="opd" defaultValue={filter.opd ?? ""} placeholder="Semua OPD" options={opdOptions} />}
          </Field>
        )}
      </FilterBar>

      <Card title="Unduh rekap">
        <p className="text-sm text-slate-700" role="status">
          <span className="font-semibold text-slate-900">{countText}</span> {yearText}
          {isFiltered({ ...filter, tahun: undefined }) ? " sesuai filter" : ""}.{" "}
          <Link href={registerHref(filter)} className="text-brand-800 underline">Lihat di Daftar Kerja Sama</Link>
        </p>
        <div className="mt-4 flex flex-wrap gap-2">
          <a href={href("excel")} className={buttonClasses({ variant: "primary" })} download>
            <Icon name="download" className="size-4" />
            Unduh Excel
          </a>
          {count.capped ? null : (
            <a href={href("pdf")} className={buttonClasses({ variant: "secondary" })} download>
              <Icon name="download" className="size-4" />
              Unduh PDF (siap cetak)
            </a>
          )}
        </div>
        <p className="mt-3 text-sm text-slate-600">
          {count.capped
            ? `PDF siap cetak memuat paling banyak ${nf.format(REKAP_PDF_MAX_ROWS)} kerja sama: pilih tahun atau persempit filter, atau gunakan Excel.`
            : "Excel memuat seluruh kolom dan dapat disaring; PDF berukuran A4 mendatar dengan kop daerah, siap dicetak dan ditandatangani."}
        </p>
      </Card>
    </>
  );
}
