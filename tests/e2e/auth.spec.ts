import { attemptLogin, DEMO_ACCOUNTS, DEMO_PASSWORD, expect, login, loginError, test } from "./fixtures";

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

  test("alamat klien palsu (x-sikerda-client-ip) tidak memberi jatah percobaan baru", async ({ page }) => {
    // The server replaces this header on every request: five guesses "from five addresses" are
    // five guesses from one, and the sixth is refused. An account no other test signs in with.
    const username = "kepala.bappeda";
    for (let i = 1; i <= 5; i++) {
      await page.setExtraHTTPHeaders({ "x-sikerda-client-ip": `10.9.8.${i}` });
      await attemptLogin(page, username, `salah-${i}-password`);
      await expect(loginError(page, "Nama pengguna atau kata sandi salah.")).toBeVisible();
    }
    await page.setExtraHTTPHeaders({ "x-sikerda-client-ip": "10.9.8.99" });
    await attemptLogin(page, username, "salah-6-password");
    await expect(loginError(page, /coba lagi dalam 1[45] menit/)).toBeVisible();
  });

  test("keluar mengakhiri sesi di server: salinan cookie tidak berlaku lagi", async ({ page, browser }) => {
    await login(page, "pimpinan");
    const copied = await page.context().cookies();
    expect(copied.some((c) => c.name.includes("authjs.session-token"))).toBe(true);
    await page.getByRole("button", { name: "Keluar" }).click();
    await expect(page).toHaveURL(/\/login$/);
    await page.goto("/beranda");
    await expect(page).toHaveURL(/\/login$/);

    // A browser holding the cookie copied before "Keluar" is signed out too.
    const thief = await browser.newContext();
    await thief.addCookies(copied);
    const stolen = await thief.newPage();
    await stolen.goto("/beranda");
    await expect(stolen).toHaveURL(/\/login$/);
    await thief.close();
  });

  test("tamu dikembalikan ke halaman yang diminta setelah masuk", async ({ page }) => {
    await page.goto("/usulan?q=air&page=1");
    await expect(page).toHaveURL(/\/login\?next=%2Fusulan%3Fq%3Dair%26page%3D1$/);
    await page.getByLabel("Nama pengguna").fill("staf.ks");
    await page.getByLabel("Kata sandi").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Masuk" }).click();
    await page.waitForURL(/\/usulan\?q=air&page=1$/);
  });

  test("tujuan setelah masuk hanya jalur di situs ini (bukan //host, /\\host, atau skema)", async ({ page }) => {
    for (const next of ["//evil.example/curi", "/\\evil.example", "https://evil.example/", "javascript:alert(1)"]) {
      await page.context().clearCookies();
      await page.goto(`/login?next=${encodeURIComponent(next)}`);
      await page.getByLabel("Nama pengguna").fill("staf.ks");
      await page.getByLabel("Kata sandi").fill(DEMO_PASSWORD);
      await page.getByRole("button", { name: "Masuk" }).click();
      await page.waitForURL(/\/beranda$/);
    }
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
