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

export type NewUser = { username: string; fullName: string; role: string; opdId?: string; password: string };

/** Creates an account through the admin form (the admin must be signed in on `page`). */
export async function createUserAsAdmin(page: Page, user: NewUser): Promise<void> {
  await page.goto("/admin/pengguna/baru");
  await page.getByLabel("Nama lengkap").fill(user.fullName);
  await page.getByLabel("Nama pengguna").fill(user.username);
  await page.getByLabel("Peran").selectOption(user.role);
  if (user.opdId) await page.getByLabel("OPD", { exact: true }).selectOption(user.opdId);
  await page.getByLabel("Kata sandi awal").fill(user.password);
  await page.getByLabel("Ulangi kata sandi").fill(user.password);
  await page.getByRole("button", { name: "Simpan Pengguna" }).click();
  await expect(page).toHaveURL(/\/admin\/pengguna\?tersimpan=1$/);
}

/**
 * First sign-in of an account whose password an administrator chose: SIKERDA sends the user to
 * "Ganti Kata Sandi" before anything else; the new password is set and the account page shown.
 */
export async function firstLogin(page: Page, username: string, initialPassword: string, newPassword: string): Promise<void> {
  await attemptLogin(page, username, initialPassword);
  await page.waitForURL(/\/akun\/kata-sandi$/);
  await page.getByLabel("Kata sandi saat ini").fill(initialPassword);
  await page.getByLabel(/^Kata sandi baru/).fill(newPassword);
  await page.getByLabel("Ulangi kata sandi baru").fill(newPassword);
  await page.getByRole("button", { name: "Simpan Kata Sandi Baru" }).click();
  await page.waitForURL(/\/akun\?tersimpan=sandi$/);
}
