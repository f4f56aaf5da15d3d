import { attemptLogin, DEMO_ACCOUNTS, expect, login, loginError, test } from "./fixtures";

test.describe("Masuk ke SIKERDA", () => {
  test("halaman masuk berbahasa Indonesia dan tamu diarahkan ke sana", async ({ page }) => {
    await page.goto("/beranda");
    await expect(page).toHaveURL(/\/login$/);
    await expect(page.getByRole("heading", { name: "Masuk ke SIKERDA" })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "id");
  });

  for (const account of DEMO_ACCOUNTS) {
    test(`akun demo ${account.username} masuk dan tiba di berandanya`, async ({ page }) => {
      await login(page, account.username);
      await expect(page).toHaveURL(/\/beranda$/);
      const banner = page.getByRole("banner");
      await expect(banner.getByText(account.role, { exact: false })).toBeVisible();
      if (account.opd) await expect(banner.getByText(account.opd, { exact: false })).toBeVisible();
      await expect(page.getByRole("heading", { level: 1 })).toContainText("Selamat datang");
      // The navigation shows only what the role may use.
      const nav = page.getByRole("navigation", { name: "Navigasi utama" }).last();
      const adminLink = nav.getByRole("link", { name: "Pengguna" });
      if (account.username === "admin") await expect(adminLink).toBeVisible();
      else await expect(adminLink).toHaveCount(0);
    });
  }

  test("kata sandi salah dan pengguna tak dikenal memberi pesan umum yang sama", async ({ page }) => {
    await attemptLogin(page, "kabag.ks", "salah-sekali-123");
    await expect(loginError(page, "Nama pengguna atau kata sandi salah.")).toBeVisible();
    await expect(page).toHaveURL(/\/login/);
    await attemptLogin(page, "tidak.ada.orangnya", "salah-sekali-123");
    await expect(loginError(page, "Nama pengguna atau kata sandi salah.")).toBeVisible();
  });

  test("kegagalan keenam berturut-turut untuk satu akun ditolak dengan pesan tunggu", async ({ page }) => {
    // An account no other test signs in with: it stays locked for 15 minutes.
    const username = "kepala.dikbud";
    for (let i = 1; i <= 5; i++) {
      await attemptLogin(page, username, `salah-${i}-password`);
      await expect(loginError(page, "Nama pengguna atau kata sandi salah.")).toBeVisible();
    }
    // Sixth attempt, even with the right password: refused with the wait message.
    await attemptLogin(page, username);
    await expect(loginError(page, /coba lagi dalam 1[45] menit/)).toBeVisible();
    await expect(page).toHaveURL(/\/login/);
  });

  test("lima kegagalan dari satu alamat menahan akun lain dari alamat itu", async ({ page }) => {
    for (let i = 1; i <= 5; i++) {
      await attemptLogin(page, `penebak.${i}`, "tebakan-salah-1");
      await expect(loginError(page, "Nama pengguna atau kata sandi salah.")).toBeVisible();
    }
    await attemptLogin(page, "pimpinan");
    await expect(loginError(page, /coba lagi dalam \d+ menit/)).toBeVisible();
  });

  test("keluar mengakhiri sesi", async ({ page }) => {
    await login(page, "pimpinan");
    await expect(page).toHaveURL(/\/beranda$/);
    await page.getByRole("button", { name: "Keluar" }).click();
    await expect(page).toHaveURL(/\/login$/);
    await page.goto("/beranda");
    await expect(page).toHaveURL(/\/login$/);
  });
});

test.describe("Hak akses", () => {
  test("operator OPD yang membuka halaman admin mendapat halaman 403", async ({ page }) => {
    await login(page, "operator.dinkes");
    await expect(page).toHaveURL(/\/beranda$/);
    const response = await page.goto("/admin/pengguna");
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "Akses ditolak" })).toBeVisible();
  });

  test("alamat yang tidak ada menampilkan halaman 404 berbahasa Indonesia", async ({ page }) => {
    await login(page, "staf.ks");
    const response = await page.goto("/tidak-ada-halaman-ini");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Halaman tidak ditemukan" })).toBeVisible();
  });
});
