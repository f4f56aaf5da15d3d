import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, login, test } from "./fixtures";

// The leadership dashboard (issue 8 §1) as Pimpinan meets it: the menu leads to /dasbor, every
// number is a link to the Daftar Kerja Sama with that filter, and the register shows the same count.
// An OPD user sees their OPD's numbers only. Axe on the page; screenshots at 1366 px and on a phone.
test.setTimeout(90_000);

const shot = (page: Page, name: string) => page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: true });

async function axe(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
}

/** The number of a dashboard tile. */
const tileValue = async (page: Page, id: string) => Number(await page.getByTestId(`stat-${id}`).locator("[data-value]").getAttribute("data-value"));

/** "12 kerja sama" / "Lebih dari 1.000 kerja sama" of the register page. */
async function registerCount(page: Page): Promise<number> {
  const text = await page.getByRole("status").filter({ hasText: "kerja sama" }).first().textContent();
  const m = /(\d[\d.]*) kerja sama/.exec(text ?? "");
  return m ? Number(m[1].replaceAll(".", "")) : Number.NaN;
}

/**
 * The page with current numbers. A summary older than the last change is served at once while the
 * job queue recomputes it ("… sedang dihitung"): reload until the page says it is current, so the
 * numbers compared with the register below are the register's own counts of now.
 */
async function freshNumbers(page: Page) {
  const status = page.locator("#diperbarui");
  await expect(async () => {
    if ((await status.textContent())?.includes("sedang dihitung")) await page.reload();
    await expect(status).not.toContainText("sedang dihitung", { timeout: 500 });
  }).toPass({ timeout: 60_000, intervals: [1_000, 2_000, 3_000] });
}

/**
 * Charts are loaded after the page (their own chunk), each when its slot comes near the screen
 * (components/dashboard/lazy-charts.tsx): scroll past every slot, then wait until each is a chart.
 */
async function chartsReady(page: Page) {
  const slots = page.locator("[data-chart-slot]");
  const count = await slots.count();
  expect(count).toBeGreaterThan(0);
  for (let i = 0; i < count; i++) await slots.nth(i).scrollIntoViewIfNeeded();
  await expect(page.locator("[data-chart-slot] .recharts-wrapper")).toHaveCount(count);
  await page.evaluate(() => window.scrollTo(0, 0));
}

test("Pimpinan membuka dasbor, mengeklik angka, dan tiba di daftar kerja sama tersaring dengan jumlah yang sama", async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 900 });
  await login(page, "pimpinan");
  await page.getByRole("navigation", { name: "Navigasi utama" }).last().getByRole("link", { name: "Dasbor", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Dasbor Kerja Sama", level: 1 })).toBeVisible();
  // When the numbers were computed (the summary may be served while a newer one is computed).
  await expect(page.locator("#diperbarui")).toContainText(/^Diperbarui \d{1,2} \S+ \d{4} pukul \d{2}\.\d{2} WI(B|TA|T)/);
  await freshNumbers(page);
  await chartsReady(page);
  await expect(page.getByRole("heading", { name: "Per perangkat daerah" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Tabel: kerja sama berlaku menurut kelas mitra" })).toBeVisible();
  await shot(page, "dasbor-pimpinan-1366");
  expect(await axe(page)).toEqual([]);

  // "Kerja sama berlaku" → the register filtered to Aktif, the same count.
  const inForce = await tileValue(page, "berlaku");
  expect(inForce).toBeGreaterThan(0);
  await page.getByTestId("stat-berlaku").click();
  await expect(page).toHaveURL(/\/kerja-sama\?status=AKTIF$/);
  await expect(page.getByRole("heading", { name: "Daftar Kerja Sama" })).toBeVisible();
  expect(await registerCount(page)).toBe(inForce);

  // A number of the per-OPD table and one of the kelas-mitra table lead to their filtered rows too.
  await page.goBack();
  const kelasLink = page.getByRole("table", { name: "Tabel: kerja sama berlaku menurut kelas mitra" }).getByRole("link").first();
  const kelasValue = Number((await kelasLink.textContent())?.split(" ")[0].replaceAll(".", ""));
  await kelasLink.click();
  await expect(page).toHaveURL(/\/kerja-sama\?kelas=[A-Z_]+&status=AKTIF$/);
  expect(await registerCount(page)).toBe(kelasValue);

  // "Berakhir ≤ 180 hari" uses the register's own window filter.
  await page.goto("/dasbor");
  await freshNumbers(page);
  const ending = await tileValue(page, "berakhir-180");
  await page.getByTestId("stat-berakhir-180").click();
  await expect(page).toHaveURL(/sisaHari=180/);
  await expect(page.getByText("Berlaku dan berakhir dalam ≤ 180 hari")).toBeVisible();
  expect(await registerCount(page)).toBe(ending);
});

test("every OPD's numbers on their own page: the dashboard lists the ten that most need attention", async ({ page, browser }) => {
  await login(page, "pimpinan");
  await page.goto("/dasbor");
  await freshNumbers(page);
  const preview = page.locator("section", { has: page.getByRole("heading", { name: "Per perangkat daerah" }) });
  const previewRows = await preview.first().locator("tbody tr").count();
  expect(previewRows).toBeGreaterThan(0);
  expect(previewRows).toBeLessThanOrEqual(10);
  // Ordered by late reports, then agreements without a report (the first row has the most).
  const late = await preview.first().locator("tbody tr").evaluateAll((rows) =>
    rows.map((r) => Number((r.querySelectorAll("td")[4]?.textContent ?? "").split(" ")[0]!.replaceAll(".", ""))),
  );
  expect(late).toEqual([...late].sort((a, b) => b - a));

  await page.goto("/dasbor/perangkat-daerah");
  await expect(page.getByRole("heading", { name: "Kerja sama per perangkat daerah", level: 1 })).toBeVisible();
  await freshNumbers(page);
  const rows = page.locator("tbody tr");
  expect(await rows.count()).toBeGreaterThanOrEqual(previewRows);
  expect(await axe(page)).toEqual([]);
  await shot(page, "dasbor-per-opd-1366");
  // On a phone: the rows become cards, nothing scrolls sideways.
  await page.setViewportSize({ width: 390, height: 844 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await shot(page, "dasbor-per-opd-ponsel");
  expect(await axe(page)).toEqual([]);
  await page.setViewportSize({ width: 1366, height: 900 });
  const link = rows.first().getByRole("link").first();
  const value = Number((await link.textContent())?.split(" ")[0]!.replaceAll(".", ""));
  await link.click();
  await expect(page).toHaveURL(/\/kerja-sama\?opd=/);
  expect(await registerCount(page)).toBe(value);

  // An OPD's own dashboard has no comparison between OPDs.
  const operator = await (await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": "198.51.100.61" } })).newPage();
  await login(operator, "operator.dinkes");
  await operator.goto("/dasbor/perangkat-daerah");
  await expect(operator).toHaveURL(/\/dasbor$/);
  await operator.context().close();
});

test("the year filter narrows the numbers and the links carry the year", async ({ page }) => {
  await login(page, "kabag.ks");
  await page.goto("/dasbor");
  const all = await tileValue(page, "berlaku");
  const year = String(new Date().getUTCFullYear() - 1);
  await page.getByLabel("Tahun ditandatangani").selectOption(year);
  await page.getByRole("button", { name: "Terapkan" }).click();
  await expect(page).toHaveURL(new RegExp(`/dasbor\\?tahun=${year}$`));
  await freshNumbers(page);
  const ofYear = await tileValue(page, "berlaku");
  expect(ofYear).toBeLessThanOrEqual(all);
  await page.getByTestId("stat-berlaku").click();
  await expect(page).toHaveURL(new RegExp(`status=AKTIF&tahun=${year}`));
  expect(await registerCount(page)).toBe(ofYear);
});

test("an Operator OPD sees their OPD's dashboard (no per-OPD comparison), readable on a phone", async ({ page }) => {
  await login(page, "operator.dinkes");
  await page.goto("/dasbor");
  await expect(page.getByText(/Ringkasan kerja sama Dinas Kesehatan/)).toBeVisible();
  await freshNumbers(page);
  await expect(page.getByRole("heading", { name: "Per perangkat daerah" })).toHaveCount(0);
  const inForce = await tileValue(page, "berlaku");
  await chartsReady(page);
  await shot(page, "dasbor-opd-1366");
  expect(await axe(page)).toEqual([]);
  await page.getByTestId("stat-berlaku").click();
  expect(await registerCount(page)).toBe(inForce);

  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/dasbor");
  await chartsReady(page);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await shot(page, "dasbor-opd-ponsel");
  expect(await axe(page)).toEqual([]);
});

test("Pimpinan on a phone: tiles, charts and the per-OPD table as cards, no sideways scrolling", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await login(page, "pimpinan");
  await page.goto("/dasbor");
  await chartsReady(page);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await shot(page, "dasbor-pimpinan-ponsel");
  expect(await axe(page)).toEqual([]);
});
