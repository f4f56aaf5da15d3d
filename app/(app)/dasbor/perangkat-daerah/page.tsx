import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { nf } from "@/components/dashboard/labels";
import { OpdTable } from "@/components/dashboard/opd-table";
import { tanggalPendek } from "@/components/register/dates";
import { Card } from "@/components/ui/card";
import { Breadcrumbs, PageHeader } from "@/components/ui/page-header";
import type { SearchParamsRecord } from "@/components/ui/pagination";
import { requirePermission } from "@/lib/auth/session";
import { dashboardYear } from "@/lib/dashboard/queries";
import { getDashboard } from "@/lib/dashboard/snapshot";
import { formatTanggalWaktu } from "@/lib/format";

export const metadata: Metadata = { title: "Dasbor per perangkat daerah" };

/** Every OPD's numbers (the dashboard lists the ten that most need attention), from the same snapshot. */
export default async function DasborPerOpdPage({ searchParams }: { searchParams: Promise<SearchParamsRecord> }) {
  const user = await requirePermission("dashboard.view");
  const now = new Date();
  const year = dashboardYear((await searchParams).tahun, now);
  const d = await getDashboard(user, { now, year });
  // An OPD's own dashboard has no comparison between OPDs.
  if (d.scopedToOpd) redirect("/dasbor");
  const { today, endingSoonDays } = d.context;
  const back = `/dasbor${year ? `?tahun=${year}` : ""}`;
  return (
    <>
      <PageHeader
        title="Kerja sama per perangkat daerah"
        breadcrumb={<Breadcrumbs items={[{ label: "Dasbor", href: back }, { label: "Per perangkat daerah" }]} />}
        description={`${nf.format(d.perOpd.length)} perangkat daerah per ${tanggalPendek(today)}, ${year ? `ditandatangani tahun ${year}` : "semua tahun penandatanganan"}. Urut menurut kerja sama berlaku; setiap angka membuka Daftar Kerja Sama dengan saringan yang sama.`}
        meta={
          <p className="text-sm text-slate-600" id="diperbarui">
            Diperbarui {formatTanggalWaktu(d.computedAt, d.timeZone)}
            {d.refreshing ? " — angka terbaru sedang dihitung; muat ulang halaman sebentar lagi." : ""}
          </p>
        }
      />
      <Card title="Per perangkat daerah" description={`Akan berakhir: ≤ ${endingSoonDays} hari.`} flush>
        <OpdTable rows={d.perOpd} endingSoonDays={endingSoonDays} />
      </Card>
    </>
  );
}
