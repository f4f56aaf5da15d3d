import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { generate } from "otplib";
import pg from "pg";
import { attemptLogin, createUserAsAdmin, expect, firstLogin, login, loginError, test } from "./fixtures";

// The account pages in Chromium: the forced password change after an administrator set the
// password, the TOTP second factor (enrolment by QR/secret, two-step sign-in, recovery code), and
// screenshots of every step at desktop and phone width for a human look.

const INITIAL = "Sementara-Dari-Admin-2026";
const OWN = "teh manis di pagi hari";

async function shot(page: Page, name: string) {
  await page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: true });
}

/** axe: no WCAG 2.1 A/AA violation on the page as it is now. */
async function accessible(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)).toEqual([]);
}

/**
 * The e2e database as its owner (scripts/e2e-server.mjs), to switch the `security` setting the
 * demo seed turns off. Tests run one at a time, and the setting is always switched back.
 */
async function withSecondFactorRequired(run: () => Promise<void>) {
  const port = Number(process.env.SIKERDA_E2E_PG_PORT || 54349);
  const client = new pg.Client({ connectionString: `postgresql://sikerda_owner:sikerda_owner@127.0.0.1:${port}/sikerda_e2e` });
  await client.connect();
  const set = (on: boolean) =>
    client.query(
      `INSERT INTO "Setting" (key, value, "updatedAt") VALUES ('security', $1::jsonb, now())
       ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, "updatedAt" = now()`,
      [JSON.stringify({ requireSecondFactor: on })],
    );
  try {
    await set(true);
    await run();
  } finally {
    await set(false);
    await client.end();
  }
}

/** A TOTP code for `secret` one time step ahead: never the step used a moment ago (replay). */
async function nextCode(secret: string, stepsAhead = 1): Promise<string> {
  return generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 * stepsAhead });
}

async function newAccount(page: Page, prefix: string, role = "STAF_KS") {
  const username = `${prefix}.${Date.now()}`;
  await login(page, "admin");
  await createUserAsAdmin(page, { username, fullName: `Uji ${prefix} ${Date.now()}`, role, password: INITIAL });
  await page.context().clearCookies();
  return username;
}

test.describe("Akun: kata sandi", () => {
  test.use({ viewport: { width: 1366, height: 768 } });
  test("kata sandi dari admin wajib diganti sebelum halaman lain dapat dibuka", async ({ page }) => {
    const username = await newAccount(page, "uji.sandi");
    await page.goto("/login");
    await shot(page, "login");
    await attemptLogin(page, username, INITIAL);
    await page.waitForURL(/\/akun\/kata-sandi$/);
    await expect(page.getByText("Ganti kata sandi sebelum melanjutkan")).toBeVisible();
    await accessible(page);
    // No navigation, and every other page sends the user back here.
    await expect(page.getByRole("navigation", { name: "Navigasi utama" })).toHaveCount(0);
    await expect(page.getByText("Menu", { exact: true })).toHaveCount(0);
    await page.goto("/usulan");
    await expect(page).toHaveURL(/\/akun\/kata-sandi$/);
    await shot(page, "akun-kata-sandi-wajib");

    // The server refuses a common password and a wrong current password, in Indonesian, beside the fields.
    await page.getByLabel("Kata sandi saat ini").fill(INITIAL);
    await page.getByLabel(/^Kata sandi baru/).fill("Password1234");
    await page.getByLabel("Ulangi kata sandi baru").fill("Password1234");
    await page.getByRole("button", { name: "Simpan Kata Sandi Baru" }).click();
    await expect(page.getByText(/terlalu umum/).first()).toBeVisible();
    await page.getByLabel("Kata sandi saat ini").fill("bukan-kata-sandinya");
    await page.getByLabel(/^Kata sandi baru/).fill(OWN);
    await page.getByLabel("Ulangi kata sandi baru").fill(OWN);
    await page.getByRole("button", { name: "Simpan Kata Sandi Baru" }).click();
    await expect(page.getByText("Kata sandi saat ini tidak cocok.").first()).toBeVisible();
    await shot(page, "akun-kata-sandi-galat");

    await page.getByLabel("Kata sandi saat ini").fill(INITIAL);
    await page.getByLabel(/^Kata sandi baru/).fill(OWN);
    await page.getByLabel("Ulangi kata sandi baru").fill(OWN);
    await page.getByRole("button", { name: "Simpan Kata Sandi Baru" }).click();
    await page.waitForURL(/\/akun\?tersimpan=sandi$/);
    await expect(page.getByText("Kata sandi telah diganti.")).toBeVisible();
    await page.goto("/usulan");
    await expect(page).toHaveURL(/\/usulan$/);
    await page.goto("/akun");
    await shot(page, "akun");
  });

  test("mengganti kata sandi mengakhiri sesi di perangkat lain, sesi ini tetap", async ({ page, browser }) => {
    const username = await newAccount(page, "uji.sesi");
    await firstLogin(page, username, INITIAL, OWN);
    const other = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": "198.51.100.41" } });
    const otherPage = await other.newPage();
    await login(otherPage, username, OWN);

    await page.goto("/akun/kata-sandi");
    await page.getByLabel("Kata sandi saat ini").fill(OWN);
    await page.getByLabel(/^Kata sandi baru/).fill("kopi pahit di sore hari");
    await page.getByLabel("Ulangi kata sandi baru").fill("kopi pahit di sore hari");
    await page.getByRole("button", { name: "Simpan Kata Sandi Baru" }).click();
    await page.waitForURL(/\/akun\?tersimpan=sandi$/);
    await page.goto("/beranda");
    await expect(page).toHaveURL(/\/beranda$/);
    await otherPage.goto("/beranda");
    await expect(otherPage).toHaveURL(/\/login$/);
    await other.close();
  });
});

test.describe("Akun: verifikasi dua langkah", () => {
  test.use({ viewport: { width: 1366, height: 768 } });
  test("aktifkan dengan kode QR, masuk dua langkah, kode pemulihan sekali pakai", async ({ page }) => {
    const username = await newAccount(page, "uji.dualangkah");
    await firstLogin(page, username, INITIAL, OWN);

    await page.goto("/akun/verifikasi-dua-langkah");
    await shot(page, "akun-2fa-belum-aktif");
    await page.getByRole("button", { name: "Mulai Pengaturan" }).click();
    const qr = page.getByRole("img", { name: /Kode QR/ });
    await expect(qr).toBeVisible();
    expect(await qr.getAttribute("src")).toMatch(/^data:image\/svg\+xml;base64,/);
    const secret = (await page.getByLabel("Kunci rahasia").innerText()).replace(/\s/g, "");
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    await shot(page, "akun-2fa-pindai");
    await accessible(page);

    await page.getByLabel("Kode verifikasi").fill("000000");
    await page.getByRole("button", { name: "Aktifkan" }).click();
    await expect(page.getByText(/Kode tidak cocok/).first()).toBeVisible();
    await page.getByLabel("Kode verifikasi").fill(await nextCode(secret, 0));
    await page.getByRole("button", { name: "Aktifkan" }).click();
    const codes = page.getByRole("list", { name: "Kode pemulihan" }).getByRole("listitem");
    await expect(codes).toHaveCount(10);
    const recovery = await codes.allInnerTexts();
    await shot(page, "akun-2fa-kode-pemulihan");

    // Sign out; the password alone is no longer enough.
    await page.getByRole("button", { name: "Keluar" }).click();
    await attemptLogin(page, username, OWN);
    await expect(page.getByRole("heading", { name: "Verifikasi dua langkah" })).toBeVisible();
    await shot(page, "login-langkah-kode");
    await accessible(page);
    await page.getByLabel("Kode verifikasi").fill("123456");
    await page.getByRole("button", { name: "Verifikasi" }).click();
    await expect(loginError(page, "Kode verifikasi salah atau sudah dipakai.")).toBeVisible();
    await page.getByLabel("Kode verifikasi").fill(await nextCode(secret, 1));
    await page.getByRole("button", { name: "Verifikasi" }).click();
    await page.waitForURL(/\/beranda$/);

    // A recovery code works once.
    await page.getByRole("button", { name: "Keluar" }).click();
    await attemptLogin(page, username, OWN);
    await page.getByLabel("Kode verifikasi").fill(recovery[0].toLowerCase());
    await page.getByRole("button", { name: "Verifikasi" }).click();
    await page.waitForURL(/\/beranda$/);
    await page.goto("/akun/verifikasi-dua-langkah");
    await expect(page.getByText("9 dari 10")).toBeVisible();
    await shot(page, "akun-2fa-aktif");
    await page.getByRole("button", { name: "Keluar" }).click();
    await attemptLogin(page, username, OWN);
    await page.getByLabel("Kode verifikasi").fill(recovery[0]);
    await page.getByRole("button", { name: "Verifikasi" }).click();
    await expect(loginError(page, "Kode verifikasi salah atau sudah dipakai.")).toBeVisible();
  });

  test("admin mengatur ulang verifikasi dua langkah pengguna yang kehilangan ponsel", async ({ page, browser }) => {
    const username = await newAccount(page, "uji.hilang");
    const fullNameLink = `Uji uji.hilang`;
    await firstLogin(page, username, INITIAL, OWN);
    await page.goto("/akun/verifikasi-dua-langkah");
    await page.getByRole("button", { name: "Mulai Pengaturan" }).click();
    const secret = (await page.getByLabel("Kunci rahasia").innerText()).replace(/\s/g, "");
    await page.getByLabel("Kode verifikasi").fill(await nextCode(secret, 0));
    await page.getByRole("button", { name: "Aktifkan" }).click();
    await expect(page.getByRole("list", { name: "Kode pemulihan" })).toBeVisible();

    const adminContext = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": "198.51.100.42" } });
    const admin = await adminContext.newPage();
    await login(admin, "admin");
    await admin.goto(`/admin/pengguna?q=${encodeURIComponent(username)}`);
    await admin.getByRole("link", { name: new RegExp(fullNameLink) }).click();
    await admin.getByRole("button", { name: "Atur Ulang Verifikasi Dua Langkah" }).click();
    await expect(admin.getByText("Verifikasi dua langkah pengguna ini telah diatur ulang.")).toBeVisible();
    await adminContext.close();

    // The user's session ended; the password alone signs in again.
    await page.goto("/beranda");
    await expect(page).toHaveURL(/\/login$/);
    await login(page, username, OWN);
  });
});

test.describe("Verifikasi dua langkah wajib (pengaturan aktif)", () => {
  test.use({ viewport: { width: 1366, height: 768 } });

  test("Kepala Bagian KS tanpa verifikasi dua langkah diarahkan ke pengaturannya sebelum halaman lain", async ({ page }) => {
    const username = await newAccount(page, "uji.kabag", "KABAG_KS");
    await withSecondFactorRequired(async () => {
      await firstLogin(page, username, INITIAL, OWN);
      await page.goto("/usulan");
      await expect(page).toHaveURL(/\/akun\/verifikasi-dua-langkah$/);
      await expect(page.getByText("Aktifkan verifikasi dua langkah untuk melanjutkan")).toBeVisible();
      await shot(page, "akun-2fa-wajib");
      await accessible(page);
      await page.getByRole("button", { name: "Mulai Pengaturan" }).click();
      const secret = (await page.getByLabel("Kunci rahasia").innerText()).replace(/\s/g, "");
      await page.getByLabel("Kode verifikasi").fill(await nextCode(secret, 0));
      await page.getByRole("button", { name: "Aktifkan" }).click();
      await page.getByRole("link", { name: "Saya sudah menyimpannya, lanjutkan" }).click();
      await page.waitForURL(/\/beranda$/);
      await page.goto("/usulan");
      await expect(page).toHaveURL(/\/usulan$/);
    });
  });
});

test.describe("Tampilan akun di ponsel", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("halaman masuk, akun, dan pengaturan verifikasi dua langkah", async ({ page }) => {
    await page.goto("/login");
    await shot(page, "ponsel-login");
    await login(page, "staf.ks");
    await page.goto("/akun");
    await shot(page, "ponsel-akun");
    await accessible(page);
    await page.goto("/akun/kata-sandi");
    await shot(page, "ponsel-akun-kata-sandi");
    await page.goto("/akun/verifikasi-dua-langkah");
    await shot(page, "ponsel-akun-2fa");
  });
});
