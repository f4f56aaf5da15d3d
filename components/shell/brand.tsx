import Link from "@/components/ui/link";
import { DEFAULT_SETTINGS } from "@/lib/settings/defaults";
import { ROLE_HOME } from "./routes";

/** Decorative mark: a simple shield, no emblem imitation. */
function Mark() {
  return (
    <svg viewBox="0 0 32 32" aria-hidden="true" focusable="false" className="size-9 shrink-0">
      <path d="M16 2 4 6.5v9.2C4 23 9.2 28.4 16 30c6.8-1.6 12-7 12-14.3V6.5z" className="fill-brand-700" />
      <path
        d="M10 16.5 14 20l8-9"
        fill="none"
        stroke="white"
        strokeWidth="2.5"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}

/** Region + product name, linking to Beranda. The region name is a setting (domain §10). */
export function Brand({ regionName = DEFAULT_SETTINGS.region.name }: { regionName?: string }) {
  return (
    <Link href={ROLE_HOME} className="flex min-w-0 items-center gap-3 rounded-md">
      <Mark />
      <span className="min-w-0">
        <span className="block text-xs font-semibold tracking-wide text-slate-600 uppercase">
          Pemerintah {regionName}
        </span>
        <span className="block text-base leading-tight font-bold text-slate-900">
          SIKERDA
          <span className="font-medium text-slate-700">
            <span aria-hidden="true"> — </span>
            <span className="sr-only">, </span>
            Sistem Informasi Kerja Sama Daerah
          </span>
        </span>
      </span>
    </Link>
  );
}
