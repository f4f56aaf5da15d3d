import type { Page } from "@playwright/test";
import { runFixtures, type PartnerFixture } from "../support/fixture-client";
import { expect, login, test } from "./fixtures";
import { signedIn } from "./helpers/workflow";

// Mitra as Bagian Kerja Sama and the OPDs meet it (issue 7 §2): a new partner with the similar-name
// warning, an OPD's request confirmed, a duplicate request merged into the registered partner — and
// an unconfirmed request offered only to the OPD that asked for it.
test.setTimeout(60_000);

const shot = (page: Page, name: string) => page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: true });
const stamp = () => Date.now().toString(36);

/** The partner choices of the KSDPK proposal form. */
const offeredPartners = async (page: Page) => {
  await page.goto("/usulan/baru?jenis=KSDPK");
  return page.locator("select[name=partnerId] option").allTextContents();
};

test("Staf KS menambah mitra: peringatan nama mirip muncul saat mengetik, lalu disimpan setelah dinyatakan berbeda", async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 900 });
  await login(page, "staf.ks");
  await page.goto("/mitra");
  await page.getByRole("link", { name: "Mitra Baru" }).click();
  const name = `PT Medika Husada Utama Cabang Timur ${stamp()}`;
  await page.getByLabel("Nama mitra").fill(name);
  const warning = page.getByRole("alert").filter({ hasText: "Sudah ada mitra dengan nama mirip" });
  await expect(warning).toBeVisible();
  await expect(warning.getByRole("link", { name: "PT Medika Husada Utama" })).toBeVisible();
  await page.getByLabel("Kelas mitra").selectOption("SWASTA");
  await page.getByLabel("Provinsi").fill("Jawa Barat");
  await page.getByLabel("Nama narahubung 1").fill("Ir. Lina Marlina");
  await page.getByLabel("Jabatan narahubung 1").fill("Manajer Kemitraan");
  await page.getByLabel("E-mail narahubung 1").fill("lina@medikahusada.co.id");
  await shot(page, "mitra-baru-peringatan");
  // Saved without reading the warning: refused, with the names, nothing stored.
  await page.getByRole("button", { name: "Simpan Mitra" }).click();
  await expect(page.getByText(/Nama mirip dengan mitra yang sudah ada/).first()).toBeVisible();
  await expect(page).toHaveURL(/\/mitra\/baru$/);
  await page.getByLabel("Saya sudah memeriksa: ini mitra yang berbeda").check();
  await page.getByRole("button", { name: "Simpan Mitra" }).click();
  await expect(page).toHaveURL(/\/mitra\/[^/]+\?tersimpan=1$/);
  await expect(page.getByRole("heading", { name })).toBeVisible();
  await expect(page.getByText("Ir. Lina Marlina")).toBeVisible();
  await expect(page.getByText("Terverifikasi", { exact: true })).toBeVisible();
});

test("permintaan mitra dari OPD: hanya OPD pengaju yang ditawari; Kabag mengonfirmasinya, lalu semua OPD", async ({ browser }) => {
  const name = `CV Kopi Arabika Priangan ${stamp()}`;
  const fx = await runFixtures([{ op: "partnerRequest", key: "req", by: "operator.dispar", name, partnerClass: "SWASTA" }]);
  const req = fx.req as PartnerFixture;
  const [dispar, dinkes, kabag] = await Promise.all(["operator.dispar", "operator.dinkes", "kabag.ks"].map((u) => signedIn(browser, u)));
  expect((await offeredPartners(dispar)).some((o) => o.includes(name) && o.includes("menunggu verifikasi"))).toBe(true);
  expect((await offeredPartners(dinkes)).some((o) => o.includes(name))).toBe(false);
  // Another OPD cannot open it either.
  await dinkes.goto(`/mitra/${req.id}`);
  await expect(dinkes.getByRole("heading", { name: "Data tidak ditemukan" })).toBeVisible();

  await kabag.goto("/mitra");
  await kabag.getByRole("link", { name: "Tampilkan yang menunggu" }).click();
  await kabag.getByRole("link", { name }).click();
  await expect(kabag.getByText("Menunggu verifikasi Bagian Kerja Sama")).toBeVisible();
  await shot(kabag, "mitra-menunggu-verifikasi");
  await kabag.getByRole("button", { name: "Konfirmasi Mitra" }).click();
  await expect(kabag.getByText("Mitra telah dikonfirmasi: kini dapat dipilih semua OPD.")).toBeVisible();
  expect((await offeredPartners(dinkes)).some((o) => o.includes(name) && !o.includes("menunggu"))).toBe(true);
});

test("permintaan ganda digabungkan ke mitra yang sudah terdaftar: OPD pengaju kini memakai mitra itu", async ({ browser }) => {
  const name = `PT. Graha Wisata Parahyangan ${stamp()}`;
  const fx = await runFixtures([{ op: "partnerRequest", key: "dup", by: "operator.dispar", name, partnerClass: "SWASTA" }]);
  const dup = fx.dup as PartnerFixture;
  const [kabag, dispar] = await Promise.all(["kabag.ks", "operator.dispar"].map((u) => signedIn(browser, u)));
  await kabag.setViewportSize({ width: 1366, height: 900 });
  await kabag.goto(`/mitra/${dup.id}`);
  // The similar registered partner is offered as the target; the merge needs the confirmation.
  const target = kabag.getByRole("radio", { name: /^PT Graha Wisata Parahyangan/ });
  await expect(target).toBeVisible();
  await target.check();
  await kabag.getByRole("button", { name: "Gabungkan ke Mitra Tujuan" }).click();
  await expect(kabag.getByText(/Centang pernyataan/).first()).toBeVisible();
  await kabag.getByLabel("Keduanya adalah mitra yang sama").check();
  await kabag.getByRole("button", { name: "Gabungkan ke Mitra Tujuan" }).click();
  await expect(kabag.getByText("Mitra telah digabungkan.")).toBeVisible();
  await expect(kabag.getByRole("heading", { name: "PT Graha Wisata Parahyangan", exact: true })).toBeVisible();
  await shot(kabag, "mitra-setelah-digabung");
  // The duplicate's address now leads to the registered partner; the OPD is offered only that one.
  await kabag.goto(`/mitra/${dup.id}`);
  await expect(kabag).toHaveURL(/\/mitra\/mitra-graha-wisata\?digabung=1$/);
  const offered = await offeredPartners(dispar);
  expect(offered.some((o) => o.includes(name))).toBe(false);
  expect(offered.some((o) => o.startsWith("PT Graha Wisata Parahyangan"))).toBe(true);
});

test("halaman mitra: dokumen legal dapat diunduh, kerja samanya tampil sesuai lingkup pembaca", async ({ page }) => {
  await login(page, "operator.dinkes");
  await page.goto("/mitra/mitra-medika-husada");
  await expect(page.getByRole("heading", { name: "PT Medika Husada Utama" })).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Nomor Induk Berusaha (NIB)", exact: true }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.pdf$/);
  // Operator Dinkes sees this partner's cooperation with Dinas Kesehatan only.
  const rows = page.locator("section[aria-labelledby=kerja-sama-mitra] tbody tr");
  for (const row of await rows.all()) await expect(row).not.toContainText("DISPAR");
  await expect(page.getByRole("button", { name: "Konfirmasi Mitra" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Ubah Data Mitra" })).toHaveCount(0);
});
