// The hand-off's background half (lib/notifications/handoff.ts): a transition commits one HandoffEvent
// and kicks the fan-out in this process, which writes the notifications after commit. The bench runs
// the fan-out where the app would — in the same process, competing for the same 2 cores — and reports
// how long each case's notifications took to exist (transition start → notification insert) and how
// long the queue needed to drain after the last transition.
import type pg from "pg";
import type { Row } from "./measure";

type Handoff = typeof import("@/lib/notifications/handoff");

export async function handoffDelivery(
  client: pg.Client,
  { label, caseIds, starts, lastCommit, statsBefore }: {
    label: string; caseIds: string[]; starts: Map<string, number>; lastCommit: number; statsBefore: { rounds: number; events: number };
  },
): Promise<{ row: Row; note: string }> {
  const handoff = (await import("@/lib/notifications/handoff")) as Handoff;
  await handoff.handoffsSettled();
  const stats = handoff.handoffFanOutStats();
  const drainedMs = performance.now() - lastCommit;
  const waiting = (await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM "HandoffEvent"`)).rows[0].n;
  // Notification ids start with the insert's clock_timestamp in µs (lib/notifications/create.ts notificationId).
  const { rows } = await client.query<{ caseId: string; n: number; insertedMs: number }>(
    `SELECT "caseId", count(*)::int AS n,
            min(('x' || lpad(substr(id, 5, 14), 16, '0'))::bit(64)::bigint) / 1000.0 AS "insertedMs"
       FROM "Notification" WHERE "caseId" = ANY($1::text[]) AND kind = 'PERLU_TINDAKAN' GROUP BY "caseId"`,
    [caseIds],
  );
  // performance.now() → epoch: the bench's clock offset, read once.
  const origin = Date.now() - performance.now();
  const times = rows.map((r) => Number(r.insertedMs) - (origin + starts.get(r.caseId)!));
  const notifications = rows.reduce((n, r) => n + r.n, 0);
  return {
    row: {
      measurement: `  ${label}: transition start → its notifications exist`,
      times, errors: caseIds.length - rows.length, targetLabel: "(after commit, background)",
    },
    note:
      `${label}: ${rows.length} of ${caseIds.length} hand-offs delivered, ${notifications.toLocaleString("en-US")} notifications ` +
      `(${(notifications / Math.max(rows.length, 1)).toFixed(0)} per hand-off); queue drained ${drainedMs.toFixed(0)} ms after the last commit; ` +
      `${waiting} events still waiting; ${stats.rounds - statsBefore.rounds} fan-out statements in this process ` +
      `(${((stats.events - statsBefore.events) / Math.max(1, stats.rounds - statsBefore.rounds)).toFixed(1)} events each)`,
  };
}

/** The in-process fan-out's counters now (to report one phase's share). */
export async function handoffStats(): Promise<{ rounds: number; events: number }> {
  return ((await import("@/lib/notifications/handoff")) as Handoff).handoffFanOutStats();
}
