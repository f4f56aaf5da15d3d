import { test as base, expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "Sikerda#2026";

/** Demo accounts of the seed and what their home page shows. */
export const DEMO_ACCOUNTS = [
  { username: "operator.dinkes", role: "Operator OPD", opd: "Dinas Kesehatan" },
  { username: "kepala.dinkes", role: "Kepala OPD", opd: "Dinas Kesehatan" },
  { username: "operator.dispar", role: "Operator OPD", opd: "Dinas Pariwisata" },
  { username: "staf.ks", role: "Staf Bagian Kerja Sama", opd: null },
  { username: "kabag.ks", role: "Kepala Bagian Kerja Sama", opd: null },
  { username: "tkksd", role: "Anggota TKKSD", opd: null },
  { username: "pimpinan", role: "Pimpinan Daerah", opd: null },
  { username: "admin", role: "Administrator Sistem", opd: null },
] as const;

let counter = 0;
/**
 * Each test gets its own client address (TEST-NET-3, a documentation range), sent the way a reverse
 * proxy would, so the per-address sign-in throttle of one test never blocks another.
 */
function uniqueAddress(workerIndex: number): string {
  counter += 1;
  return `203.0.${(workerIndex * 50 + Math.floor(counter / 250)) % 256}.${(counter % 250) + 1}`;
}

export const test = base.extend({
  extraHTTPHeaders: async ({}, provide, testInfo) => {
    await provide({ "x-forwarded-for": uniqueAddress(testInfo.workerIndex) });
  },
});

export { expect };

/** Fills and submits the sign-in form without waiting for the outcome. */
export async function attemptLogin(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("Nama pengguna").fill(username);
  await page.getByLabel("Kata sandi").fill(password);
  await page.getByRole("button", { name: "Masuk" }).click();
}

/** Signs in and waits until the home page is shown. */
export async function login(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await attemptLogin(page, username, password);
  await page.waitForURL(/\/beranda$/);
}

/** The sign-in error shown on the page (Next's route announcer is also role=alert: filter by text). */
export function loginError(page: Page, text: string | RegExp) {
  return page.getByRole("alert").filter({ hasText: text });
}
