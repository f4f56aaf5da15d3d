"use client";

import { useEffect } from "react";
import { ErrorScreen } from "@/components/shell/error-screen";
import "./globals.css";

/** Replaces the root layout when that fails, so it brings its own document and styles. */
export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <html lang="id">
      <body className="bg-slate-50 font-sans text-slate-900">
        <title>Terjadi kesalahan · SIKERDA</title>
        <ErrorScreen error={error} retry={retry} />
      </body>
    </html>
  );
}
