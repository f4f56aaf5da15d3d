// The pg-boss queues of SIKERDA. scripts/lib/job-queue.mjs creates them as the database owner
// (the app role may not create tables) — a unit test keeps both lists equal.
export const JOB_SCHEMA = "pgboss";

export const QUEUES = {
  /** Once a day: agreements whose period is over end (lib/jobs/daily.ts). */
  daily: "kerja-sama-harian",
  /** Once a day: reminders from the settings (lib/notifications/reminders.ts). */
  reminders: "pengingat-harian",
  /** Every minute: the e-mail outbox (lib/notifications/outbox.ts). */
  email: "kirim-email",
  /**
   * The dashboard's monev flags (lib/dashboard/monev-flags.ts) when they are older than today at
   * start-up (a server that was down at 01.00); the daily job refreshes them every day anyway.
   */
  monevFlags: "dasbor-monev",
  /**
   * A stale dashboard snapshot of one scope × year (lib/dashboard/snapshot.ts), asked for by the
   * page that served it; singletonKey = the snapshot's key, throttled (singletonSeconds).
   */
  dashboard: "dasbor-ringkasan",
  /**
   * Every minute: hand-off events not yet fanned out into notifications (lib/notifications/handoff.ts)
   * — normally none, the transition's process kicks the fan-out right after commit; this sweep
   * delivers the events of a process that stopped before its kick ran.
   */
  handoff: "notifikasi-serah-terima",
} as const;

/** 06.00 in the region's zone: reminders arrive at the start of the working day. */
export const REMINDERS_CRON = "0 6 * * *";
/** The outbox is looked at every minute (a no-op while SMTP is off). */
export const EMAIL_CRON = "* * * * *";

/** Hand-off events left behind are swept every minute. */
export const HANDOFF_CRON = "* * * * *";

/** 01.00 in the region's zone, every day. */
export const DAILY_CRON = "0 1 * * *";
