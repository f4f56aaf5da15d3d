import Link from "@/components/ui/link";
import { cn } from "@/components/ui/cn";
import { Icon } from "@/components/ui/icons";

const linkClass = "inline-flex min-h-10 items-center gap-1.5 rounded-md border border-slate-300 bg-white px-3 text-sm font-semibold";

/**
 * Pagination of a list whose count is capped (lib/register/queries.ts COUNT_CAP): "dari 1.000+"
 * when there are more, and "Berikutnya" as long as a further row exists. Plain links, no JS.
 */
export function CappedPagination({
  page, pageSize, shown, total, capped, hasNext, href,
}: {
  page: number;
  pageSize: number;
  /** Rows on this page. */
  shown: number;
  total: number;
  capped: boolean;
  hasNext: boolean;
  href: (page: number) => string;
}) {
  const nf = new Intl.NumberFormat("id-ID");
  const from = (page - 1) * pageSize + 1;
  const to = from + shown - 1;
  const totalText = capped ? `lebih dari ${nf.format(total)}` : nf.format(total);
  return (
    <nav aria-label="Navigasi halaman" className="mt-4 flex flex-wrap items-center justify-between gap-3">
      <p className="text-sm text-slate-700">
        Halaman {nf.format(page)}
        <span className="text-slate-600">
          {" "}
          · Menampilkan {nf.format(from)}–{nf.format(to)} dari {totalText} data
        </span>
      </p>
      {(page > 1 || hasNext) && (
        <div className="flex gap-2">
          {page > 1 ? (
            <Link href={href(page - 1)} rel="prev" className={cn(linkClass, "text-brand-800 hover:bg-slate-50")}>
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
            <Link href={href(page + 1)} rel="next" className={cn(linkClass, "text-brand-800 hover:bg-slate-50")}>
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
