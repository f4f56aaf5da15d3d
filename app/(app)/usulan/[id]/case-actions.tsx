import { ActionPanel } from "@/components/cases/action-panel";
import { PerpanjanganForm } from "@/components/cases/perpanjangan-form";
import type { CaseDetail } from "@/lib/cases/queries";
import { isoDate } from "@/lib/dates";
import { formatTanggal } from "@/lib/format";
import type { Settings } from "@/lib/settings/defaults";
import { startPerpanjanganAction, transitionAction } from "./actions";

/** The running naskah (PKS/NK/MoU in force, latest ending) of a case. */
export function runningNaskah(agreements: CaseDetail["agreements"]) {
  return agreements
    .filter((a) => (a.type === "PKS" || a.type === "NK" || a.type === "MOU") && a.status === "BERLAKU" && a.endDate)
    .sort((a, b) => (b.endDate as Date).getTime() - (a.endDate as Date).getTime())[0];
}

/**
 * The action panel of a case with everything the server allows this user now: the workflow events
 * and, on a running cooperation, "Mulai Perpanjangan". The same on the case page (/usulan/[id]) and
 * the agreement page (/kerja-sama/[id]).
 */
export function CaseActions({ detail, settings }: { detail: CaseDetail; settings: Settings }) {
  const { case: c, available, may, today, agreements } = detail;
  const running = runningNaskah(agreements);
  const extra = may.startPerpanjangan
    ? [{
        key: "perpanjangan",
        label: "Mulai Perpanjangan",
        description: "Usulan baru dari kerja sama ini, mulai dari Draf",
        content: (
          <PerpanjanganForm
            action={startPerpanjanganAction}
            caseId={c.id}
            endDate={running?.endDate ? formatTanggal(running.endDate, "UTC") : null}
          />
        ),
      }]
    : [];
  return (
    <ActionPanel
      action={transitionAction}
      caseId={c.id}
      version={c.version}
      stage={c.stage}
      kind={c.kind}
      initiator={c.initiator}
      available={available}
      headTitle={settings.region.headTitle}
      regionName={settings.region.name}
      pksMaxYears={settings.pksMaxYears}
      numberPatterns={settings.numberPatterns}
      partnerName={c.partner?.name ?? null}
      today={isoDate(today)}
      ksdpkDprdFollowsQuestions={settings.ksdpkDprdFollowsQuestions}
      adendumAmends={detail.snapshot.adendum?.amends?.type ?? null}
      extra={extra}
    />
  );
}
