import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, login, test } from "./fixtures";

// targets.md: axe reports 0 violations on every main page. Each page is also saved as a
// screenshot (test-results/screenshots) for a human look.

async function checkPage(page: Page, name: string) {
  await page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: true });
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  expect(summary).toEqual([]);
}

test("halaman masuk", async ({ page }) => {
  await page.goto("/login");
  await checkPage(page, "login");
});

test("beranda per peran", async ({ page }) => {
  for (const username of ["operator.dinkes", "kepala.dinkes", "kabag.ks", "tkksd", "pimpinan"]) {
    await page.context().clearCookies();
    await login(page, username);
    await checkPage(page, `beranda-${username}`);
  }
});

test("halaman admin", async ({ page }) => {
  await login(page, "admin");
  await checkPage(page, "beranda-admin");
  await page.goto("/admin/pengguna");
  await checkPage(page, "admin-pengguna");
  await page.goto("/admin/pengguna/baru");
  await page.getByRole("button", { name: "Simpan Pengguna" }).click();
  await expect(page.getByText(/wajib/).first()).toBeVisible();
  await checkPage(page, "admin-pengguna-baru-galat");
  await page.goto("/admin/pengguna");
  await page.getByRole("table").getByRole("link").first().click();
  await expect(page.getByRole("button", { name: "Simpan Perubahan" })).toBeVisible();
  await checkPage(page, "admin-pengguna-ubah");
  await page.goto("/admin/opd");
  await checkPage(page, "admin-opd");
  await page.goto("/admin/opd/baru");
  await checkPage(page, "admin-opd-baru");
});

test("halaman 403 dan 404", async ({ page }) => {
  await login(page, "operator.dispar");
  await page.goto("/admin/opd");
  await checkPage(page, "403");
  await page.goto("/halaman-yang-tidak-ada");
  await checkPage(page, "404");
});

test("tampilan ponsel", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await login(page, "kabag.ks");
  await checkPage(page, "beranda-ponsel");
});

test("halaman usulan: daftar, usulan baru, perlu tindakan, dan halaman usulan", async ({ page }) => {
  await login(page, "operator.dinkes");
  await page.goto("/usulan");
  await checkPage(page, "usulan-daftar-operator");
  await page.goto("/usulan/baru");
  await checkPage(page, "usulan-baru-pilih-jenis");
  await page.goto("/usulan/baru?jenis=KSDPK");
  await checkPage(page, "usulan-baru-ksdpk");
  await page.getByRole("button", { name: "Simpan Draf" }).click();
  await expect(page.getByText(/wajib/).first()).toBeVisible();
  await checkPage(page, "usulan-baru-galat");
  await page.goto("/tindakan");
  await checkPage(page, "tindakan-operator");
  await page.goto("/usulan/case-dinkes-rujukan-perbatasan");
  await checkPage(page, "usulan-pelaksanaan-operator-seed");

  await page.context().clearCookies();
  await login(page, "kabag.ks");
  await page.goto("/tindakan");
  await checkPage(page, "tindakan-kabag");
  await page.goto("/usulan?stage=VERIFIKASI");
  await page.getByRole("table").getByRole("link").first().click();
  await expect(page.getByRole("heading", { name: "Tindakan pada tahap ini" })).toBeVisible();
  await expect(page.getByText("Nyatakan Lengkap dan Teruskan ke TKKSD").first()).toBeVisible();
  await checkPage(page, "usulan-verifikasi-kabag");
});

test("daftar kerja sama dan mitra (1366 px dan ponsel)", async ({ page }) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 1366, height: 900 });
  await login(page, "kabag.ks");
  await page.goto("/kerja-sama");
  await checkPage(page, "kerja-sama-kabag");
  await page.goto("/kerja-sama?status=AKTIF&urut=berakhir");
  await checkPage(page, "kerja-sama-aktif-kabag");
  await page.goto("/kerja-sama?q=tidakadayangcocokxyz");
  await checkPage(page, "kerja-sama-kosong");
  await page.goto("/mitra");
  await checkPage(page, "mitra-daftar-kabag");
  await page.goto("/mitra/baru");
  await page.getByLabel("Nama mitra").fill("PT Medika Husada");
  await expect(page.getByRole("alert").filter({ hasText: "nama mirip" })).toBeVisible();
  await checkPage(page, "mitra-baru-peringatan");
  await page.goto("/mitra/mitra-usulan-medika-husada");
  await checkPage(page, "mitra-usulan-ganda-kabag");
  await page.goto("/mitra/mitra-medika-husada");
  await checkPage(page, "mitra-detail-kabag");
  await page.goto("/mitra/mitra-medika-husada/ubah");
  await checkPage(page, "mitra-ubah");
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/kerja-sama");
  await checkPage(page, "kerja-sama-ponsel");
  await page.goto("/mitra/mitra-medika-husada");
  await checkPage(page, "mitra-detail-ponsel");

  for (const username of ["operator.dinkes", "tkksd"]) {
    await page.context().clearCookies();
    await page.setViewportSize({ width: 1366, height: 900 });
    await login(page, username);
    await page.goto("/kerja-sama");
    await checkPage(page, `kerja-sama-${username}`);
    await page.goto("/mitra");
    await checkPage(page, `mitra-daftar-${username}`);
  }
});
