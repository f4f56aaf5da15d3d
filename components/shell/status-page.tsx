import type { ReactNode } from "react";
import { Icon, type IconName } from "@/components/ui/icons";
import { Brand } from "./brand";

export type StatusPanelProps = {
  /** Short code shown above the title, e.g. "404" or "403". */
  code?: string;
  icon: IconName;
  title: string;
  children: ReactNode;
  /** Links/buttons, e.g. back to Beranda. */
  actions: ReactNode;
};

/** Centred explanation with an h1: used by not-found, forbidden and error pages. */
export function StatusPanel({ code, icon, title, children, actions }: StatusPanelProps) {
  return (
    <div className="mx-auto max-w-xl rounded-lg border border-slate-200 bg-white px-6 py-10 text-center shadow-sm sm:px-10">
      <Icon name={icon} className="mx-auto size-12 text-brand-700" />
      {code && (
        <p className="mt-4 text-sm font-semibold tracking-widest text-slate-600">
          <span className="sr-only">Kode status </span>
          {code}
        </p>
      )}
      <h1 className="mt-2 text-2xl font-bold tracking-tight text-slate-900">{title}</h1>
      <div className="mt-3 space-y-2 text-base text-slate-700">{children}</div>
      <div className="mt-8 flex flex-wrap justify-center gap-3">{actions}</div>
    </div>
  );
}

/** Page frame for screens rendered outside the app shell: brand header + <main id="konten">. */
export function StandalonePage({ children }: { children: ReactNode }) {
  return (
    <div className="flex min-h-dvh flex-col">
      <header className="border-t-4 border-b border-t-brand-700 border-b-slate-200 bg-white">
        <div className="mx-auto max-w-screen-2xl px-4 py-3 sm:px-6">
          <Brand />
        </div>
      </header>
      <main id="konten" tabIndex={-1} className="flex flex-1 items-start justify-center px-4 py-12 sm:py-20">
        {children}
      </main>
    </div>
  );
}
