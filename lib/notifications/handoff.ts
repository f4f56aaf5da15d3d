import "server-only";
import type { Tx } from "@/lib/db";
import { isOpdRole } from "@/lib/auth/roles";
import type { CaseKind, Initiator, Stage } from "@/lib/generated/prisma/enums";
import { STAGE_LABELS } from "@/lib/workflow/stages";
import { insertNotifications } from "./create";
import { nextActorRoles } from "./handoff-rules";

export type HandoffInput = {
  c: { id: string; code: string; title: string; kind: CaseKind; initiator: Initiator; opdId: string };
  to: Stage;
  /** The case version after the transition: one hand-off per version, whatever retries happen. */
  version: number;
  actorId: string;
  now: Date;
};

/**
 * Tells the next actor that a case reached them (issue 8 §2 "hand-off"). Called by the transition
 * service inside the transaction that moves the stage, so the notification exists exactly when the
 * stage change does. Recipients: active users of the roles whose inbox now lists the case (OPD
 * roles only in the case's OPD), never the actor who moved it.
 */
export async function notifyHandoff(tx: Tx, { c, to, version, actorId, now }: HandoffInput): Promise<number> {
  const roles = nextActorRoles({ stage: to, kind: c.kind, initiator: c.initiator });
  if (roles.length === 0) return 0;
  const users = await tx.user.findMany({
    where: {
      active: true, isSystem: false, id: { not: actorId },
      OR: roles.map((role) => (isOpdRole(role) ? { role, opdId: c.opdId } : { role })),
    },
    select: { id: true },
  });
  const stage = STAGE_LABELS[to];
  return insertNotifications(tx, users.map((u) => ({
    userId: u.id, kind: "PERLU_TINDAKAN", opdId: c.opdId, caseId: c.id,
    idempotencyKey: `PERLU_TINDAKAN:${c.id}:${version}:${u.id}`,
    title: `Usulan ${c.code} menunggu tindakan Anda`,
    body: `Usulan "${c.title}" (${c.code}) kini pada tahapan ${stage} dan menunggu tindakan Anda.`,
  })), now);
}
