// The frame of a one-shot job script (npm run jobs:*): runs `body`, always closes the database
// pool, exits 0 on success and 1 with the error's stack otherwise. Through scripts/with-db.mjs.
import "../bench/server-only-shim";

export function runJobScript(body: () => Promise<void>): void {
  const main = async () => {
    const { disconnectDb } = await import("@/lib/db");
    const { handoffsSettled } = await import("@/lib/notifications/handoff");
    try {
      await body();
    } finally {
      await handoffsSettled(); // hand-offs of the job's transitions, fanned out before the pool closes
      await disconnectDb();
    }
  };
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
      process.exit(1);
    },
  );
}
