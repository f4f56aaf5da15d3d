import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, login, test } from "./fixtures";

// /pengaturan (issue 8 §4): the Kepala Bagian Kerja Sama changes a setting and the application uses it
// at once; a wrong value is refused beside its field; every change is in the history with the old and
// the new value. The Administrator edits the region and sign-in groups only; an Operator OPD is refused.
// The demo database is shared by the whole run: every change made here is put back before the test ends.

const shot = (page: Page, name: string) => page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: true });

async function noAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)).toEqual([]);
}

const overflowX = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

async function saveRegionName(page: Page, name: string) {
  const form = page.locator("#pengaturan-wilayah");
  await form.getByLabel("Nama daerah").fill(name);
  await form.getByRole("button", { name: "Simpan" }).click();
  await expect(page.getByText("Pengaturan Profil Daerah telah disimpan.")).toBeVisible();
}

test("Kepala Bagian KS mengubah nama daerah: kepala halaman berubah dan riwayat mencatat nilai lama dan baru", async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 900 });
  await login(page, "kabag.ks");
  await page.getByRole("navigation", { name: "Navigasi utama" }).last().getByRole("link", { name: "Pengaturan", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Pengaturan", level: 1 })).toBeVisible();
  const original = await page.locator("#pengaturan-wilayah").getByLabel("Nama daerah").inputValue();
  const renamed = `${original} Raya`;
  try {
    await saveRegionName(page, renamed);
    await expect(page.getByRole("banner")).toContainText(renamed);
    const row = page.locator("#riwayat").locator("..").getByRole("row").filter({ hasText: "Nama daerah" }).first();
    await expect(row).toContainText(original);
    await expect(row).toContainText(renamed);
    await expect(row).toContainText("Drs. Bambang Hermawan, M.Si.");
    // Used elsewhere on the next request: the register's page shell names the new region too.
    await page.goto("/kerja-sama");
    await expect(page.getByRole("banner")).toContainText(renamed);
  } finally {
    await page.goto("/pengaturan");
    await saveRegionName(page, original);
  }
  await expect(page.getByRole("banner")).toContainText(original);
});

test("nilai yang salah ditolak di samping isiannya, semuanya sekaligus, dan tidak ada yang tersimpan", async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 900 });
  await login(page, "kabag.ks");
  await page.goto("/pengaturan");
  const form = page.locator("#pengaturan-pemantauan");
  await form.getByLabel(/Jarak pengingat/).fill("90, 90");
  await form.getByLabel(/Batas status "Akan Berakhir"/).fill("0");
  await form.getByRole("button", { name: "Simpan" }).click();
  // Each message twice: in the summary at the top of the form (a link to the field) and under the field.
  await expect(form.getByText("Jarak pengingat tidak boleh berulang")).toHaveCount(2);
  await expect(form.getByText('Batas "Akan Berakhir" minimal 1')).toHaveCount(2);
  await expect(form.getByLabel(/Jarak pengingat/)).toHaveAttribute("aria-invalid", "true");
  await shot(page, "pengaturan-galat");
  await noAxeViolations(page);
  await page.goto("/pengaturan");
  await expect(page.locator("#pengaturan-pemantauan").getByLabel(/Jarak pengingat/)).not.toHaveValue("90, 90");
});

test("Operator OPD tidak melihat menu Pengaturan dan halamannya ditolak (403)", async ({ page }) => {
  await login(page, "operator.dinkes");
  await expect(page.getByRole("link", { name: "Pengaturan", exact: true })).toHaveCount(0);
  const response = await page.goto("/pengaturan");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "Akses ditolak" })).toBeVisible();
});

test("Administrator mengubah profil daerah dan keamanan; aturan lain hanya dapat dilihat", async ({ page }) => {
  await login(page, "admin");
  await page.goto("/pengaturan");
  await expect(page.locator("#pengaturan-wilayah").getByRole("button", { name: "Simpan" })).toBeVisible();
  await expect(page.locator("#pengaturan-keamanan").getByRole("button", { name: "Simpan" })).toBeVisible();
  for (const id of ["pemantauan", "naskah", "nomor", "dokumen"]) {
    const form = page.locator(`#pengaturan-${id}`);
    await expect(form.getByRole("button", { name: "Simpan" })).toHaveCount(0);
    await expect(form.getByText("tidak berwenang mengubahnya")).toBeVisible();
  }
});

test("tampilan 1366 px dan ponsel, tanpa pelanggaran axe", async ({ page }) => {
  test.setTimeout(60_000);
  await page.setViewportSize({ width: 1366, height: 900 });
  await login(page, "kabag.ks");
  await page.goto("/pengaturan");
  expect(await overflowX(page)).toBeLessThanOrEqual(0);
  await shot(page, "pengaturan-1366");
  await noAxeViolations(page);
  await page.goto("/pengaturan?jenis=KSDPL#dokumen");
  await expect(page.getByRole("link", { name: "KSDPL" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByRole("group", { name: "Persetujuan Pemerintah Pusat" })).toBeVisible();
  await shot(page, "pengaturan-dokumen-ksdpl-1366");
  await noAxeViolations(page);

  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/pengaturan");
  expect(await overflowX(page)).toBeLessThanOrEqual(0);
  await shot(page, "pengaturan-ponsel");
  await noAxeViolations(page);
});
