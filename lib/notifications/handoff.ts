import "server-only";
import type { Tx } from "@/lib/db";
import { isOpdRole } from "@/lib/auth/roles";
import type { CaseKind, Initiator, Stage } from "@/lib/generated/prisma/enums";
import { STAGE_LABELS } from "@/lib/workflow/stages";
import { Prisma } from "@/lib/generated/prisma/client";
import { notificationId, outboxInsert } from "./create";
import { emailEnabled } from "./mailer";
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
 * ONE statement: the recipients are selected, their notifications inserted and — with e-mail on —
 * their outbox rows queued by a data-modifying CTE (one round trip inside the transition instead of
 * three; the same rows as insertNotifications() + queueEmails()).
 */
export async function notifyHandoff(tx: Tx, { c, to, version, actorId, now }: HandoffInput): Promise<number> {
  const roles = nextActorRoles({ stage: to, kind: c.kind, initiator: c.initiator });
  if (roles.length === 0) return 0;
  const everywhere = roles.filter((role) => !isOpdRole(role));
  const inOpd = roles.filter((role) => isOpdRole(role));
  const prefix = `PERLU_TINDAKAN:${c.id}:${version}:`;
  const stage = STAGE_LABELS[to];
  const insert = Prisma.sql`
    INSERT INTO "Notification" (id, "userId", "opdId", kind, channel, "caseId", "idempotencyKey", title, body, "createdAt")
    SELECT ${notificationId(Prisma.sql`${prefix} || u.id`)}, u.id, ${c.opdId}, 'PERLU_TINDAKAN', 'IN_APP', ${c.id}, ${prefix} || u.id,
           ${`Usulan ${c.code} menunggu tindakan Anda`},
           ${`Usulan "${c.title}" (${c.code}) kini pada tahapan ${stage} dan menunggu tindakan Anda.`}, ${now}
      FROM "User" u
     WHERE u.active AND NOT u."isSystem" AND u.id <> ${actorId}
       AND (u.role::text = ANY(${everywhere}::text[]) OR (u.role::text = ANY(${inOpd}::text[]) AND u."opdId" = ${c.opdId}))
    ON CONFLICT DO NOTHING
    RETURNING id, "userId", kind, title, body`;
  const [row] = emailEnabled()
    ? await tx.$queryRaw<{ n: number }[]>`WITH n AS (${insert}), e AS (${outboxInsert(Prisma.sql`n`, now)}) SELECT count(*)::int AS n FROM n`
    : await tx.$queryRaw<{ n: number }[]>`WITH n AS (${insert}) SELECT count(*)::int AS n FROM n`;
  return row.n;
}
