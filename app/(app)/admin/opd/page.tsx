import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { LinkButton } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { FilterBar } from "@/components/ui/filter-bar";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Breadcrumbs, PageHeader } from "@/components/ui/page-header";
import { Pagination, type SearchParamsRecord } from "@/components/ui/pagination";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { requirePermission } from "@/lib/auth/session";
import { listOpd } from "@/lib/opd/queries";
import { opdListFilterSchema } from "@/lib/validation/admin-extra";

export const metadata: Metadata = { title: "Perangkat Daerah" };

const nf = new Intl.NumberFormat("id-ID");

export default async function OpdListPage({ searchParams }: { searchParams: Promise<SearchParamsRecord> }) {
  const actor = await requirePermission("opd.manage");
  const sp = await searchParams;
  const filter = opdListFilterSchema.parse(sp);
  const result = await listOpd(actor, filter);
  const keptParams: SearchParamsRecord = { q: filter.q };

  return (
    <>
      <PageHeader
        breadcrumb={<Breadcrumbs items={[{ label: "Beranda", href: "/beranda" }, { label: "Perangkat Daerah" }]} />}
        title="Perangkat Daerah"
        description="Daftar OPD yang dapat memprakarsai kerja sama dan menjadi unit kerja Operator OPD serta Kepala OPD."
        actions={
          <LinkButton href="/admin/opd/baru" variant="primary">
            Tambah OPD
          </LinkButton>
        }
      />
      {sp.tersimpan === "1" && <Alert tone="success" announce className="mb-6" title="OPD baru telah disimpan." />}
      <FilterBar
        action="/admin/opd"
        label="Cari OPD"
        filtered={Boolean(filter.q)}
        filterKey={filter.q ?? ""}
        columns="xl:grid-cols-[1fr_auto]"
        submitLabel="Cari"
      >
        <Field id="cari-q" label="Cari">
          {(p) => <Input {...p} type="search" name="q" defaultValue={filter.q} placeholder="Nama, singkatan, atau kode" />}
        </Field>
      </FilterBar>

      {result.total === 0 ? (
        filter.q ? (
          <EmptyState
            icon="search"
            title="Tidak ada OPD yang cocok"
            description="Periksa ejaan kata kunci atau cari dengan singkatan atau kode OPD."
            action={<LinkButton href="/admin/opd">Tampilkan Semua OPD</LinkButton>}
          />
        ) : (
          <EmptyState
            icon="building"
            title="Belum ada OPD"
            description="Tambahkan perangkat daerah terlebih dahulu: akun Operator OPD dan Kepala OPD hanya dapat dibuat untuk OPD yang terdaftar."
            action={<LinkButton href="/admin/opd/baru" variant="primary">Tambah OPD</LinkButton>}
          />
        )
      ) : (
        <>
          <Table caption={`Daftar perangkat daerah (${nf.format(result.total)})`} captionHidden>
            <THead>
              <TR>
                <TH>Nama</TH>
                <TH>Singkatan</TH>
                <TH>Kode</TH>
                <TH className="text-right">Jumlah pengguna</TH>
                <TH>Status</TH>
              </TR>
            </THead>
            <TBody>
              {result.items.map((o) => (
                <TR key={o.id}>
                  <TH scope="row" label="Nama">
                    <Link href={`/admin/opd/${o.id}`} className="text-brand-800 underline hover:text-brand-950">
                      {o.name}
                    </Link>
                  </TH>
                  <TD label="Singkatan">{o.shortName}</TD>
                  <TD label="Kode" className="font-mono text-[13px]">{o.code ?? "—"}</TD>
                  <TD label="Jumlah pengguna" className="tabular-nums md:text-right">
                    {nf.format(o.userCount)}
                    {o.userCount !== o.activeUserCount && (
                      <span className="block text-xs text-slate-600">{nf.format(o.activeUserCount)} aktif</span>
                    )}
                  </TD>
                  <TD label="Status">
                    <Badge tone={o.active ? "success" : "neutral"}>{o.active ? "Aktif" : "Nonaktif"}</Badge>
                  </TD>
                </TR>
              ))}
            </TBody>
          </Table>
          <Pagination
            page={result.page}
            totalPages={result.totalPages}
            pathname="/admin/opd"
            searchParams={keptParams}
            totalItems={result.total}
            pageSize={result.pageSize}
          />
        </>
      )}
    </>
  );
}
