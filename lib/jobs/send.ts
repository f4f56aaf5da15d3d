import "server-only";
import PgBoss from "pg-boss";
import { env } from "@/lib/env";
import { JOB_SCHEMA } from "./queues";

/*
 * Sending a job from a request (e.g. the dashboard's refresh). A small send-only pg-boss instance
 * per process, started on first use: no schedule, no supervision, no workers — whichever instance
 * runs the scheduler (lib/jobs/scheduler.ts) works the job. Like the scheduler it never installs or
 * migrates anything (`migrate: false`): the owner created the queues at set-up.
 */

const globalForSender = globalThis as unknown as { sikerdaJobSender?: Promise<PgBoss> };

function sender(): Promise<PgBoss> {
  globalForSender.sikerdaJobSender ??= (async () => {
    const boss = new PgBoss({
      connectionString: env.database().DATABASE_URL, schema: JOB_SCHEMA, migrate: false, supervise: false, schedule: false, max: 2,
    });
    boss.on("error", (error) => console.log(`[jobs] galat pengirim tugas / job sender error: ${error instanceof Error ? error.message : String(error)}`));
    await boss.start();
    return boss;
  })().catch((error: unknown) => {
    globalForSender.sikerdaJobSender = undefined; // try again on the next send
    throw error;
  });
  return globalForSender.sikerdaJobSender;
}

/** Sends a job; null when the queue's policy or throttle refused it (one is already waiting). */
export async function sendJob(queue: string, data: object, options: PgBoss.SendOptions = {}): Promise<string | null> {
  return (await sender()).send(queue, data, options);
}

/** Stops the sender (tests, shutdown). */
export async function stopJobSender(): Promise<void> {
  const boss = await globalForSender.sikerdaJobSender?.catch(() => undefined);
  globalForSender.sikerdaJobSender = undefined;
  await boss?.stop({ graceful: false, wait: true });
}
