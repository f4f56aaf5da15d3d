// npm run jobs:daily — runs the daily job once, now, outside the scheduler (idempotent: running
// it again the same day changes nothing). Through scripts/with-db.mjs, like the seed.
import { runJobScript } from "./lib/job-script";

runJobScript(async () => {
  const { runDailyJob } = await import("@/lib/jobs/daily");
  const t0 = Date.now();
  const result = await runDailyJob({ now: new Date() });
  console.log(
    `Tugas harian ${result.today}: ${result.casesEnded} kerja sama berakhir, ${result.agreementsEnded} naskah berakhir, ` +
      `${result.skipped.length} dilewati; tanda monev: ${result.monevFlags.withoutReport} tanpa laporan, ` +
      `${result.monevFlags.late} dengan laporan terlambat dari ${result.monevFlags.cases} (${Date.now() - t0} ms).`,
  );
  for (const s of result.skipped) console.log(`  dilewati ${s.caseId}: ${s.reason}`);
});
