import Link from "@/components/ui/link";
import type { ExtensionBasis } from "@/lib/cases/perpanjangan";
import { formatTanggal } from "@/lib/format";
import type { Stage } from "@/lib/generated/prisma/enums";
import { STAGE_LABELS } from "@/lib/workflow";

type CaseLink = { id: string; code: string; title: string; stage: Stage };

const REALIZATION: Record<string, string> = { PENUH: "terlaksana penuh", SEBAGIAN: "terlaksana sebagian", TIDAK: "tidak terlaksana" };
const RECOMMENDATION: Record<string, string> = { LANJUTKAN: "dilanjutkan", PERBAIKI: "diperbaiki", HENTIKAN: "dihentikan" };

/**
 * Perpanjangan links, both ways (domain §5): "perpanjangan dari …" on the new case with what the old
 * cooperation's last report said, "diperpanjang melalui …" on the old one.
 */
export function ExtensionLinks({
  extendsCase, extensions, basis,
}: {
  extendsCase: CaseLink | null;
  extensions: readonly CaseLink[];
  basis: ExtensionBasis | null;
}) {
  if (!extendsCase && extensions.length === 0) return null;
  const report = basis?.lastReport ?? null;
  return (
    <section aria-label="Perpanjangan" className="rounded-md border border-sky-200 bg-sky-50 px-4 py-3 text-sm text-sky-950">
      {extendsCase && (
        <div className="space-y-1">
          <p>
            <span className="font-semibold">Perpanjangan dari </span>
            <Link href={`/usulan/${extendsCase.id}`} className="font-semibold text-brand-800 underline hover:no-underline">
              {extendsCase.code}
            </Link>{" "}
            · {extendsCase.title} ({STAGE_LABELS[extendsCase.stage]})
            {basis?.naskah?.ourNumber && `; naskah nomor ${basis.naskah.ourNumber}`}
            {basis?.naskah?.endDate && `, berlaku sampai ${formatTanggal(new Date(`${basis.naskah.endDate}T00:00:00Z`), "UTC")}`}.
          </p>
          <p>
            {report ? (
              <>
                <span className="font-semibold">Laporan pelaksanaan terakhir ({report.periodLabel}{report.reviewed ? "" : ", belum ditelaah"}):</span>{" "}
                {REALIZATION[report.realization] ?? report.realization}; capaian: {report.outputAchieved}
                {report.obstacles ? `; kendala: ${report.obstacles}` : ""}; rekomendasi: {RECOMMENDATION[report.recommendation] ?? report.recommendation}
                {report.rating ? `; nilai ${report.rating}/5` : ""}.
              </>
            ) : (
              "Kerja sama sebelumnya belum memiliki laporan pelaksanaan."
            )}
          </p>
        </div>
      )}
      {extensions.length > 0 && (
        <p className={extendsCase ? "mt-2" : undefined}>
          <span className="font-semibold">Diperpanjang melalui </span>
          {extensions.map((e, i) => (
            <span key={e.id}>
              {i > 0 && ", "}
              <Link href={`/usulan/${e.id}`} className="font-semibold text-brand-800 underline hover:no-underline">
                {e.code}
              </Link>{" "}
              ({STAGE_LABELS[e.stage]})
            </span>
          ))}
          .
        </p>
      )}
    </section>
  );
}
