import type { Page } from "@playwright/test";
import { expect, login, test } from "./fixtures";

// What a new user tripped over in the browser (issue 6 §2 and §8): the menu offers only pages the
// user may open, lists fit a 1366 px screen and become cards on a phone, every case page has its own
// title. Screenshots go to test-results/screenshots for a human look.

const shot = (page: Page, name: string) => page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: true });

/** Horizontal overflow of the document (0 = nothing scrolls sideways). */
const overflowX = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

const USERS = ["operator.dinkes", "kepala.dinkes", "staf.ks", "kabag.ks", "tkksd", "pimpinan", "admin"] as const;

test("every menu item of every role opens its page (no 403, one header)", async ({ page }) => {
  test.setTimeout(90_000);
  for (const username of USERS) {
    await page.context().clearCookies();
    await login(page, username);
    const nav = page.getByRole("navigation", { name: "Navigasi utama" }).last();
    const hrefs = await nav.getByRole("link").evaluateAll((links) => links.map((a) => a.getAttribute("href")));
    expect(hrefs.length, username).toBeGreaterThan(1);
    for (const href of hrefs) {
      const response = await page.goto(href!);
      expect(response?.status(), `${username} → ${href}`).toBe(200);
      await expect(page.getByRole("heading", { name: "Akses ditolak" })).toHaveCount(0);
      await expect(page.getByRole("banner")).toHaveCount(1);
    }
  }
});

test("a TKKSD member has no Pengaturan menu; the page itself says 403 inside one shell", async ({ page }) => {
  await login(page, "tkksd");
  await expect(page.getByRole("link", { name: "Pengaturan", exact: true })).toHaveCount(0);
  const response = await page.goto("/pengaturan");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "Akses ditolak" })).toBeVisible();
  await expect(page.getByRole("banner")).toHaveCount(1);
  await shot(page, "403-dalam-aplikasi");
});

test("the usulan list fits 1366 px and becomes cards on a phone", async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 900 });
  await login(page, "kabag.ks");
  await page.goto("/usulan");
  const table = page.getByRole("table");
  await expect(table).toBeVisible();
  const region = page.getByRole("region", { name: /Daftar usulan/ });
  const fits = await region.evaluate((el) => el.scrollWidth <= el.clientWidth + 1);
  expect(fits, "the table's last column is visible without scrolling").toBe(true);
  expect(await overflowX(page)).toBeLessThanOrEqual(0);
  await shot(page, "usulan-1366");

  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  expect(await overflowX(page)).toBeLessThanOrEqual(0);
  // Each row is a card (a block, not a table row) whose cells name their column.
  const row = page.locator("tbody tr").first();
  expect(await row.evaluate((el) => getComputedStyle(el).display)).toBe("block");
  expect(await row.locator("td").first().evaluate((el) => getComputedStyle(el, "::before").content)).toBe('"Jenis"');
  await shot(page, "usulan-ponsel");
});

test("every case page has its own title; long titles wrap on a phone", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await login(page, "kabag.ks");
  await page.goto("/usulan");
  const first = page.getByRole("table").getByRole("link").first();
  const title = (await first.textContent())!.trim();
  await first.click();
  await expect(page).toHaveTitle(new RegExp(`^KS-\\d{4}-\\d{4} · ${title.slice(0, 20).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}.* · SIKERDA$`));
  expect(await overflowX(page)).toBeLessThanOrEqual(0);
  await shot(page, "usulan-detail-ponsel");
});

test("case pages at 1366 px: signing form with both signatories, KB awaiting the DPRD, TKKSD opinions", async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 900 });
  await login(page, "kabag.ks");
  await page.goto("/usulan/case-dpupr-air-minum");
  await expect(page.getByLabel("Nama penandatangan pihak mitra")).toBeVisible();
  await expect(page.getByLabel("Tanggal penandatanganan")).toHaveAttribute("max", /^\d{4}-\d{2}-\d{2}$/);
  await shot(page, "kasus-penandatanganan-pks");
  await page.goto("/usulan/case-dishub-trayek-sukasari");
  await expect(page.getByText("Ditandatangani — menunggu persetujuan DPRD")).toBeVisible();
  await shot(page, "kasus-menunggu-dprd");
  await page.goto("/usulan/case-dlh-das-cisukamaju");
  await shot(page, "kasus-kajian-tkksd");
  await page.goto("/usulan/case-dpmptsp-terminal-agribisnis");
  await shot(page, "kasus-penawaran");
});

test("the proposal form offers only fitting partners and says why", async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 900 });
  await login(page, "operator.dinkes");
  await page.goto("/usulan/baru?jenis=KSDD");
  await expect(page.getByText(/hanya dengan pemerintah provinsi\/kabupaten\/kota di Indonesia/)).toBeVisible();
  const partners = await page.locator("select[name=partnerId]").locator("option").allTextContents();
  expect(partners.filter((p) => /Gimhae|PT |Kementerian/.test(p))).toEqual([]);
  expect(partners.some((p) => p.includes("Pemerintah Kabupaten Sukamakmur"))).toBe(true);
  await shot(page, "usulan-baru-ksdd");
});
