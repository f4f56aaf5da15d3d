import Link from "@/components/ui/link";
import { cn } from "./cn";
import { Icon } from "./icons";

export type SearchParamsRecord = Record<string, string | string[] | undefined>;

export type PaginationProps = {
  /** Current page, 1-based. */
  page: number;
  totalPages: number;
  /** Path of the list, e.g. "/usulan". */
  pathname: string;
  /** The page's current searchParams; filters are kept, `page` is replaced. */
  searchParams?: SearchParamsRecord;
  /** Optional "Menampilkan 21–40 dari 134 data" line. */
  totalItems?: number;
  pageSize?: number;
  className?: string;
};

export function pageHref(pathname: string, searchParams: SearchParamsRecord, page: number): string {
  const qs = new URLSearchParams();
  for (const [key, value] of Object.entries(searchParams)) {
    if (key === "page" || value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) qs.append(key, v);
  }
  if (page > 1) qs.set("page", String(page));
  const s = qs.toString();
  return s ? `${pathname}?${s}` : pathname;
}

const linkClass =
  "inline-flex min-h-10 items-center gap-1.5 rounded-md border border-slate-300 bg-white px-3 text-sm font-semibold";

/** Server-rendered pagination: plain links, no JS. Renders nothing for a single page. */
export function Pagination({
  page,
  totalPages,
  pathname,
  searchParams = {},
  totalItems,
  pageSize,
  className,
}: PaginationProps) {
  if (totalPages <= 1 && totalItems === undefined) return null;
  const hasPrev = page > 1;
  const hasNext = page < totalPages;
  const from = totalItems && pageSize ? (page - 1) * pageSize + 1 : undefined;
  const to = totalItems && pageSize ? Math.min(page * pageSize, totalItems) : undefined;
  const nf = new Intl.NumberFormat("id-ID");

  return (
    <nav aria-label="Navigasi halaman" className={cn("mt-4 flex flex-wrap items-center justify-between gap-3", className)}>
      <p className="text-sm text-slate-700">
        Halaman {nf.format(page)} dari {nf.format(Math.max(totalPages, 1))}
        {totalItems !== undefined && from !== undefined && to !== undefined && (
          <span className="text-slate-600">
            {" "}
            · Menampilkan {nf.format(from)}–{nf.format(to)} dari {nf.format(totalItems)} data
          </span>
        )}
      </p>
      {totalPages > 1 && (
        <div className="flex gap-2">
          {hasPrev ? (
            <Link href={pageHref(pathname, searchParams, page - 1)} rel="prev" className={cn(linkClass, "text-brand-800 hover:bg-slate-50")}>
              <Icon name="chevronLeft" className="size-4" />
              Sebelumnya
            </Link>
          ) : (
            <span aria-disabled="true" className={cn(linkClass, "cursor-not-allowed text-slate-500")}>
              <Icon name="chevronLeft" className="size-4" />
              Sebelumnya
            </span>
          )}
          {hasNext ? (
            <Link href={pageHref(pathname, searchParams, page + 1)} rel="next" className={cn(linkClass, "text-brand-800 hover:bg-slate-50")}>
              Berikutnya
              <Icon name="chevronRight" className="size-4" />
            </Link>
          ) : (
            <span aria-disabled="true" className={cn(linkClass, "cursor-not-allowed text-slate-500")}>
              Berikutnya
              <Icon name="chevronRight" className="size-4" />
            </span>
          )}
        </div>
      )}
    </nav>
  );
}
