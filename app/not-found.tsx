import type { Metadata } from "next";
import { LinkButton } from "@/components/ui/button";
import { StandalonePage, StatusPanel } from "@/components/shell/status-page";

export const metadata: Metadata = { title: "Halaman tidak ditemukan" };

export default function NotFound() {
  return (
    <StandalonePage>
      <StatusPanel
        code="404"
        icon="search"
        title="Halaman tidak ditemukan"
        actions={
          <LinkButton href="/beranda" variant="primary">
            Kembali ke Beranda
          </LinkButton>
        }
      >
        <p>Alamat yang Anda buka tidak ada, sudah dipindahkan, atau data yang dicari telah dihapus.</p>
        <p>Periksa kembali alamatnya, atau mulai lagi dari Beranda.</p>
      </StatusPanel>
    </StandalonePage>
  );
}
