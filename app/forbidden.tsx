import type { Metadata } from "next";
import { LinkButton } from "@/components/ui/button";
import { StandalonePage, StatusPanel } from "@/components/shell/status-page";

export const metadata: Metadata = { title: "Akses ditolak" };

/** Rendered by `forbidden()` (HTTP 403; needs experimental.authInterrupts in next.config.ts). */
export default function Forbidden() {
  return (
    <StandalonePage>
      <StatusPanel
        code="403"
        icon="lock"
        title="Akses ditolak"
        actions={
          <LinkButton href="/beranda" variant="primary">
            Kembali ke Beranda
          </LinkButton>
        }
      >
        <p>Anda tidak memiliki hak akses ke halaman ini.</p>
        <p>
          Jika menurut Anda akses ini diperlukan untuk tugas Anda, hubungi Bagian Kerja Sama Sekretariat Daerah atau
          administrator sistem.
        </p>
      </StatusPanel>
    </StandalonePage>
  );
}
