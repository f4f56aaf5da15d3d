import { Badge } from "@/components/ui/badge";
import { isAgreementState, registerStateLabel, registerStateTone, type RegisterState } from "@/lib/register/status";
import { stageLabel, type Initiator, type Stage } from "@/lib/workflow";

/**
 * The Status column: the register status (Aktif, Akan berakhir, …) and, while the case is still
 * moving through its stages, the stage it is in (e.g. a KB in force while its PKS is drafted).
 */
export function RegisterStatus({
  state, stage, initiator, endingSoonDays,
}: { state: RegisterState; stage: Stage; initiator: Initiator; endingSoonDays: number }) {
  const agreement = isAgreementState(state);
  const showStage = agreement && stage !== "PELAKSANAAN" && stage !== "BERAKHIR" && !["SELESAI", "DIAKHIRI", "DITOLAK", "BATAL", "DITOLAK_DPRD"].includes(stage);
  return (
    <div className="space-y-1">
      <Badge tone={registerStateTone(state)} wrap>
        <span className="sr-only">Status: </span>
        {agreement ? registerStateLabel(state, endingSoonDays) : stageLabel(state as Stage, initiator)}
      </Badge>
      {!agreement && <span className="block text-xs text-slate-600">Usulan dalam proses</span>}
      {showStage && <span className="block text-xs text-slate-600">Tahap: {stageLabel(stage, initiator)}</span>}
    </div>
  );
}
