// npm run jobs:reminders — runs the reminder sweep once, now, then delivers the e-mail outbox,
// outside the scheduler (idempotent: a second run creates no notification and sends no e-mail).
// Through scripts/with-db.mjs, like the seed.
import { runJobScript } from "./lib/job-script";

runJobScript(async () => {
  const { runReminderSweep } = await import("@/lib/notifications/reminders");
  const { deliverOutbox } = await import("@/lib/notifications/outbox");
  const t0 = Date.now();
  const now = new Date();
  const result = await runReminderSweep({ now });
  const found = Object.entries(result.candidates).map(([k, n]) => `${k} ${n}`).join(", ");
  console.log(`Pengingat ${result.today}: ditemukan ${found}; ${result.created} notifikasi baru, ${result.emailsQueued} e-mail diantrekan (${Date.now() - t0} ms).`);
  const mail = await deliverOutbox({ now, limit: 1_000 });
  console.log(`E-mail: ${mail.sent} terkirim, ${mail.retried} dicoba lagi nanti, ${mail.failed} gagal.`);
});
