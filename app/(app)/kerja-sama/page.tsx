import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { PARTNER_CLASS_LABELS } from "@/components/cases/labels";
import { CappedPagination } from "@/components/register/register-pagination";
import { RegisterTable } from "@/components/register/register-table";
import { LinkButton, buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Field } from "@/components/ui/field";
import { FilterBar } from "@/components/ui/filter-bar";
import { Icon } from "@/components/ui/icons";
import { Input } from "@/components/ui/input";
import { Breadcrumbs, PageHeader } from "@/components/ui/page-header";
import { Select } from "@/components/ui/select";
import { can, registerScope } from "@/lib/auth/policy";
import { requirePermission } from "@/lib/auth/session";
import { mayCreateDraft } from "@/lib/cases/rules";
import { getDb } from "@/lib/db";
import { listAllOpdOptions } from "@/lib/opd/queries";
import {
  filterParams, isFiltered, REGISTER_FLAG_LABELS, registerFilterSchema, registerHref, SORT_LABELS, REGISTER_SORTS,
} from "@/lib/register/filters";
import { listRegister } from "@/lib/register/queries";
import {
  AGREEMENT_STATES, agreementStateLabels, FILTER_STAGES, STAGE_GROUP_LABELS, type StageGroup,
} from "@/lib/register/status";
import { KIND_LABELS, STAGE_LABELS } from "@/lib/workflow";
import type { PartnerClass } from "@/lib/generated/prisma/enums";
import { GOVERNMENT_AFFAIRS, KIND_ORDER } from "../usulan/options";
import type { SearchParamsRecord } from "@/components/ui/pagination";

export const metadata: Metadata = { title: "Daftar Kerja Sama" };

const KIND_OPTIONS = KIND_ORDER.map((k) => ({ value: k, label: `${k} — ${KIND_LABELS[k]}` }));
const CLASS_OPTIONS = (Object.keys(PARTNER_CLASS_LABELS) as PartnerClass[]).map((c) => ({ value: c, label: PARTNER_CLASS_LABELS[c] }));
const AFFAIR_OPTIONS = GOVERNMENT_AFFAIRS.map((a) => ({ value: a, label: a }));
const YEAR_FROM = 2015;

export default async function DaftarKerjaSamaPage({ searchParams }: { searchParams: Promise<SearchParamsRecord> }) {
  const actor = await requirePermission("register.view");
  const filter = registerFilterSchema.parse(await searchParams);
  const now = new Date();
  const scope = registerScope(actor).kind;
  const [result, opdOptions, partner] = await Promise.all([
    listRegister(actor, filter, now),
    scope === "opd" ? Promise.resolve([]) : listAllOpdOptions(),
    filter.mitra ? getDb().partner.findFirst({ where: { id: filter.mitra }, select: { id: true, name: true } }) : null,
  ]);
  const { context } = result;
  const stateLabels = agreementStateLabels(context.endingSoonDays);
  const filtered = isFiltered(filter);
  const kept = filterParams(filter);
  const mayExport = can(actor, "register.export");
  const thisYear = Number(context.today.toISOString().slice(0, 4));
  const years = Array.from({ length: thisYear - YEAR_FROM + 1 }, (_, i) => String(thisYear - i));
  const exportQuery = new URLSearchParams(kept).toString();
  const exportHref = (format: "xlsx" | "csv") => `/api/kerja-sama/ekspor?format=${format}${exportQuery ? `&${exportQuery}` : ""}`;

  const scopeText =
    scope === "opd"
      ? `Seluruh kerja sama dan usulan ${actor.opdName ?? "OPD Anda"}, pada semua tahapan.`
      : scope === "signedOrStages"
        ? "Seluruh kerja sama yang telah ditandatangani, serta usulan yang sedang dibahas TKKSD."
        : "Seluruh kerja sama dan usulan perangkat daerah, pada semua tahapan.";
  const nf = new Intl.NumberFormat("id-ID");
  const countText = result.count.capped
    ? `Lebih dari ${nf.format(result.count.value)} kerja sama`
    : `${nf.format(result.count.value)} kerja sama`;

  return (
    <>
      <PageHeader
        breadcrumb={<Breadcrumbs items={[{ label: "Beranda", href: "/beranda" }, { label: "Kerja Sama" }]} />}
        title="Daftar Kerja Sama"
        description={scopeText}
      />
      <FilterBar
        action="/kerja-sama"
        label="Cari dan saring kerja sama"
        filtered={filtered || filter.urut !== "terbaru"}
        filterKey={JSON.stringify(kept)}
        columns="xl:grid-cols-4"
      >
        <Field id="f-q" label="Cari" hint="Judul, objek, ruang lingkup, mitra, atau nomor naskah" className="md:col-span-2">
          {(p) => <Input {...p} type="search" name="q" defaultValue={filter.q} placeholder="mis. air minum, 180/012/KS" />}
        </Field>
        <Field id="f-status" label="Status">
          {(p) => (
            <Select {...p} name="status" defaultValue={filter.status ?? ""} placeholder="Semua status">
              <optgroup label="Kerja sama">
                {AGREEMENT_STATES.map((s) => (
                  <option key={s} value={s}>
                    {s === "AKTIF" ? "Aktif (termasuk akan berakhir)" : stateLabels[s]}
                  </option>
                ))}
              </optgroup>
              <optgroup label="Usulan dalam proses">
                {(Object.keys(STAGE_GROUP_LABELS) as StageGroup[]).map((g) => (
                  <option key={g} value={g}>
                    {STAGE_GROUP_LABELS[g]}
                  </option>
                ))}
                {FILTER_STAGES.map((s) => (
                  <option key={s} value={s}>
                    Tahap: {STAGE_LABELS[s]}
                  </option>
                ))}
              </optgroup>
            </Select>
          )}
        </Field>
        <Field id="f-jenis" label="Jenis">
          {(p) => <Select {...p} name="jenis" defaultValue={filter.jenis ?? ""} placeholder="Semua jenis" options={KIND_OPTIONS} />}
        </Field>
        <Field id="f-kelas" label="Kelas mitra">
          {(p) => <Select {...p} name="kelas" defaultValue={filter.kelas ?? ""} placeholder="Semua kelas mitra" options={CLASS_OPTIONS} />}
        </Field>
        {scope !== "opd" && (
          <Field id="f-opd" label="OPD">
            {(p) => <Select {...p} name="opd" defaultValue={filter.opd ?? ""} placeholder="Semua OPD" options={opdOptions} />}
          </Field>
        )}
        <Field id="f-urusan" label="Urusan">
          {(p) => <Select {...p} name="urusan" defaultValue={filter.urusan ?? ""} placeholder="Semua urusan" options={AFFAIR_OPTIONS} />}
        </Field>
        <Field id="f-tahun" label="Tahun ditandatangani">
          {(p) => (
            <Select {...p} name="tahun" defaultValue={filter.tahun ? String(filter.tahun) : ""} placeholder="Semua tahun"
              options={years.map((y) => ({ value: y, label: y }))} />
          )}
        </Field>
        <Field id="f-urut" label="Urutkan">
          {(p) => (
            <Select {...p} name="urut" defaultValue={filter.urut} options={REGISTER_SORTS.map((s) => ({ value: s, label: SORT_LABELS[s] }))} />
          )}
        </Field>
        {filter.mitra && <input type="hidden" name="mitra" value={filter.mitra} />}
        {filter.sisaHari !== undefined && <input type="hidden" name="sisaHari" value={filter.sisaHari} />}
        {filter.tanda && <input type="hidden" name="tanda" value={filter.tanda} />}
      </FilterBar>

      <div className="mb-3 flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-slate-700" role="status">
          <span className="font-semibold text-slate-900">{countText}</span>
          {filtered ? " sesuai filter." : "."}
          {filter.sisaHari !== undefined && (
            <>
              {" "}Berlaku dan berakhir dalam ≤ {nf.format(filter.sisaHari)} hari{" "}
              (<Link href={registerHref({ ...filter, sisaHari: undefined })} className="text-brand-800 underline">hapus filter ini</Link>)
            </>
          )}
          {filter.tanda && (
            <>
              {" "}{REGISTER_FLAG_LABELS[filter.tanda]}{" "}
              (<Link href={registerHref({ ...filter, tanda: undefined })} className="text-brand-800 underline">hapus filter ini</Link>)
            </>
          )}
          {partner && (
            <>
              {" "}Mitra: <Link href={`/mitra/${partner.id}`} className="text-brand-800 underline">{partner.name}</Link>{" "}
              (<Link href={registerHref({ ...filter, mitra: undefined })} className="text-brand-800 underline">hapus filter mitra</Link>)
            </>
          )}
        </p>
        {mayExport && result.items.length > 0 && (
          <div className="flex flex-wrap gap-2">
            {can(actor, "rekap.export") && (
              <Link href={`/kerja-sama/rekap${exportQuery ? `?${exportQuery}` : ""}`} className={buttonClasses({ variant: "ghost" })}>
                Rekap Excel/PDF
              </Link>
            )}
            <a href={exportHref("xlsx")} className={buttonClasses({ variant: "secondary" })} download>
              <Icon name="download" className="size-4" />
              Unduh Excel
            </a>
            <a href={exportHref("csv")} className={buttonClasses({ variant: "ghost" })} download>
              <Icon name="download" className="size-4" />
              Unduh CSV
            </a>
          </div>
        )}
      </div>

      {result.items.length === 0 ? (
        filtered ? (
          <EmptyState
            icon="search"
            title="Tidak ada kerja sama yang cocok"
            description="Periksa ejaan kata kunci (nomor naskah boleh sebagian, mis. 012/KS), atau longgarkan filter status, jenis, OPD, atau tahun lalu tekan Terapkan."
            action={<LinkButton href="/kerja-sama">Tampilkan Semua Kerja Sama</LinkButton>}
          />
        ) : result.page > 1 ? (
          <EmptyState
            icon="search"
            title="Halaman ini kosong"
            description="Daftar sudah berakhir sebelum halaman ini. Kembali ke halaman pertama."
            action={<LinkButton href={registerHref(filter)}>Halaman Pertama</LinkButton>}
          />
        ) : (
          <EmptyState
            icon="archive"
            title="Belum ada kerja sama"
            description={
              mayCreateDraft(actor)
                ? "Kerja sama tampil di sini sejak usulan dibuat. Mulai dengan Usulan Baru; setelah naskah ditandatangani, nomor, periode, dan statusnya tampil di daftar ini."
                : scope === "signedOrStages"
                  ? "Belum ada kerja sama yang ditandatangani atau usulan yang dibahas TKKSD."
                  : "Kerja sama tampil di sini sejak Operator OPD membuat usulan, dan kerja sama arsip setelah didaftarkan Bagian Kerja Sama."
            }
            action={mayCreateDraft(actor) ? <LinkButton href="/usulan/baru" variant="primary">Usulan Baru</LinkButton> : undefined}
          />
        )
      ) : (
        <>
          <RegisterTable
            user={actor}
            rows={result.items}
            context={context}
            caption={`Daftar kerja sama (${countText.toLowerCase()})`}
            showOpd={scope !== "opd"}
          />
          <CappedPagination
            page={result.page}
            pageSize={result.pageSize}
            shown={result.items.length}
            total={result.count.value}
            capped={result.count.capped}
            hasNext={result.hasNext}
            href={(page) => registerHref({ ...filter, halaman: page }, { page: true })}
          />
        </>
      )}
    </>
  );
}
