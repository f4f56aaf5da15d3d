import fs from "node:fs/promises";
import ExcelJS from "exceljs";
import type { Download, Page } from "@playwright/test";
import { caseAt } from "../support/fixture-client";
import { expect, login, test } from "./fixtures";

// The Daftar Kerja Sama as a new user meets it (issue 7 §1): filter and search with the state in the
// URL, export the current filter, open the downloaded Excel and CSV and find exactly the rows of the
// list; the home counters lead to the register with their filter.
test.setTimeout(90_000);

const shot = (page: Page, name: string) => page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: true });

/** The codes of the rows on the page, in order (the mono code under each title). */
const listedCodes = (page: Page) => page.locator("tbody tr th .font-mono").allTextContents();

async function saved(download: Download): Promise<Buffer> {
  return fs.readFile((await download.path())!);
}

async function xlsxCodes(bytes: Buffer): Promise<{ header: string[]; codes: string[]; about: string }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = wb.worksheets[0];
  const header = (sheet.getRow(1).values as string[]).slice(1);
  const codes: string[] = [];
  sheet.eachRow((row, n) => {
    if (n > 1) codes.push(String(row.getCell(1).value));
  });
  return { header, codes, about: JSON.stringify(wb.worksheets[1].getSheetValues()) };
}

function csvCodes(bytes: Buffer): string[] {
  return bytes.toString("utf8").replace(/^\uFEFF/, "").split("\r\n").filter((l) => /^KS-\d{4}-/.test(l)).map((l) => l.split(",")[0]);
}

test("Kabag menyaring, mencari, dan mengekspor: berkas Excel dan CSV berisi baris yang sama dengan daftar", async ({ page }) => {
  const mark = `Uji Register ${Date.now().toString(36)}`;
  const [a, b] = [
    await caseAt({ kind: "KSDPK", stage: "PELAKSANAAN", title: `${mark} Air Bersih` }),
    await caseAt({ kind: "KSDD", stage: "PELAKSANAAN", title: `${mark} Jalan Perbatasan` }),
  ];
  await caseAt({ kind: "KSDD", stage: "VERIFIKASI", title: `${mark} Masih Diverifikasi` });
  await page.setViewportSize({ width: 1366, height: 900 });
  await login(page, "kabag.ks");
  await page.getByRole("navigation", { name: "Navigasi utama" }).last().getByRole("link", { name: "Kerja Sama", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Daftar Kerja Sama" })).toBeVisible();

  // Filter and search with the form; the state goes into the URL.
  await page.getByLabel("Status").selectOption("AKTIF");
  await page.getByRole("searchbox", { name: "Cari" }).fill(mark);
  await page.getByRole("button", { name: "Terapkan" }).click();
  await expect(page).toHaveURL(/status=AKTIF/);
  await expect(page).toHaveURL(/q=Uji\+Register/);
  await expect(page.getByText("2 kerja sama", { exact: true })).toBeVisible();
  const codes = await listedCodes(page);
  expect(codes.sort()).toEqual([a.code, b.code].sort());
  const ordered = await listedCodes(page);
  await shot(page, "register-tersaring-1366");

  // The URL alone reproduces the view (shareable, bookmarkable).
  const url = page.url();
  const other = await page.context().newPage();
  await other.goto(url);
  expect(await listedCodes(other)).toEqual(ordered);
  await other.close();

  // Export the current filter and open the files.
  const [excel] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Unduh Excel" }).click()]);
  expect(excel.suggestedFilename()).toMatch(/^register-kerja-sama-\d{8}\.xlsx$/);
  const file = await xlsxCodes(await saved(excel));
  expect(file.header.slice(0, 3)).toEqual(["Kode", "Judul Kerja Sama", "Jenis"]);
  expect(file.header).toContain("Tanggal Berakhir");
  expect(file.codes).toEqual(ordered);
  expect(file.about).toContain(mark);
  const [csv] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Unduh CSV" }).click()]);
  expect(csvCodes(await saved(csv))).toEqual(ordered);

  // A broader filter: the first page of the list is the first rows of the file, in the same order.
  await page.goto("/kerja-sama?status=AKTIF&urut=berakhir");
  const page1 = await listedCodes(page);
  expect(page1.length).toBeGreaterThan(2);
  const [wide] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Unduh Excel" }).click()]);
  expect((await xlsxCodes(await saved(wide))).codes.slice(0, page1.length)).toEqual(page1);
});

test("pencarian nomor naskah sebagian dan kata berimbuhan; hasil kosong menjelaskan langkah berikutnya", async ({ page }) => {
  await login(page, "staf.ks");
  // Part of a seeded partner number (the register searches both numbers of every naskah).
  await page.goto("/kerja-sama?q=PKS.VI%2FPEMOTDA");
  expect((await listedCodes(page)).length).toBeGreaterThan(0);
  await expect(page.locator("tbody")).toContainText("Provinsi Jawa Barat");
  // The stemmer: "pelayanan" finds titles with "Layanan".
  await page.goto("/kerja-sama?q=pelayanan");
  await expect(page.locator("tbody")).toContainText(/Layanan/i);
  await page.goto("/kerja-sama?q=tidakadayangcocokxyz");
  await expect(page.getByRole("heading", { name: "Tidak ada kerja sama yang cocok" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Tampilkan Semua Kerja Sama" })).toBeVisible();
});

test("Operator OPD hanya melihat dan mengekspor kerja sama OPD-nya, walau URL meminta OPD lain", async ({ page }) => {
  await login(page, "operator.dinkes");
  await page.goto("/kerja-sama?opd=opd-dispar");
  await expect(page.getByRole("heading", { name: "Tidak ada kerja sama yang cocok" })).toBeVisible();
  await page.goto("/kerja-sama");
  await expect(page.getByLabel("OPD", { exact: true })).toHaveCount(0);
  const [csv] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Unduh CSV" }).click()]);
  const lines = (await saved(csv)).toString("utf8").split("\r\n").filter((l) => /^KS-\d{4}-/.test(l));
  expect(lines.length).toBeGreaterThan(0);
  for (const line of lines) expect(line).toContain("Dinas Kesehatan");
});

test("angka di beranda membuka Daftar Kerja Sama dengan filternya, dan jumlahnya sama", async ({ page }) => {
  await login(page, "kabag.ks");
  const tile = page.getByRole("link", { name: /Berakhir ≤ 90 hari/ });
  const value = (await tile.getByTestId("tile-Berakhir ≤ 90 hari").textContent())!.trim();
  await tile.click();
  await expect(page).toHaveURL(/\/kerja-sama\?status=AKAN_BERAKHIR$/);
  await expect(page.getByLabel("Status")).toHaveValue("AKAN_BERAKHIR");
  if (value === "0") await expect(page.getByRole("heading", { name: "Tidak ada kerja sama yang cocok" })).toBeVisible();
  else await expect(page.getByText(`${value} kerja sama`, { exact: true })).toBeVisible();
  for (const row of await page.locator("tbody tr").all()) await expect(row).toContainText("Akan berakhir");
});

test("anggota TKKSD melihat kerja sama yang telah ditandatangani dan usulan yang dibahas, tanpa draf OPD", async ({ page }) => {
  await login(page, "tkksd");
  await page.getByRole("navigation", { name: "Navigasi utama" }).last().getByRole("link", { name: "Kerja Sama", exact: true }).click();
  await expect(page.getByText("Seluruh kerja sama yang telah ditandatangani, serta usulan yang sedang dibahas TKKSD.")).toBeVisible();
  await page.goto("/kerja-sama?status=DRAF");
  await expect(page.getByRole("heading", { name: "Tidak ada kerja sama yang cocok" })).toBeVisible();
  await page.goto("/kerja-sama?status=KAJIAN_TKKSD");
  await expect(page.locator("tbody tr").first()).toBeVisible();
  await expect(page.locator("tbody tr").first().getByRole("link")).toHaveAttribute("href", /^\/usulan\//);
});

test("daftar terbaca pada 1366 px dan menjadi kartu di ponsel", async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 900 });
  await login(page, "kabag.ks");
  await page.goto("/kerja-sama");
  const region = page.getByRole("region", { name: /Daftar kerja sama/ });
  expect(await region.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);
  await shot(page, "register-1366");
  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  const row = page.locator("tbody tr").first();
  expect(await row.evaluate((el) => getComputedStyle(el).display)).toBe("block");
  await shot(page, "register-ponsel");
});
