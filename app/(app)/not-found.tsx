import type { Metadata } from "next";
import { LinkButton } from "@/components/ui/button";
import { StatusPanel } from "@/components/shell/status-page";

export const metadata: Metadata = { title: "Halaman tidak ditemukan" };

/** 404 inside the signed-in shell (notFound() in a page, e.g. another OPD's usulan). */
export default function NotFound() {
  return (
    <div className="py-6 sm:py-12">
      <StatusPanel
        code="404"
        icon="search"
        title="Data tidak ditemukan"
        actions={
          <LinkButton href="/beranda" variant="primary">
            Kembali ke Beranda
          </LinkButton>
        }
      >
        <p>Data yang Anda buka tidak ada, sudah dihapus, atau bukan bagian dari perangkat daerah Anda.</p>
        <p>Periksa kembali alamatnya, atau cari melalui halaman Usulan.</p>
      </StatusPanel>
    </div>
  );
}
