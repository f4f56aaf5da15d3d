import type { Browser, Page } from "@playwright/test";
import { attemptLogin, expect, firstLogin, login, loginError, test } from "./fixtures";

const NEW_PASSWORD = "Pariwisata2026!aman";
/** The user's own password, chosen at the first sign-in (an admin-set one must be replaced). */
const OWN_PASSWORD = "sawah hijau di lereng gunung";

/** A second, independent browser (own cookies, own client address) for the affected user. */
async function otherBrowser(browser: Browser, address: string): Promise<Page> {
  const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": address } });
  return context.newPage();
}

async function createOperator(page: Page, username: string, fullName: string): Promise<void> {
  await page.goto("/admin/pengguna/baru");
  await page.getByLabel("Nama lengkap").fill(fullName);
  await page.getByLabel("Nama pengguna").fill(username);
  await page.getByLabel("Peran").selectOption("OPERATOR_OPD");
  await page.getByLabel("OPD", { exact: true }).selectOption("opd-dispar");
  await page.getByLabel("Kata sandi awal").fill(NEW_PASSWORD);
  await page.getByLabel("Ulangi kata sandi").fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "Simpan Pengguna" }).click();
  await expect(page).toHaveURL(/\/admin\/pengguna\?tersimpan=1$/);
}

async function openUser(page: Page, fullName: string): Promise<void> {
  await page.goto(`/admin/pengguna?q=${encodeURIComponent(fullName)}`);
  await page.getByRole("link", { name: fullName }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(fullName);
}

test.describe("Administrasi pengguna", () => {
  test("pengguna yang dinonaktifkan admin keluar pada permintaan berikutnya", async ({ page, browser }) => {
    const username = `uji.nonaktif.${Date.now()}`;
    const fullName = `Rina Uji Nonaktif ${Date.now()}`;
    await login(page, "admin");
    await createOperator(page, username, fullName);

    const userPage = await otherBrowser(browser, "198.51.100.21");
    await firstLogin(userPage, username, NEW_PASSWORD, OWN_PASSWORD);
    await expect(userPage.getByRole("banner")).toContainText("Dinas Pariwisata");

    await openUser(page, fullName);
    await page.getByLabel("Akun aktif").uncheck();
    await page.getByRole("button", { name: "Simpan Perubahan" }).click();
    await expect(page.getByText("Perubahan data pengguna telah disimpan.")).toBeVisible();

    // The next request of the disabled user ends on the sign-in page.
    await userPage.goto("/beranda");
    await expect(userPage).toHaveURL(/\/login$/);
    // And the account can no longer sign in (same generic message as a wrong password).
    await attemptLogin(userPage, username, OWN_PASSWORD);
    await expect(loginError(userPage, "Nama pengguna atau kata sandi salah.")).toBeVisible();
  });

  test("perubahan peran berlaku pada permintaan berikutnya", async ({ page, browser }) => {
    const username = `uji.peran.${Date.now()}`;
    const fullName = `Budi Uji Peran ${Date.now()}`;
    await login(page, "admin");
    await createOperator(page, username, fullName);

    const userPage = await otherBrowser(browser, "198.51.100.22");
    await firstLogin(userPage, username, NEW_PASSWORD, OWN_PASSWORD);

    await openUser(page, fullName);
    await page.getByLabel("Peran").selectOption("PIMPINAN");
    await page.getByLabel("OPD", { exact: true }).selectOption("");
    await page.getByRole("button", { name: "Simpan Perubahan" }).click();
    await expect(page.getByText("Perubahan data pengguna telah disimpan.")).toBeVisible();

    // The old session ends; a new sign-in carries the new role.
    await userPage.goto("/beranda");
    await expect(userPage).toHaveURL(/\/login$/);
    await login(userPage, username, OWN_PASSWORD);
    await expect(userPage.getByRole("banner")).toContainText("Pimpinan Daerah");
  });

  test("masukan tidak sah ditolak dengan pesan berbahasa Indonesia dan tidak ada yang tersimpan", async ({ page }) => {
    const username = `uji.gagal.${Date.now()}`;
    await login(page, "admin");
    await page.goto("/admin/pengguna/baru");
    await page.getByLabel("Nama lengkap").fill("Uji Gagal");
    await page.getByLabel("Nama pengguna").fill(username);
    await page.getByLabel("Peran").selectOption("OPERATOR_OPD");
    await page.getByLabel("Kata sandi awal").fill("pendek1");
    await page.getByLabel("Ulangi kata sandi").fill("pendek1");
    await page.getByRole("button", { name: "Simpan Pengguna" }).click();
    await expect(page.getByText("Kata sandi minimal 12 karakter").first()).toBeVisible();
    await expect(page.getByText(/OPD wajib dipilih/).first()).toBeVisible();
    // The typed values survive the failed submit.
    await expect(page.getByLabel("Nama pengguna")).toHaveValue(username);
    await page.goto(`/admin/pengguna?q=${username}`);
    await expect(page.getByRole("link", { name: "Uji Gagal" })).toHaveCount(0);
  });
});
