import { Badge, type BadgeTone } from "@/components/ui/badge";
import { formatTanggalWaktu } from "@/lib/format";
import type { TkksdOpinionValue } from "@/lib/generated/prisma/enums";
import { OPINION_LABELS } from "./labels";

export type OpinionItem = {
  id: string;
  opinion: TkksdOpinionValue;
  note: string;
  round: number;
  createdAt: Date;
  member: { fullName: string };
};

const TONE: Record<TkksdOpinionValue, BadgeTone> = { LAYAK: "success", PERBAIKAN: "warning", TIDAK_LAYAK: "danger" };

/** Written opinions of TKKSD members, newest round first. */
export function OpinionList({ opinions, timeZone }: { opinions: readonly OpinionItem[]; timeZone: string }) {
  if (opinions.length === 0) {
    return <p className="text-sm text-slate-700">Belum ada pendapat tertulis dari anggota TKKSD.</p>;
  }
  const rounds = [...new Set(opinions.map((o) => o.round))].sort((a, b) => b - a);
  return (
    <div className="space-y-4">
      {rounds.map((round) => (
        <section key={round} aria-label={`Pembahasan ke-${round}`}>
          {rounds.length > 1 && <h3 className="mb-2 text-sm font-semibold text-slate-900">Pembahasan ke-{round}</h3>}
          <ul className="space-y-3">
            {opinions
              .filter((o) => o.round === round)
              .map((o) => (
                <li key={o.id} className="rounded-md border border-slate-200 px-4 py-3 text-sm">
                  <p className="flex flex-wrap items-center gap-2">
                    <span className="font-semibold text-slate-900">{o.member.fullName}</span>
                    <Badge tone={TONE[o.opinion]}>{OPINION_LABELS[o.opinion]}</Badge>
                    <time className="text-slate-600" dateTime={o.createdAt.toISOString()}>
                      {formatTanggalWaktu(o.createdAt, timeZone)}
                    </time>
                  </p>
                  <p className="mt-1 whitespace-pre-line text-slate-800">{o.note}</p>
                </li>
              ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
