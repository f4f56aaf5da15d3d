import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/select";

/** The year filter (the register's "tahun ditandatangani"): a plain GET form, works without JavaScript. */
export function YearFilter({ year, thisYear }: { year: number | null; thisYear: number }) {
  const years = Array.from({ length: 10 }, (_, i) => String(thisYear - i));
  return (
    <form action="/dasbor" method="get" className="flex flex-wrap items-end gap-2" role="search" aria-label="Saring dasbor menurut tahun">
      <div>
        <label htmlFor="dasbor-tahun" className="mb-1 block text-sm font-medium text-slate-800">Tahun ditandatangani</label>
        <Select id="dasbor-tahun" name="tahun" defaultValue={year ? String(year) : ""} placeholder="Semua tahun"
          options={years.map((y) => ({ value: y, label: y }))} className="min-w-40" />
      </div>
      <Button type="submit" variant="secondary">Terapkan</Button>
    </form>
  );
}
