import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";
import { LinkButton } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/session";
import type { Action } from "@/lib/auth/policy";

// Menu pages whose content a later release fills. They are authorised like real pages and say
// honestly what is coming, instead of a 404 behind a menu link.
const PAGES = {
  dasbor: {
    title: "Dasbor",
    action: "dashboard.view",
    description: "Ringkasan kerja sama aktif, alur usulan, dan risiko bagi pimpinan daerah.",
    plan: "Dasbor pimpinan (kerja sama aktif, yang akan berakhir, tanpa laporan, per kelas mitra) akan tersedia pada rilis berikutnya.",
  },
  "kerja-sama": {
    title: "Register Kerja Sama",
    action: "register.view",
    description: "Daftar seluruh naskah kerja sama: KB, PKS, NK, MoU, dan adendum.",
    plan: "Register dengan penyaringan, pencarian, dan ekspor akan tersedia pada rilis berikutnya.",
  },
  mitra: {
    title: "Mitra Kerja Sama",
    action: "partner.read",
    description:
      "Data mitra: pemerintah daerah, kementerian/lembaga, perguruan tinggi, BUMN/BUMD, swasta, dan mitra luar negeri.",
    plan: "Daftar dan pengelolaan data mitra akan tersedia pada rilis berikutnya.",
  },
  laporan: {
    title: "Laporan Pelaksanaan",
    action: "report.list",
    description: "Laporan berkala (monev) atas kerja sama yang sedang berjalan.",
    plan: "Penyampaian dan penelaahan laporan pelaksanaan akan tersedia pada rilis berikutnya.",
  },
} satisfies Record<string, { title: string; action: Action; description: string; plan: string }>;

export type ComingSoonKey = keyof typeof PAGES;

export function comingSoonMetadata(key: ComingSoonKey): Metadata {
  return { title: PAGES[key].title };
}

export function comingSoonPage(key: ComingSoonKey) {
  const page = PAGES[key];
  return async function ComingSoonPage() {
    await requirePermission(page.action);
    return (
      <>
        <PageHeader title={page.title} description={page.description} />
        <EmptyState
          icon="info"
          title="Halaman ini sedang disiapkan"
          description={page.plan}
          action={<LinkButton href="/beranda">Kembali ke Beranda</LinkButton>}
        />
      </>
    );
  };
}
