// Runs once when the Next.js server starts (not during `next build`).
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    await import("./lib/env-check");
    // Background jobs (the daily end of agreements); a failure is logged and the server goes on.
    const { startScheduler } = await import("./lib/jobs/scheduler");
    void startScheduler();
  }
}
