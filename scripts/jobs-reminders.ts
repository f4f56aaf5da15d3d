// npm run jobs:reminders — runs the reminder sweep once, now, then delivers the e-mail outbox,
// outside the scheduler (idempotent: a second run creates no notification and sends no e-mail).
// Through scripts/with-db.mjs, like the seed.
import "./bench/server-only-shim";

async function main() {
  const { runReminderSweep } = await import("@/lib/notifications/reminders");
  const { deliverOutbox } = await import("@/lib/notifications/outbox");
  const { disconnectDb } = await import("@/lib/db");
  try {
    const t0 = Date.now();
    const now = new Date();
    const result = await runReminderSweep({ now });
    const found = Object.entries(result.candidates).map(([k, n]) => `${k} ${n}`).join(", ");
    console.log(`Pengingat ${result.today}: ditemukan ${found}; ${result.created} notifikasi baru, ${result.emailsQueued} e-mail diantrekan (${Date.now() - t0} ms).`);
    const mail = await deliverOutbox({ now, limit: 1_000 });
    console.log(`E-mail: ${mail.sent} terkirim, ${mail.retried} dicoba lagi nanti, ${mail.failed} gagal.`);
  } finally {
    await disconnectDb();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  },
);
