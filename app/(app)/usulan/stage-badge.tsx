import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { Stage } from "@/lib/generated/prisma/enums";
import { STAGE_LABELS } from "@/lib/workflow/stages";

/** Colour only reinforces the label (which always carries the meaning). */
export function stageTone(stage: Stage): BadgeTone {
  switch (stage) {
    case "DRAF":
      return "neutral";
    case "PERBAIKAN":
      return "warning";
    case "PELAKSANAAN":
      return "success";
    case "BERAKHIR":
    case "SELESAI":
      return "neutral";
    case "DITOLAK":
    case "DITOLAK_DPRD":
    case "BATAL":
    case "DIAKHIRI":
      return "danger";
    default:
      return "info";
  }
}

export function StageBadge({ stage, className }: { stage: Stage; className?: string }) {
  return (
    <Badge tone={stageTone(stage)} className={className}>
      {STAGE_LABELS[stage]}
    </Badge>
  );
}
