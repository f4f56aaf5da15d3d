import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { navItemsFor } from "@/components/shell/nav-items";
import { requireUser } from "@/lib/auth/session";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { formatTanggal } from "@/lib/format";
import { homeTiles, type HomeTile } from "@/lib/home/queries";
import { getSettings } from "@/lib/settings/service";

export const metadata: Metadata = { title: "Beranda" };

const TILE_TONES: Record<HomeTile["tone"], string> = {
  brand: "border-l-brand-700",
  warning: "border-l-amber-500",
  neutral: "border-l-slate-400",
  success: "border-l-emerald-600",
};

export default async function BerandaPage() {
  const user = await requireUser();
  const now = new Date();
  const settings = await getSettings();
  const tiles = await homeTiles(user, now);
  const links = navItemsFor(user).filter((item) => item.href !== "/beranda");
  return (
    <>
      <PageHeader
        title={`Selamat datang, ${user.fullName}`}
        description={`${ROLE_LABELS[user.role]}${user.opdName ? ` · ${user.opdName}` : ""} — ${formatTanggal(now, settings.region.timeZone)}`}
      />
      <section aria-labelledby="ringkasan" className="mb-8">
        <h2 id="ringkasan" className="mb-3 text-lg font-semibold text-slate-900">
          Ringkasan
        </h2>
        <ul className={`grid gap-4 sm:grid-cols-2 ${tiles.length === 5 ? "xl:grid-cols-5" : tiles.length % 3 === 0 ? "xl:grid-cols-3" : "xl:grid-cols-4"}`}>
          {tiles.map((t) => {
            const value = `${t.value.toLocaleString("id-ID")}${t.capped ? "+" : ""}`;
            const body = (
              <>
                <p className="text-sm font-medium text-slate-600">{t.label}</p>
                <p className="mt-1 text-3xl font-bold text-slate-900" data-testid={`tile-${t.label}`}>
                  {value}
                </p>
                <p className="mt-1 text-sm text-slate-600">{t.hint}</p>
              </>
            );
            return (
              <li key={t.label} className={`rounded-lg border border-l-4 border-slate-200 bg-white shadow-sm ${TILE_TONES[t.tone]}`}>
                {t.href ? (
                  // The whole tile is the link to the register with the tile's filter.
                  <Link
                    href={t.href}
                    className="block h-full rounded-r-lg p-4 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700"
                  >
                    {body}
                    <span aria-hidden="true" className="mt-2 inline-block text-sm font-semibold text-brand-800 underline">Lihat daftar</span>
                  </Link>
                ) : (
                  <div className="p-4">{body}</div>
                )}
              </li>
            );
          })}
        </ul>
      </section>
      <Card title="Menu Anda" description="Halaman yang dapat Anda gunakan sesuai peran.">
        <ul className="grid gap-2 sm:grid-cols-2 lg:grid-cols-3">
          {links.map((item) => (
            <li key={item.href}>
              <Link
                href={item.href}
                className="block rounded-md border border-slate-200 px-4 py-3 font-medium text-brand-800 hover:bg-slate-50"
              >
                {item.label}
              </Link>
            </li>
          ))}
        </ul>
      </Card>
    </>
  );
}
