// Reminder benchmark row (issue 8 §6): the daily reminder sweep (lib/notifications/reminders.ts)
// over the 100k data set, through the app's own module. The first run starts from an empty Reminder
// table (no sweep ever ran: the day the system goes live) and writes what is due now — moments at
// most CATCH_UP_DAYS old; the runs after it must write nothing (idempotent), also two instances at
// once. The notifications it wrote are removed afterwards so the data set stays reusable.
import type pg from "pg";
import type { Row } from "./measure";

type Reminders = typeof import("@/lib/notifications/reminders");

export const REMINDER_TARGET = 5000; // targets.md: reminder sweep over 100,000 agreements ≤ 5 s

export async function benchReminders({ client, repeats, log }: { client: pg.Client; repeats: number; log: (line: string) => void }) {
  const { runReminderSweep } = (await import("@/lib/notifications/reminders")) as Reminders;
  const rows: Row[] = [];
  const notes: string[] = [];
  // A fixed instant of this run: its notifications are recognised (and removed) by it.
  const now = new Date(Math.floor(Date.now() / 1000) * 1000);
  const cleanup = async () => {
    await client.query(`DELETE FROM "Notification" WHERE "createdAt" = $1`, [now]);
    await client.query(`DELETE FROM "Reminder" WHERE "createdAt" = $1`, [now]);
  };
  // An interrupted earlier run left its reminders: remove them (each run's rows share its instant).
  await client.query(`DELETE FROM "Notification" n USING (SELECT DISTINCT "createdAt" FROM "Reminder") r WHERE n."createdAt" = r."createdAt"`);
  await client.query(`DELETE FROM "Reminder"`);
  const agreements = Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM "Agreement" WHERE status = 'BERLAKU'`)).rows[0].n);
  try {
    log("reminder sweep: first run…");
    let t = performance.now();
    const first = await runReminderSweep({ now });
    const firstMs = performance.now() - t;
    rows.push({
      measurement: `reminder sweep, first run, empty Reminder table (${first.created.toLocaleString("en-US")} notifications written)`, times: [firstMs], errors: 0,
      target: REMINDER_TARGET, targetLabel: "≤ 5 s",
    });
    const again: number[] = [];
    let written = 0;
    for (let i = 0; i < repeats; i++) {
      t = performance.now();
      written += (await runReminderSweep({ now })).created;
      again.push(performance.now() - t);
    }
    rows.push({
      measurement: `reminder sweep, repeated (idempotent: ${written} new in ${repeats} runs)`, times: again, errors: written === 0 ? 0 : 1,
      target: REMINDER_TARGET, targetLabel: "≤ 5 s",
    });
    // Two instances at once on a clean slate: together they write what one run wrote.
    await cleanup();
    t = performance.now();
    const both = await Promise.all([runReminderSweep({ now }), runReminderSweep({ now })]);
    const bothMs = performance.now() - t;
    const together = both[0].created + both[1].created;
    rows.push({
      measurement: `reminder sweep, two instances at once (${together.toLocaleString("en-US")} written)`, times: [bothMs],
      errors: together === first.created ? 0 : 1, target: REMINDER_TARGET, targetLabel: "≤ 5 s",
    });
    notes.push(
      `reminders on ${first.today} over ${agreements.toLocaleString("en-US")} agreements in force: candidates ` +
        `${Object.entries(first.candidates).map(([k, n]) => `${k} ${n.toLocaleString("en-US")}`).join(", ")}; ` +
        `each × its recipients (the OPD's operators and head, Bagian KS) = ${first.created.toLocaleString("en-US")} notifications; ` +
        `a second run wrote ${written}, two instances at once ${together.toLocaleString("en-US")} ` +
        `${together === first.created ? "(= one run ✓)" : "✗ MISMATCH"}.`,
    );
  } finally {
    await cleanup();
  }
  return { rows, notes };
}
