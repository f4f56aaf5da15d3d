"use client";

import { useEffect } from "react";
import { Button, LinkButton } from "@/components/ui/button";
import { StandalonePage, StatusPanel, errorDigest } from "@/components/shell/status-page";

export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  const digest = errorDigest(error);
  useEffect(() => {
    console.error(error);
  }, [error]);

  return (
    <StandalonePage>
      <StatusPanel
        icon="warning"
        title="Terjadi kesalahan"
        actions={
          <>
            <Button variant="primary" onClick={() => retry()}>
              Coba lagi
            </Button>
            <LinkButton href="/beranda">Kembali ke Beranda</LinkButton>
          </>
        }
      >
        <p>Sistem gagal memproses permintaan Anda. Perubahan terakhir mungkin belum tersimpan; periksa kembali setelah mencoba lagi.</p>
        <p>Jika masalah berulang, laporkan kepada administrator sistem dengan menyertakan kode rujukan di bawah ini.</p>
        {digest && (
          <p className="text-sm text-slate-600">
            Kode rujukan: <code className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-slate-800">{digest}</code>
          </p>
        )}
      </StatusPanel>
    </StandalonePage>
  );
}
