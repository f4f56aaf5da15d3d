import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { caseAt } from "../support/fixture-client";
import { expect, test } from "./fixtures";
import { eventForm, expectStage, record, signedIn, upload } from "./helpers/workflow";

// Life after signing (domain §5) in Chromium, as the users would: the agreement page, an adendum
// that goes to the DPRD, a perpanjangan, and a pengakhiran. Each test starts from a cooperation the
// fixture CLI brought to PELAKSANAAN through the real services.
test.setTimeout(90_000);

const today = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10); // the region's date (WIB)
const shot = (page: Page, name: string) => page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: true });

async function axe(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)).toEqual([]);
}

test("adendum yang menambah beban: TKKSD, DPRD, penandatanganan; PKS menjadi versi 2 dan teks asli tetap terbaca", async ({ browser }) => {
  const c = await caseAt({ kind: "KSDD", stage: "PELAKSANAAN" });
  const [operator, staf, kabag] = await Promise.all(["operator.dinkes", "staf.ks", "kabag.ks"].map((u) => signedIn(browser, u)));

  // The operator starts it from the agreement page; the DPRD answer is shown while answering.
  await operator.goto(`/kerja-sama/${c.id}`);
  await expect(operator.getByRole("heading", { name: "Naskah kerja sama" })).toBeVisible();
  await axe(operator);
  await shot(operator, "kerja-sama-detail-operator");
  const form = await eventForm(operator, "Mulai Adendum");
  await form.getByLabel("Pokok perubahan").fill("Penambahan dua puskesmas rujukan\nBiaya transportasi pasien ditanggung bersama");
  await form.getByRole("group", { name: /perubahan membebani masyarakat/ }).getByLabel("Ya").check();
  await form.getByRole("group", { name: /sudah dianggarkan/ }).getByLabel("Ya").check();
  await expect(form.getByText("Perlu persetujuan DPRD: Ya")).toBeVisible();
  await form.getByRole("button", { name: "Mulai Adendum", exact: true }).click();
  await operator.waitForURL(/berhasil=mulai_adendum/);
  await expectStage(operator, "Penyusunan Adendum");

  const url = `/usulan/${c.id}`;
  await staf.goto(url);
  await upload(staf, "Draf Adendum");
  await record(staf, "Tetapkan Draf Adendum Final dan Teruskan ke TKKSD");
  await kabag.goto(url);
  // The proposal's berita acara does not count: the adendum's meeting needs its own (not a "correction").
  await upload(kabag, "Berita Acara/Notulen Rapat TKKSD");
  await record(kabag, "Catat Hasil TKKSD: Adendum Layak");
  await expectStage(kabag, "Persetujuan DPRD atas Adendum");
  await upload(kabag, "Surat Permohonan Persetujuan DPRD");
  await upload(kabag, "Keputusan/Surat Persetujuan DPRD");
  await record(kabag, "Catat Persetujuan DPRD atas Adendum", async (f) => {
    await f.getByLabel("Nomor keputusan/surat DPRD").fill("172/Kep.44-DPRD/ADENDUM");
    await f.getByLabel("Tanggal keputusan DPRD").fill(today());
  });
  await upload(kabag, "Adendum yang Ditandatangani");
  await record(kabag, "Catat Penandatanganan Adendum", async (f) => {
    await f.getByLabel("Nomor naskah pihak daerah").fill("180/501/KS/ADENDUM");
    await f.getByLabel("Nomor naskah pihak mitra").fill("MITRA/ADD/501");
    await f.getByLabel("Tanggal penandatanganan").fill(today());
    await f.getByLabel("Tempat penandatanganan").fill("Sukamaju");
    await f.getByLabel(/Kepala Daerah/).first().check();
    await f.getByLabel(/^Nama penandatangan\s*(\(wajib\))?$/).fill("H. Ahmad Sudrajat, S.H., M.Si.");
    await f.getByLabel(/^Nama penandatangan pihak mitra/).fill("Ir. Budi Santoso");
    await f.getByLabel(/^Jabatan penandatangan pihak mitra/).fill("Bupati Sukamakmur");
    await expect(f.getByLabel("Berlaku mulai")).toHaveCount(0);
  });
  await expectStage(kabag, "Pelaksanaan (Aktif)");

  await kabag.goto(`/kerja-sama/${c.id}`);
  const adendum = kabag.locator("li").filter({ has: kabag.getByRole("heading", { name: /Adendum Kesatu/ }) }).first();
  await expect(adendum.getByText("180/501/KS/ADENDUM")).toBeVisible();
  await expect(adendum.getByText("Penambahan dua puskesmas rujukan")).toBeVisible();
  await expect(adendum.getByText("172/Kep.44-DPRD/ADENDUM", { exact: false })).toBeVisible();
  await expect(kabag.getByText(/versi 2, setelah adendum/)).toBeVisible();
  await axe(kabag);
  await shot(kabag, "kerja-sama-detail-adendum");
  await kabag.setViewportSize({ width: 390, height: 844 });
  await shot(kabag, "kerja-sama-detail-ponsel");
  const overflow = await kabag.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test("perpanjangan: usulan baru dari kerja sama berjalan, tertaut dua arah, mulai dari Draf", async ({ browser }) => {
  const c = await caseAt({ kind: "KSDPK", stage: "PELAKSANAAN" });
  const operator = await signedIn(browser, "operator.dinkes");
  await operator.goto(`/kerja-sama/${c.id}`);
  const form = await eventForm(operator, "Mulai Perpanjangan");
  await expect(form.getByText(/tetap berlaku sampai/)).toBeVisible();
  await form.getByRole("button", { name: "Mulai Perpanjangan" }).click();
  await operator.waitForURL(/tersimpan=perpanjangan/);
  await expect(operator.getByText("Usulan perpanjangan telah dibuat.")).toBeVisible();
  await expect(operator.getByRole("heading", { level: 1 })).toContainText("Perpanjangan:");
  await expectStage(operator, "Draf Usulan");
  await expect(operator.getByRole("region", { name: "Perpanjangan" }).getByRole("link", { name: c.code })).toBeVisible();
  await shot(operator, "perpanjangan-draf");
  const newCode = (await operator.locator("main header .font-mono").first().textContent())?.trim() ?? "";

  await operator.goto(`/kerja-sama/${c.id}`);
  await expect(operator.getByRole("region", { name: "Perpanjangan" }).getByRole("link", { name: newCode })).toBeVisible();
  // One at a time: the old cooperation no longer offers a second perpanjangan.
  await expect(operator.locator("details > summary").filter({ hasText: "Mulai Perpanjangan" })).toHaveCount(0);
});

test("pengakhiran: aksi sekunder di urutan terakhir, dasar, tanggal, dan berita acara; semua naskah diakhiri", async ({ browser }) => {
  const c = await caseAt({ kind: "KSDD", stage: "PELAKSANAAN" });
  const kabag = await signedIn(browser, "kabag.ks");
  await kabag.goto(`/usulan/${c.id}`);
  // On a running cooperation nothing is unfolded and ending it early comes last.
  const summaries = kabag.locator("details > summary");
  await expect(summaries.last()).toContainText("Catat Pengakhiran");
  await expect(kabag.locator("details[open]")).toHaveCount(0);
  await shot(kabag, "usulan-pelaksanaan-aksi");
  await upload(kabag, "Berita Acara Pengakhiran");
  await record(kabag, "Catat Pengakhiran", async (f) => {
    await f.getByLabel("Dasar pengakhiran").selectOption({ label: "Para pihak sepakat mengakhiri" });
    await f.getByLabel("Tanggal pengakhiran").fill(today());
    await f.getByLabel("Alasan").fill("Kedua pihak sepakat mengakhiri karena program dialihkan ke pemerintah provinsi.");
  });
  await expectStage(kabag, "Diakhiri");
  await kabag.goto(`/kerja-sama/${c.id}`);
  await expect(kabag.getByText("Diakhiri").first()).toBeVisible();
  await expect(kabag.getByText(/Berlaku$/)).toHaveCount(0);
});
