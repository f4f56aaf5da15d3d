import type { Metadata } from "next";
import { LinkButton } from "@/components/ui/button";
import { StatusPanel } from "@/components/shell/status-page";

export const metadata: Metadata = { title: "Akses ditolak" };

/** 403 inside the signed-in shell (forbidden() in a page): the shell already shows the header. */
export default function Forbidden() {
  return (
    <div className="py-6 sm:py-12">
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
    </div>
  );
}
