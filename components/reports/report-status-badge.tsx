import { Badge } from "@/components/ui/badge";
import type { PeriodStatus } from "@/lib/reports/periods";
import { PERIOD_STATUS_LABELS, PERIOD_STATUS_TONES } from "./labels";

/** The status of a reporting period (belum jatuh tempo … ditinjau), with "draf tersimpan" for the OPD. */
export function ReportStatusBadge({ status, draft = false }: { status: PeriodStatus; draft?: boolean }) {
  return (
    <span className="inline-flex flex-wrap items-center gap-1">
      <Badge tone={PERIOD_STATUS_TONES[status]}>
        <span className="sr-only">Status: </span>
        {PERIOD_STATUS_LABELS[status]}
      </Badge>
      {draft && <Badge tone="neutral">Draf tersimpan</Badge>}
    </span>
  );
}
