import "server-only";
import type { Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Role, Stage } from "@/lib/generated/prisma/enums";

export type HistoryEntry = {
  caseId: string;
  fromStage: Stage | null;
  toStage: Stage;
  event: string;
  actorId: string;
  actorRole: Role;
  note?: string | null;
  /** When it happened (the service's clock); default: the database's now(). */
  at?: Date;
};

/**
 * Appends one StageHistory row. Call it inside the transaction that changes the stage, so a
 * stage change never exists without its history row (and the reverse). The table is append-only
 * (a database trigger refuses UPDATE/DELETE).
 */
export async function writeHistory(tx: Tx, entry: HistoryEntry): Promise<void> {
  const note = entry.note?.trim();
  await tx.stageHistory.create({
    data: {
      caseId: entry.caseId,
      fromStage: entry.fromStage,
      toStage: entry.toStage,
      event: entry.event,
      actorId: entry.actorId,
      actorRole: entry.actorRole,
      note: note ? note : null,
      ...(entry.at ? { createdAt: entry.at } : {}),
    },
  });
}

export type AuditEntry = {
  /** null: the system itself (a scheduled job without a user). */
  actorId: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  data?: Prisma.InputJsonValue;
  /** When it happened (the service's clock); default: the database's now(). */
  at?: Date;
};

/** Appends one AuditEvent row, inside the transaction of the change it records (append-only table). */
export async function writeAudit(tx: Tx, { at, ...entry }: AuditEntry): Promise<void> {
  await tx.auditEvent.create({ data: { ...entry, ...(at ? { createdAt: at } : {}) } });
}
