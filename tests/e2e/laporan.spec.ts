import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { caseAt } from "../support/fixture-client";
import { expect, login, test } from "./fixtures";
import { signedIn } from "./helpers/workflow";

// Laporan Pelaksanaan (monev) as its users meet it: an OPD operator finds the report that is due,
// writes it, attaches a photo and sends it; Bagian Kerja Sama returns it once, the operator corrects
// and resends it, and Bagian Kerja Sama rates it. Then the pages at 1366 px and on a phone, with axe.

const shot = (page: Page, name: string) => page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: true });
const overflowX = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

async function axe(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)).toEqual([]);
}

/** A tiny PNG: the server sniffs the first bytes, not the name. */
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82, 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]);

/** The row of a list table that names the case, then its link. */
const rowOf = (page: Page, section: string, title: string) =>
  page.getByRole("region", { name: new RegExp(section) }).getByRole("row").filter({ hasText: title }).first();

test("an operator sends a report with a photo; Bagian KS returns it, the operator resends it, Bagian KS rates it", async ({ browser }) => {
  test.setTimeout(150_000);
  const title = `Uji Monev ${Date.now().toString(36)}`;
  const c = await caseAt({ kind: "SINERGI", stage: "PELAKSANAAN", dates: "monev", title });

  // The operator's home page counts the reports that are due and leads to them.
  const operator = await signedIn(browser, "operator.dinkes");
  await expect(operator.getByTestId("tile-Laporan jatuh tempo")).toBeVisible();
  await operator.getByRole("link", { name: /Laporan jatuh tempo/ }).click();
  await expect(operator.getByRole("heading", { name: "Laporan saya yang jatuh tempo" })).toBeVisible();
  const due = rowOf(operator, "Laporan yang jatuh tempo", title);
  await expect(due.getByText("Terlambat")).toBeVisible();
  await due.getByRole("link", { name: /Isi laporan/ }).click();
  await expect(operator).toHaveURL(new RegExp(`/laporan/${c.id}/\\d{4}-\\d{2}-\\d{2}$`));
  const reportUrl = operator.url();

  // Sending without the parts of §6 is refused beside each field, in the browser already.
  await operator.getByRole("button", { name: "Kirim Laporan" }).click();
  await expect(operator.getByText("Realisasi kegiatan wajib dipilih").first()).toBeVisible();
  await expect(operator.getByText(/Manfaat wajib diisi sebelum laporan dikirim/).first()).toBeVisible();

  await operator.getByRole("radio", { name: "Terlaksana sebagian" }).check();
  await operator.getByLabel(/^Capaian output/).fill("Dua dari tiga kegiatan terlaksana; 120 peserta.");
  await operator.getByLabel(/^Manfaat/).fill("Layanan data lebih cepat bagi perangkat daerah.");
  await operator.getByLabel(/^Kendala/).fill("Jadwal narasumber mitra bergeser.");
  await operator.getByLabel(/^Tindak lanjut/).fill("Kegiatan ketiga dijadwalkan ulang.");
  await operator.getByRole("radio", { name: /^Lanjutkan/ }).check();
  await operator.getByRole("button", { name: "Simpan Draf" }).click();
  await expect(operator.getByText("Draf laporan telah disimpan.")).toBeVisible();

  // Evidence: a photo, checked by its content.
  await operator.getByLabel("Jenis bukti").selectOption({ label: "Bukti Kegiatan" });
  await operator.getByLabel("Berkas bukti").setInputFiles({ name: "foto-kegiatan.png", mimeType: "image/png", buffer: PNG });
  await operator.getByRole("button", { name: "Unggah Bukti" }).click();
  await expect(operator.getByText("Bukti terunggah.")).toBeVisible();
  await expect(operator.getByText(/foto-kegiatan\.png/)).toBeVisible();
  await operator.getByRole("button", { name: "Kirim Laporan" }).click();
  await expect(operator.getByText("Laporan telah dikirim kepada Bagian Kerja Sama.")).toBeVisible();
  await expect(operator.getByRole("button", { name: "Kirim Laporan" })).toHaveCount(0);
  await expect(operator.getByText("Terkirim").first()).toBeVisible();

  // Bagian KS finds it in its queue and returns it with a reason.
  const staf = await signedIn(browser, "staf.ks");
  await staf.goto("/laporan");
  await rowOf(staf, "Laporan menunggu telaah", title).getByRole("link", { name: /Telaah/ }).click();
  await expect(staf).toHaveURL(reportUrl);
  await staf.locator("summary", { hasText: "Kembalikan untuk perbaikan" }).click();
  await staf.getByLabel(/^Alasan pengembalian/).fill("Lampirkan daftar hadir kegiatan dan rincian peserta.");
  await staf.getByRole("button", { name: "Kembalikan untuk Perbaikan" }).click();
  await expect(staf.getByText("Laporan telah dikembalikan kepada OPD untuk diperbaiki.")).toBeVisible();

  // The operator sees it returned, corrects it and sends it again.
  await operator.goto("/laporan");
  const returned = rowOf(operator, "Laporan yang jatuh tempo", title);
  await expect(returned.getByText("Dikembalikan")).toBeVisible();
  await returned.getByRole("link", { name: /Perbaiki laporan/ }).click();
  await expect(operator.getByText("Lampirkan daftar hadir kegiatan dan rincian peserta.").first()).toBeVisible();
  await operator.getByLabel(/^Capaian output/).fill("Tiga kegiatan terlaksana; 180 peserta; daftar hadir terlampir.");
  await operator.getByRole("button", { name: "Kirim Laporan" }).click();
  await expect(operator.getByText("Laporan telah dikirim kepada Bagian Kerja Sama.")).toBeVisible();

  // The Kabag rates it; the report is final.
  const kabag = await signedIn(browser, "kabag.ks");
  await kabag.goto(reportUrl);
  await expect(kabag.getByText(/dikirim ulang setelah dikembalikan/i)).toBeVisible();
  await kabag.getByRole("radio", { name: "4 — Baik" }).check();
  await kabag.getByLabel(/^Catatan telaah/).fill("Laporan lengkap dengan bukti kegiatan.");
  await kabag.getByRole("button", { name: "Simpan Telaah" }).click();
  await expect(kabag.getByText("Telaah laporan telah disimpan.")).toBeVisible();
  await expect(kabag.getByText("4 dari 5", { exact: true })).toBeVisible();
  await expect(kabag.getByRole("button", { name: "Simpan Telaah" })).toHaveCount(0);

  // The case page shows the timeline with the reviewed period.
  await operator.goto(`/usulan/${c.id}`);
  await expect(operator.getByRole("heading", { name: "Laporan pelaksanaan" })).toBeVisible();
  await expect(operator.getByRole("cell", { name: "4 dari 5" })).toBeVisible();
  for (const p of [operator, staf, kabag]) await p.context().close();
});

test("another OPD's operator cannot open the report pages (not found)", async ({ page }) => {
  await login(page, "operator.dispar");
  const response = await page.goto("/laporan/case-dinkes-rujukan-perbatasan");
  expect(response?.status()).toBe(404);
});

test("laporan pages at 1366 px and on a phone: axe reports nothing, nothing scrolls sideways", async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1366, height: 900 });
  await login(page, "operator.dinkes");
  await page.goto("/laporan");
  await axe(page);
  expect(await overflowX(page)).toBeLessThanOrEqual(0);
  await shot(page, "laporan-operator-1366");
  // The seeded returned report of Dinas Kesehatan: the form, the reason, the evidence.
  await rowOf(page, "Laporan yang jatuh tempo", "Rujukan").getByRole("link", { name: /Perbaiki laporan/ }).click();
  await expect(page.getByText("Laporan dikembalikan untuk diperbaiki")).toBeVisible();
  await axe(page);
  await shot(page, "laporan-formulir-1366");
  await page.goto("/laporan/case-dinkes-rujukan-perbatasan");
  await axe(page);
  await shot(page, "laporan-periode-1366");
  await page.goto("/usulan/case-dinkes-rujukan-perbatasan");
  await expect(page.getByRole("heading", { name: "Laporan pelaksanaan" })).toBeVisible();
  await shot(page, "usulan-laporan-1366");

  await page.setViewportSize({ width: 390, height: 844 });
  for (const [path, name] of [["/laporan", "laporan-operator-ponsel"], ["/laporan/case-dinkes-rujukan-perbatasan", "laporan-periode-ponsel"]] as const) {
    await page.goto(path);
    expect(await overflowX(page), path).toBeLessThanOrEqual(0);
    await axe(page);
    await shot(page, name);
  }

  for (const username of ["staf.ks", "pimpinan"]) {
    await page.context().clearCookies();
    await page.setViewportSize({ width: 1366, height: 900 });
    await login(page, username);
    await page.goto("/laporan");
    await axe(page);
    expect(await overflowX(page)).toBeLessThanOrEqual(0);
    await shot(page, `laporan-${username}-1366`);
  }
  // Bagian KS's review form (the seeded report resent after a return).
  await page.context().clearCookies();
  await login(page, "staf.ks");
  await page.goto("/laporan");
  await rowOf(page, "Laporan menunggu telaah", "Hemodialisis").getByRole("link", { name: /Telaah/ }).click();
  await expect(page.getByRole("button", { name: "Simpan Telaah" })).toBeVisible();
  await axe(page);
  await shot(page, "laporan-telaah-1366");
  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  expect(await overflowX(page)).toBeLessThanOrEqual(0);
  await axe(page);
  await shot(page, "laporan-telaah-ponsel");
});
