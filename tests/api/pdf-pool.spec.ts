import { expect, test } from "@playwright/test";
import { freshSession } from "./harness/callers";
import { closeDb } from "./harness/db";
import { BASE_URL, callRoute } from "./harness/http";

// PDF rendering off the request thread (lib/pdf/pool.ts), on the production build this project runs
// (`next build` + scripts/server.mjs): the worker file (lib/pdf/worker.mjs, outside the Next.js
// bundle) is found and renders, and while rekap PDFs are laid out, light requests keep answering.
// With more PDFs at once than PDF_WORKERS + PDF_QUEUE_MAX (1 + 4), the rest are refused with 503 and
// the Indonesian message — never a hang or a 500.

test.afterAll(async () => {
  await closeDb();
});

test("production build: rekap PDFs render in the worker pool while other requests keep answering", async () => {
  test.setTimeout(240_000);
  const kabag = await freshSession("kabag.ks");
  const first = await callRoute("GET", "/api/rekap/pdf", kabag); // also starts the worker
  expect(first.status).toBe(200);
  expect(first.body.subarray(0, 5).toString("latin1")).toBe("%PDF-");

  let done = false;
  const t0 = performance.now();
  const pdfs = Promise.all(Array.from({ length: 7 }, () => callRoute("GET", "/api/rekap/pdf", kabag))).finally(() => {
    done = true;
  });
  const light: number[] = [];
  while (!done) {
    const t = performance.now();
    const res = await fetch(`${BASE_URL}/login`);
    await res.arrayBuffer();
    expect(res.status).toBe(200);
    light.push(performance.now() - t);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  const results = await pdfs;
  const pdfMs = performance.now() - t0;
  const sorted = [...light].sort((a, b) => a - b);
  const p50 = sorted[Math.floor(sorted.length / 2)] ?? NaN;
  const ok = results.filter((r) => r.status === 200).length;
  const refused = results.filter((r) => r.status === 503);
  console.info(
    `7 rekap PDFs at once: ${ok} rendered, ${refused.length} refused (503) in ${pdfMs.toFixed(0)} ms; ` +
      `meanwhile ${light.length} GET /login answered, p50 ${p50.toFixed(0)} ms, max ${sorted.at(-1)?.toFixed(0)} ms`,
  );
  for (const r of results) expect([200, 503]).toContain(r.status);
  for (const r of refused) {
    expect(r.body.toString("utf8")).toContain("Server sedang menyiapkan banyak PDF lain");
  }
  expect(ok).toBeGreaterThanOrEqual(1);
  // The request thread stayed free: light requests kept coming back quickly during the renders.
  expect(light.length).toBeGreaterThanOrEqual(3);
  expect(p50).toBeLessThan(1000);
});
