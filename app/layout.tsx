import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import { GeistSans } from "geist/font/sans";
import "./globals.css";

export const metadata: Metadata = {
  title: {
    default: "SIKERDA — Sistem Informasi Kerja Sama Daerah",
    template: "%s · SIKERDA",
  },
  description:
    "Sistem Informasi Kerja Sama Daerah: pengelolaan usulan, naskah, pelaksanaan, dan pelaporan kerja sama daerah.",
  applicationName: "SIKERDA",
};

export const viewport: Viewport = {
  themeColor: "#006762",
  colorScheme: "light",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page is rendered per request: its scripts carry that response's CSP nonce (proxy.ts).
  // A page prerendered at build time would have none and its scripts would be refused.
  await connection();
  return (
    <html lang="id" className={GeistSans.variable}>
      <body className="min-h-dvh font-sans">
        <a
          href="#konten"
          className="sr-only focus:not-sr-only focus:fixed focus:top-3 focus:left-3 focus:z-50 focus:rounded-md focus:bg-white focus:px-4 focus:py-3 focus:font-semibold focus:text-brand-800 focus:shadow-lg"
        >
          Lewati ke konten utama
        </a>
        {children}
      </body>
    </html>
  );
}
