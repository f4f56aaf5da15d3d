import { Badge, type BadgeTone } from "@/components/ui/badge";
import { stageLabel, type Initiator, type Stage } from "@/lib/workflow";

// Colour groups the stages; the label always carries the meaning (WCAG 1.4.1).
const WAITING: readonly Stage[] = [
  "PERSETUJUAN_OPD", "PERBAIKAN", "PENAWARAN", "PERSETUJUAN_DPRD", "KONSULTASI_KEMENDAGRI", "PERSETUJUAN_PUSAT",
  "ADENDUM_DPRD", "BERAKHIR",
];
const ACTIVE: readonly Stage[] = ["PELAKSANAAN", "SELESAI"];
const NEGATIVE: readonly Stage[] = ["DITOLAK", "BATAL", "DITOLAK_DPRD", "DIAKHIRI"];

/** Draf → neutral; review/drafting → info; waiting for someone outside → warning; active/closed → success; negative end → danger. */
export function stageTone(stage: Stage): BadgeTone {
  if (stage === "DRAF") return "neutral";
  if (NEGATIVE.includes(stage)) return "danger";
  if (ACTIVE.includes(stage)) return "success";
  if (WAITING.includes(stage)) return "warning";
  return "info";
}

/** The stage of a case; pass its initiator so a partner-initiated KSDPK reads "Surat Jawaban". */
export function StageBadge({
  stage, initiator, className, wrap,
}: { stage: Stage; initiator?: Initiator; className?: string; wrap?: boolean }) {
  return (
    <Badge tone={stageTone(stage)} className={className} wrap={wrap}>
      <span className="sr-only">Tahap: </span>
      {stageLabel(stage, initiator)}
    </Badge>
  );
}
