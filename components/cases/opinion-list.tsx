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
  memberId: string;
  member: { fullName: string };
};

const TONE: Record<TkksdOpinionValue, BadgeTone> = { LAYAK: "success", PERBAIKAN: "warning", TIDAK_LAYAK: "danger" };

/**
 * Written opinions of TKKSD members, newest round first. Every opinion is kept: when a member gave
 * several in one round, the latest counts and the earlier ones are shown as replaced.
 */
export function OpinionList({ opinions, timeZone }: { opinions: readonly OpinionItem[]; timeZone: string }) {
  if (opinions.length === 0) {
    return <p className="text-sm text-slate-700">Belum ada pendapat tertulis dari anggota TKKSD.</p>;
  }
  const rounds = [...new Set(opinions.map((o) => o.round))].sort((a, b) => b - a);
  // The latest opinion of each member in each round (opinions arrive oldest first).
  const current = new Map<string, string>();
  for (const o of opinions) current.set(`${o.round}:${o.memberId}`, o.id);
  return (
    <div className="space-y-4">
      {rounds.map((round) => (
        <section key={round} aria-label={`Pembahasan ke-${round}`}>
          {rounds.length > 1 && <h3 className="mb-2 text-sm font-semibold text-slate-900">Pembahasan ke-{round}</h3>}
          <ul className="space-y-3">
            {opinions
              .filter((o) => o.round === round)
              .map((o) => {
                const replaced = current.get(`${o.round}:${o.memberId}`) !== o.id;
                return (
                  <li
                    key={o.id}
                    className={`rounded-md border px-4 py-3 text-sm ${replaced ? "border-dashed border-slate-300 bg-slate-50" : "border-slate-200"}`}
                  >
                    <p className="flex flex-wrap items-center gap-2">
                      <span className="font-semibold text-slate-900">{o.member.fullName}</span>
                      <Badge tone={replaced ? "neutral" : TONE[o.opinion]}>{OPINION_LABELS[o.opinion]}</Badge>
                      <time className="text-slate-600" dateTime={o.createdAt.toISOString()}>
                        {formatTanggalWaktu(o.createdAt, timeZone)}
                      </time>
                      {replaced && <span className="text-slate-700 italic">— diganti dengan pendapat yang lebih baru</span>}
                    </p>
                    <p className="mt-1 whitespace-pre-line text-slate-800">{o.note}</p>
                  </li>
                );
              })}
          </ul>
        </section>
      ))}
    </div>
  );
}
