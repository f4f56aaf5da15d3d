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
import { Select } from "@/components/ui/select";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { requirePermission } from "@/lib/auth/session";
import { ROLES, ROLE_LABELS } from "@/lib/auth/roles";
import { formatTanggalWaktu } from "@/lib/format";
import { listAllOpdOptions } from "@/lib/opd/queries";
import { getSettings } from "@/lib/settings/service";
import { listUsers } from "@/lib/users/queries";
import { userListFilterSchema } from "@/lib/validation/admin-extra";

export const metadata: Metadata = { title: "Pengguna" };

const ROLE_OPTIONS = ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }));
const STATUS_OPTIONS = [
  { value: "aktif", label: "Aktif" },
  { value: "nonaktif", label: "Nonaktif" },
];

export default async function PenggunaPage({ searchParams }: { searchParams: Promise<SearchParamsRecord> }) {
  const actor = await requirePermission("user.manage");
  const sp = await searchParams;
  const filter = userListFilterSchema.parse(sp);
  const [result, opdOptions, settings] = await Promise.all([
    listUsers(actor, filter),
    listAllOpdOptions(),
    getSettings(),
  ]);
  const filtered = Boolean(filter.q || filter.role || filter.opdId || filter.status);
  const keptParams: SearchParamsRecord = { q: filter.q, role: filter.role, opdId: filter.opdId, status: filter.status };

  return (
    <>
      <PageHeader
        breadcrumb={<Breadcrumbs items={[{ label: "Beranda", href: "/beranda" }, { label: "Pengguna" }]} />}
        title="Pengguna"
        description="Akun yang dapat masuk ke SIKERDA, beserta peran dan OPD-nya."
        actions={
          <LinkButton href="/admin/pengguna/baru" variant="primary">
            Tambah Pengguna
          </LinkButton>
        }
      />
      {sp.tersimpan === "1" && (
        <Alert tone="success" announce className="mb-6" title="Pengguna baru telah disimpan.">
          Sampaikan nama pengguna dan kata sandi awal kepada yang bersangkutan melalui saluran resmi.
        </Alert>
      )}
      <FilterBar
        action="/admin/pengguna"
        label="Cari dan saring pengguna"
        filtered={filtered}
        filterKey={JSON.stringify(keptParams)}
        columns="xl:grid-cols-[2fr_1fr_1.5fr_1fr_auto]"
      >
        <Field id="cari-q" label="Cari">
          {(p) => <Input {...p} type="search" name="q" defaultValue={filter.q} placeholder="Nama, nama pengguna, atau NIP" />}
        </Field>
        <Field id="cari-role" label="Peran">
          {(p) => <Select {...p} name="role" defaultValue={filter.role ?? ""} placeholder="Semua peran" options={ROLE_OPTIONS} />}
        </Field>
        <Field id="cari-opd" label="OPD">
          {(p) => <Select {...p} name="opdId" defaultValue={filter.opdId ?? ""} placeholder="Semua OPD" options={opdOptions} />}
        </Field>
        <Field id="cari-status" label="Status">
          {(p) => <Select {...p} name="status" defaultValue={filter.status ?? ""} placeholder="Semua status" options={STATUS_OPTIONS} />}
        </Field>
      </FilterBar>

      {result.total === 0 ? (
        filtered ? (
          <EmptyState
            icon="search"
            title="Tidak ada pengguna yang cocok"
            description="Periksa ejaan kata kunci, atau longgarkan filter peran, OPD, dan status lalu tekan Terapkan."
            action={<LinkButton href="/admin/pengguna">Tampilkan Semua Pengguna</LinkButton>}
          />
        ) : (
          <EmptyState
            icon="users"
            title="Belum ada pengguna"
            description="Tambahkan akun untuk setiap petugas: pilih perannya, dan untuk Operator OPD atau Kepala OPD pilih juga OPD-nya."
            action={<LinkButton href="/admin/pengguna/baru" variant="primary">Tambah Pengguna</LinkButton>}
          />
        )
      ) : (
        <>
          <Table caption={`Daftar pengguna (${result.total.toLocaleString("id-ID")})`} captionHidden>
            <THead>
              <TR>
                <TH>Nama</TH>
                <TH>Nama pengguna</TH>
                <TH>Peran</TH>
                <TH>OPD</TH>
                <TH>Status</TH>
                <TH>Masuk terakhir</TH>
              </TR>
            </THead>
            <TBody>
              {result.items.map((u) => (
                <TR key={u.id}>
                  <TH scope="row" label="Nama">
                    <Link href={`/admin/pengguna/${u.id}`} className="text-brand-800 underline hover:text-brand-950">
                      {u.fullName}
                    </Link>
                  </TH>
                  <TD label="Nama pengguna" className="font-mono text-[13px]">{u.username}</TD>
                  <TD label="Peran">{ROLE_LABELS[u.role]}</TD>
                  <TD label="OPD">{u.opd ? <abbr title={u.opd.name} className="no-underline">{u.opd.shortName}</abbr> : "—"}</TD>
                  <TD label="Status">
                    <Badge tone={u.active ? "success" : "neutral"}>{u.active ? "Aktif" : "Nonaktif"}</Badge>
                  </TD>
                  <TD label="Masuk terakhir" className="md:whitespace-nowrap">
                    {u.lastLoginAt ? formatTanggalWaktu(u.lastLoginAt, settings.region.timeZone) : "Belum pernah"}
                  </TD>
                </TR>
              ))}
            </TBody>
          </Table>
          <Pagination
            page={result.page}
            totalPages={result.totalPages}
            pathname="/admin/pengguna"
            searchParams={keptParams}
            totalItems={result.total}
            pageSize={result.pageSize}
          />
        </>
      )}
    </>
  );
}
