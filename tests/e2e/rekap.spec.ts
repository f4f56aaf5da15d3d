import fs from "node:fs/promises";
import AxeBuilder from "@axe-core/playwright";
import ExcelJS from "exceljs";
import type { Page } from "@playwright/test";
import { caseAt } from "../support/fixture-client";
import { pdfPageTexts } from "../support/pdf-read";
import { expect, login, test } from "./fixtures";

// Rekap (issue 8 §3) as Pimpinan meets it: choose the year and a filter on /kerja-sama/rekap, download
// the Excel and the print-ready PDF and find the agreement in both; the one-page Ringkasan from the
// agreement's page. Axe on the page, screenshots at 1366 px and on a phone.
test.setTimeout(120_000);

const shot = (page: Page, name: string) => page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: true });

async function axe(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)).toEqual([]);
}

test("Pimpinan memilih tahun dan jenis, mengunduh rekap Excel dan PDF, lalu Ringkasan satu kerja sama", async ({ page }) => {
  const mark = `Uji Rekap ${Date.now().toString(36)}`;
  const ksdd = await caseAt({ kind: "KSDD", stage: "PELAKSANAAN", title: `${mark} Rujukan Perbatasan` });
  const ksdpk = await caseAt({ kind: "KSDPK", stage: "PELAKSANAAN", title: `${mark} Air Minum` });
  const year = String(new Date().getFullYear());
  await page.setViewportSize({ width: 1366, height: 900 });
  await login(page, "pimpinan");
  await page.goto("/kerja-sama");
  await page.getByRole("link", { name: "Rekap Excel/PDF" }).click();
  await expect(page.getByRole("heading", { name: "Rekap Kerja Sama", level: 1 })).toBeVisible();

  await page.getByLabel("Tahun ditandatangani").selectOption(year);
  await page.getByLabel("Jenis").selectOption("KSDD");
  await page.getByRole("button", { name: "Hitung" }).click();
  await expect(page).toHaveURL(new RegExp(`tahun=${year}`));
  await expect(page.getByRole("status").filter({ hasText: `ditandatangani tahun ${year}` })).toBeVisible();
  await axe(page);
  await shot(page, "rekap-1366");

  const [excel] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Unduh Excel" }).click()]);
  expect(excel.suggestedFilename()).toMatch(new RegExp(`^rekap-kerja-sama-${year}-\\d{8}\\.xlsx$`));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await fs.readFile((await excel.path())!)) as unknown as ArrayBuffer);
  const codes: string[] = [];
  wb.getWorksheet("Rekap")!.eachRow((row, n) => {
    if (n > 1) codes.push(String(row.getCell(1).value));
  });
  expect(codes).toContain(ksdd.code);
  expect(codes).not.toContain(ksdpk.code); // jenis KSDPK is filtered out

  const [pdf] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Unduh PDF (siap cetak)" }).click()]);
  const text = (await pdfPageTexts(new Uint8Array(await fs.readFile((await pdf.path())!)))).join(" ");
  expect(text).toContain(`REKAP KERJA SAMA DAERAH TAHUN ${year}`);
  expect(text).toContain(ksdd.code);
  expect(text).not.toContain(ksdpk.code);

  await page.goto(`/kerja-sama/${ksdd.id}`);
  const [ringkasan] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Ringkasan (PDF)" }).click()]);
  const pages = await pdfPageTexts(new Uint8Array(await fs.readFile((await ringkasan.path())!)));
  expect(pages).toHaveLength(1);
  expect(pages[0]).toContain("RINGKASAN KERJA SAMA");
  expect(pages[0]).toContain(ksdd.code);

  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/kerja-sama/rekap?tahun=${year}`);
  await axe(page);
  await shot(page, "rekap-ponsel");
});

test("Operator OPD tidak mendapat halaman rekap (403)", async ({ page }) => {
  await login(page, "operator.dinkes");
  const response = await page.goto("/kerja-sama/rekap");
  expect(response?.status()).toBe(403);
});
