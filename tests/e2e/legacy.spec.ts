import AxeBuilder from "@axe-core/playwright";
import ExcelJS from "exceljs";
import type { Page } from "@playwright/test";
import { closeDb, db, one } from "../api/harness/db";
import { samplePdf } from "../support/pdf";
import { expect, login, test } from "./fixtures";

// Legacy agreements as a new Bagian Kerja Sama user meets them (domain §5): register one signed
// agreement with its PDFs through the Kerja Sama Arsip form; download the import template, fill it
// (one bad row), see that row's error by column and nothing imported, then import the corrected
// file. Checks in the e2e database; axe 0 violations; screenshots at 1366 px and on a phone.

const shot = (page: Page, name: string) => page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: true });

async function axe(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)).toEqual([]);
}

const stamp = () => Date.now().toString(36);
const pdf = (name: string) => ({ name, mimeType: "application/pdf", buffer: samplePdf(`Naskah arsip ${name}`) });

/** A verified partner of class PEMDA from the seed (fits KSDD). */
async function pemdaPartner(): Promise<{ id: string; name: string }> {
  return (await one<{ id: string; name: string }>(`SELECT id, name FROM "Partner" WHERE "partnerClass" = 'PEMDA' AND verified AND "deletedAt" IS NULL ORDER BY name LIMIT 1`))!;
}

test.afterAll(async () => {
  await closeDb();
});

async function fillNaskah(page: Page, section: string, n: { our: string; partner: string; signed: string; start: string; end: string }) {
  const s = page.getByRole("region", { name: section });
  await s.getByLabel(/^Nomor pihak daerah/).fill(n.our);
  await s.getByLabel(/^Nomor pihak mitra/).fill(n.partner);
  await s.getByLabel(/^Tanggal penandatanganan/).fill(n.signed);
  await s.getByLabel(/^Tempat penandatanganan/).fill("Sukamaju");
  await s.getByLabel(/^Nama penandatangan pihak daerah/).fill("H. Ahmad Sudrajat, S.H., M.Si.");
  await s.getByLabel(/^Jabatan penandatangan pihak daerah/).fill("Bupati Sukamaju");
  await s.getByLabel(/^Nama penandatangan pihak mitra/).fill("Drs. H. Bambang Irawan");
  await s.getByLabel(/^Jabatan penandatangan pihak mitra/).fill("Bupati Sukamakmur");
  await s.getByLabel(/^Mulai berlaku/).fill(n.start);
  await s.getByLabel(/^Berakhir/).fill(n.end);
}

test("Kerja Sama Arsip: Bagian KS registers a signed KSDD with its KB and PKS PDFs, directly in force", async ({ page }) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 1366, height: 900 });
  await login(page, "staf.ks");
  await page.goto("/kerja-sama/arsip/baru");
  await axe(page);
  await page.getByRole("link", { name: /Kerja Sama Daerah dengan Daerah Lain/ }).click();
  await expect(page.getByRole("heading", { name: "Kerja Sama Arsip: KSDD" })).toBeVisible();

  const id = stamp();
  const title = `Arsip Pengelolaan Sampah Regional ${id}`;
  const partner = await pemdaPartner();
  await page.getByLabel(/^Judul kerja sama/).fill(title);
  await page.getByLabel(/^Mitra/).first().selectOption(partner.id);
  await page.getByLabel(/^OPD pelaksana/).selectOption("opd-dinkes");
  await page.getByRole("radio", { name: "Sukarela" }).check();
  await page.getByLabel(/^Objek kerja sama/).fill("Pengelolaan TPA regional bersama");
  await page.getByLabel(/^Urusan pemerintahan/).selectOption("Lingkungan Hidup");
  await page.getByLabel(/^Sumber pendanaan/).selectOption("APBD");
  await page.getByRole("radio", { name: "Tidak" }).check();
  await fillNaskah(page, "Kesepakatan Bersama (KB)", { our: `180/${id}/KB/2024`, partner: `119/${id}/KB/2024`, signed: "2024-02-01", start: "2024-02-01", end: "2029-01-31" });
  // First a PKS dated before its KB: the signing forms' own rule refuses it on the server.
  await fillNaskah(page, "Perjanjian Kerja Sama (PKS)", { our: `180/${id}/PKS/2024`, partner: `119/${id}/PKS/2024`, signed: "2024-01-15", start: "2024-03-04", end: "2027-03-03" });
  await page.getByLabel(/^PDF Kesepakatan Bersama/).setInputFiles(pdf("kb-ditandatangani.pdf"));
  await page.getByLabel(/^PDF Perjanjian Kerja Sama/).setInputFiles(pdf("pks-ditandatangani.pdf"));
  await shot(page, "arsip-baru-1366");
  await axe(page);
  await page.setViewportSize({ width: 390, height: 844 });
  await shot(page, "arsip-baru-ponsel");
  await page.setViewportSize({ width: 1366, height: 900 });

  await page.getByRole("button", { name: "Daftarkan Kerja Sama Arsip" }).click();
  const pks = page.getByRole("region", { name: "Perjanjian Kerja Sama (PKS)" });
  await expect(pks.getByText(/tidak dapat ditandatangani sebelum Kesepakatan Bersama/)).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText("Berkas pks-ditandatangani.pdf sudah terunggah.")).toBeVisible();
  await shot(page, "arsip-galat-1366");
  await axe(page);
  expect(Number((await one<{ n: string }>(`SELECT count(*) AS n FROM "Case" WHERE title = $1`, [title]))!.n)).toBe(0);
  // Corrected: the PDFs already uploaded are not sent again.
  await pks.getByLabel(/^Tanggal penandatanganan/).fill("2024-03-04");
  await page.getByRole("button", { name: "Daftarkan Kerja Sama Arsip" }).click();
  await page.waitForURL(/\/usulan\/[^/?]+\?tersimpan=arsip$/, { timeout: 30_000 });
  await expect(page.getByText("Pelaksanaan (Aktif)").first()).toBeVisible();
  await expect(page.getByText(/Didaftarkan sebagai kerja sama arsip/).first()).toBeVisible();
  await shot(page, "arsip-terdaftar");

  const caseId = page.url().split("/usulan/")[1].split("?")[0];
  const row = await one<{ stage: string; isArchive: boolean; docs: string; agreements: string }>(
    `SELECT c.stage, c."isArchive",
            (SELECT string_agg(d.type::text, ',' ORDER BY d.type) FROM "Document" d WHERE d."caseId" = c.id) AS docs,
            (SELECT string_agg(a.type::text || ':' || a.status::text, ',' ORDER BY a.type) FROM "Agreement" a WHERE a."caseId" = c.id) AS agreements
       FROM "Case" c WHERE c.id = $1`,
    [caseId],
  );
  expect(row).toEqual({ stage: "PELAKSANAAN", isArchive: true, docs: "KB_DITANDATANGANI,PKS_DITANDATANGANI", agreements: "KB:BERLAKU,PKS:BERLAKU" });
  const history = await one<{ note: string; username: string }>(
    `SELECT h.note, u.username FROM "StageHistory" h JOIN "User" u ON u.id = h."actorId" WHERE h."caseId" = $1 AND h.event = 'registrasi_arsip'`, [caseId]);
  expect(history?.username).toBe("staf.ks");
  expect(history?.note).toMatch(/^Didaftarkan dari arsip/);
});

test("an OPD operator has no way into the archive pages", async ({ page }) => {
  await login(page, "operator.dinkes");
  expect((await page.goto("/kerja-sama/arsip/baru"))?.status()).toBe(403);
  expect((await page.goto("/kerja-sama/impor"))?.status()).toBe(403);
  expect((await page.request.get("/api/arsip/impor/templat")).status()).toBe(403);
});

/** The downloaded template with its example row replaced by `rows` (as a person fills it in Excel). */
async function fillTemplate(template: Buffer, rows: Record<string, string | Date>[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(template as unknown as ExcelJS.Buffer);
  const sheet = wb.getWorksheet("Data")!;
  const keys = (sheet.getRow(1).values as string[]).slice(1);
  const headerKey = new Map<string, number>(keys.map((h, i) => [h, i + 1]));
  sheet.spliceRows(2, 1);
  rows.forEach((r, i) => {
    const row = sheet.getRow(i + 2);
    for (const [header, value] of Object.entries(r)) row.getCell(headerKey.get(header)!).value = value;
    row.commit();
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function agreementRow(id: string, i: number, partner: string, signedPks = "2024-03-04"): Record<string, string | Date> {
  return {
    "Jenis Kerja Sama": "KSDD", "Sifat KSDD": "SUKARELA", "Judul Kerja Sama": `Impor Arsip ${id} nomor ${i}`, "Nama Mitra": partner,
    "OPD Pelaksana": "Dinkes", "Urusan Pemerintahan": "Kesehatan", "Objek Kerja Sama": "Rujukan pasien", "Sumber Pendanaan": "APBD",
    "Perlu Persetujuan DPRD": "Tidak",
    "KB: Nomor Pihak Daerah": `180/${id}-${i}/KB/2024`, "KB: Nomor Pihak Mitra": `119/${id}-${i}/KB/2024`,
    "KB: Tanggal Tanda Tangan": new Date(Date.UTC(2024, 1, 1)), "KB: Tempat Tanda Tangan": "Sukamaju",
    "KB: Penandatangan Pihak Daerah": "H. Ahmad Sudrajat", "KB: Penandatangan Pihak Mitra": "Drs. Bambang Irawan",
    "KB: Jabatan Penandatangan Pihak Mitra": "Bupati", "KB: Mulai Berlaku": new Date(Date.UTC(2024, 1, 1)), "KB: Berakhir": new Date(Date.UTC(2029, 0, 31)),
    "Naskah: Nomor Pihak Daerah": `180/${id}-${i}/PKS/2024`, "Naskah: Nomor Pihak Mitra": `119/${id}-${i}/PKS/2024`,
    "Naskah: Tanggal Tanda Tangan": signedPks, "Naskah: Tempat Tanda Tangan": "Sukamaju",
    "Naskah: Penandatangan Pihak Daerah": "H. Ahmad Sudrajat", "Naskah: Penandatangan Pihak Mitra": "Drs. Bambang Irawan",
    "Naskah: Jabatan Penandatangan Pihak Mitra": "Bupati", "Naskah: Mulai Berlaku": new Date(Date.UTC(2024, 2, 4)), "Naskah: Berakhir": new Date(Date.UTC(2027, 2, 3)),
  };
}

test("Excel import: one bad row is reported by row and column and nothing is imported; the corrected file is imported", async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1366, height: 900 });
  await login(page, "kabag.ks");
  await page.goto("/kerja-sama/impor");
  await axe(page);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Unduh Templat Excel" }).click()]);
  expect(download.suggestedFilename()).toBe("templat-impor-kerja-sama-arsip.xlsx");
  const template = Buffer.from(await (await download.createReadStream()).toArray().then((c) => Buffer.concat(c as Buffer[])));

  const id = stamp();
  const partner = (await pemdaPartner()).name;
  const future = new Date(Date.now() + 40 * 86_400_000).toISOString().slice(0, 10);
  const bad = await fillTemplate(template, [agreementRow(id, 1, partner), agreementRow(id, 2, partner, future), agreementRow(id, 3, partner)]);
  const count = async () => Number((await one<{ n: string }>(`SELECT count(*) AS n FROM "Case" WHERE title LIKE $1`, [`Impor Arsip ${id} %`]))!.n);

  const input = page.getByLabel(/^Berkas Excel/);
  await input.setInputFiles({ name: "arsip-lama.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: bad });
  await page.getByRole("button", { name: "Periksa Berkas" }).click();
  await expect(page.getByText("Belum ada yang diimpor: 1 dari 3 baris perlu diperbaiki.")).toBeVisible();
  const badRow = page.locator("tr[data-row='3']");
  await expect(badRow).toContainText("Kolom Naskah: Tanggal Tanda Tangan");
  await expect(badRow).toContainText("tidak boleh sesudah hari ini");
  await expect(page.locator("tr[data-row='2']")).toContainText("Siap diimpor");
  await expect(page.getByRole("button", { name: /^Impor \d/ })).toHaveCount(0);
  expect(await count()).toBe(0);
  await shot(page, "impor-galat-1366");
  await axe(page);
  await page.setViewportSize({ width: 390, height: 844 });
  await shot(page, "impor-galat-ponsel");
  await axe(page);
  await page.setViewportSize({ width: 1366, height: 900 });

  const good = await fillTemplate(template, [agreementRow(id, 1, partner), agreementRow(id, 2, partner), agreementRow(id, 3, partner)]);
  await input.setInputFiles({ name: "arsip-lama-perbaikan.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: good });
  await page.getByRole("button", { name: "Periksa Berkas" }).click();
  await expect(page.getByText("Semua 3 baris siap diimpor.")).toBeVisible();
  await shot(page, "impor-siap-1366");
  await page.getByRole("button", { name: "Impor 3 Kerja Sama" }).click();
  await expect(page.getByText("3 kerja sama arsip berhasil diimpor.")).toBeVisible({ timeout: 30_000 });
  await shot(page, "impor-selesai-1366");
  await axe(page);
  expect(await count()).toBe(3);
  const archived = await db().query(`SELECT stage, "isArchive" FROM "Case" WHERE title LIKE $1`, [`Impor Arsip ${id} %`]);
  expect(archived.rows).toEqual(Array(3).fill({ stage: "PELAKSANAAN", isArchive: true }));

  // They are in the list of cases, like any other.
  await page.goto(`/usulan?q=${encodeURIComponent(`Impor Arsip ${id}`)}`);
  await expect(page.getByRole("link", { name: new RegExp(`Impor Arsip ${id} nomor`) })).toHaveCount(3);

  // The same file again: refused on every row, nothing doubled.
  await page.goto("/kerja-sama/impor");
  await page.getByLabel(/^Berkas Excel/).setInputFiles({ name: "arsip-lama-perbaikan.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: good });
  await page.getByRole("button", { name: "Periksa Berkas" }).click();
  await expect(page.getByText("Belum ada yang diimpor: 3 dari 3 baris perlu diperbaiki.")).toBeVisible();
  await expect(page.locator("tr[data-row='2']")).toContainText("sudah tercatat pada kerja sama");
  expect(await count()).toBe(3);
});
