import fs from "node:fs";
import path from "node:path";
import type { Page, Request } from "@playwright/test";
import { expect, login, test } from "./fixtures";

// Security headers and bad input, seen from outside: a nonce-based CSP on every page that the
// pages actually satisfy (no "Refused to …" in the console), and malformed input answered with a
// 4xx and an Indonesian page — never a 500 — before Next.js or PostgreSQL sees it.

function cspNonce(header: string | undefined): string {
  const m = /'nonce-([A-Za-z0-9+/=]+)'/.exec(header ?? "");
  if (!m) throw new Error(`no nonce in CSP: ${header}`);
  return m[1];
}

/** Records CSP violations (console and the DOM event) while the page is used. */
function watchCsp(page: Page): string[] {
  const problems: string[] = [];
  page.on("console", (msg) => {
    const text = msg.text();
    if (/Refused to|Content Security Policy/i.test(text)) problems.push(`${page.url()}: ${text}`);
  });
  page.on("pageerror", (error) => problems.push(`${page.url()}: ${error.message}`));
  return problems;
}

async function visit(page: Page, url: string, problems: string[]) {
  const response = await page.goto(url);
  const header = response?.headers()["content-security-policy"];
  expect(header, `CSP on ${url}`).toContain("'strict-dynamic'");
  const nonce = cspNonce(header);
  // Every script in the server's HTML carries this response's nonce (chunks loaded later by
  // those scripts are allowed by 'strict-dynamic').
  const html = (await response?.text()) ?? "";
  const tags = html.match(/<script\b[^>]*>/g) ?? [];
  expect(tags.length, `scripts on ${url}`).toBeGreaterThan(0);
  const without = tags.filter((t) => !t.includes(`nonce="${nonce}"`));
  expect(without, `scripts without this response's nonce on ${url}`).toEqual([]);
  await page.waitForLoadState("networkidle");
  const violations = await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []);
  problems.push(...violations.map((v) => `${url}: ${v}`));
}

test.describe("Content-Security-Policy", () => {
  test("halaman utama tanpa pelanggaran CSP, skrip berjalan", async ({ page }) => {
    await page.addInitScript(() => {
      const w = window as unknown as { __csp: string[] };
      w.__csp = [];
      document.addEventListener("securitypolicyviolation", (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    const problems = watchCsp(page);

    await visit(page, "/login", problems);
    // Scripts run under the policy: the form sends through its server action and shows the reply in place
    // (the sign-in schemas validate on the server only: app/(auth)/login/login-form.tsx).
    await page.getByRole("button", { name: "Masuk" }).click();
    await expect(page.getByText("Nama pengguna wajib diisi").first()).toBeVisible();

    await login(page, "kabag.ks");
    for (const url of ["/beranda", "/usulan", "/tindakan", "/akun", "/akun/kata-sandi", "/akun/verifikasi-dua-langkah", "/tidak-ada"]) {
      await visit(page, url, problems);
    }
    await page.goto("/usulan");
    const firstCase = page.getByRole("table").getByRole("link").first();
    await visit(page, (await firstCase.getAttribute("href")) as string, problems);

    await page.context().clearCookies();
    await login(page, "operator.dinkes");
    for (const url of ["/usulan/baru", "/admin/pengguna"]) await visit(page, url, problems);

    await page.context().clearCookies();
    await login(page, "admin");
    for (const url of ["/admin/pengguna", "/admin/pengguna/baru", "/admin/opd", "/admin/opd/baru"]) await visit(page, url, problems);
    // An error page rendered by the proxy (malformed input) has the policy too.
    await visit(page, "/usulan?q=%00", problems).catch(() => undefined);

    expect(problems).toEqual([]);
  });

  test("setiap respons membawa nonce baru dan arahan yang ketat", async ({ request }) => {
    const a = (await request.get("/login")).headers()["content-security-policy"];
    const b = (await request.get("/login")).headers()["content-security-policy"];
    expect(cspNonce(a)).not.toBe(cspNonce(b));
    for (const directive of ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "form-action 'self'"]) {
      expect(a).toContain(directive);
    }
    expect(a).not.toContain("unsafe-inline");
    expect(a).not.toContain("unsafe-eval");
  });
});

test.describe("Masukan rusak dijawab 4xx berbahasa Indonesia, bukan 500", () => {
  test("karakter NUL di pencarian dan filter daftar → 400", async ({ page }) => {
    await login(page, "admin");
    for (const url of ["/usulan?q=%00", "/admin/pengguna?q=%00", "/admin/opd?q=a%00b", "/admin/pengguna?role=ADMIN&opdId=%00", "/usulan/%00"]) {
      const response = await page.request.get(url);
      expect(response.status(), url).toBe(400);
      expect(await response.text(), url).toContain("karakter yang tidak diizinkan");
    }
    await page.context().clearCookies();
    await login(page, "staf.ks");
    const response = await page.request.get("/usulan?q=air%00bersih&stage=DRAF");
    expect(response.status()).toBe(400);
  });

  /** The sign-in action as the browser sends it: URL, headers and body. */
  async function captureLoginAction(page: Page): Promise<{ url: string; headers: Record<string, string>; body: Buffer }> {
    await page.goto("/login");
    await page.getByLabel("Nama pengguna").fill("tidak.ada");
    await page.getByLabel("Kata sandi").fill("bukan-kata-sandi-1");
    const [req] = await Promise.all([
      page.waitForRequest((r: Request) => r.method() === "POST" && !!r.headers()["next-action"]),
      page.getByRole("button", { name: "Masuk" }).click(),
    ]);
    const headers = await req.allHeaders();
    return {
      url: req.url(),
      headers: { "next-action": headers["next-action"], "content-type": headers["content-type"], accept: "text/x-component" },
      body: req.postDataBuffer() as Buffer,
    };
  }

  test("permintaan server action: Origin palsu → 403, terlalu besar → 413, muatan rusak → 400", async ({ page, request, baseURL }) => {
    const action = await captureLoginAction(page);
    expect(action.headers["content-type"]).toMatch(/^multipart\/form-data; boundary=/);

    // The genuine request, replayed from our own origin, is accepted (the guard lets real actions through).
    const genuine = await request.post(action.url, { headers: { ...action.headers, origin: baseURL! }, data: action.body });
    expect(genuine.status()).toBe(200);

    const forged = await request.post(action.url, { headers: { ...action.headers, origin: "https://evil.example" }, data: action.body });
    expect(forged.status()).toBe(403);
    expect(await forged.text()).toContain("Permintaan ditolak");

    const big = Buffer.alloc(1024 * 1024 + 10, "a");
    const tooLarge = await request.post(action.url, { headers: { ...action.headers, "content-type": "text/plain;charset=UTF-8" }, data: big });
    expect(tooLarge.status()).toBe(413);
    expect(await tooLarge.text()).toContain("Data terlalu besar");

    const garbage = await request.post(action.url, {
      headers: { ...action.headers, "content-type": "text/plain;charset=UTF-8" },
      data: "sampah{[tidak-json",
    });
    expect(garbage.status()).toBe(400);
    expect(await garbage.text()).toContain("tidak dapat dibaca");

    const boundary = "----batasuji";
    const noRoot = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="1_username"\r\n\r\nbudi\r\n--${boundary}--\r\n`);
    const missingRoot = await request.post(action.url, {
      headers: { ...action.headers, "content-type": `multipart/form-data; boundary=${boundary}` },
      data: noRoot,
    });
    expect(missingRoot.status()).toBe(400);

    const brokenMultipart = await request.post(action.url, {
      headers: { ...action.headers, "content-type": `multipart/form-data; boundary=${boundary}` },
      data: Buffer.from("bukan multipart sama sekali"),
    });
    expect(brokenMultipart.status()).toBe(400);

    const withNul = Buffer.from(action.body.toString("latin1").replace("tidak.ada", "tidak\u0000ada"), "latin1");
    const nul = await request.post(action.url, { headers: { ...action.headers, origin: baseURL! }, data: withNul });
    expect(nul.status()).toBe(400);
    expect(await nul.text()).toContain("karakter yang tidak diizinkan");
  });

  test("NUL di formulir masuk langsung ke /api/auth → 400", async ({ request }) => {
    const response = await request.post("/api/auth/callback/credentials", {
      form: { username: "adm\u0000in", password: "apa-saja-123456", csrfToken: "x" },
    });
    expect(response.status()).toBe(400);
  });
});

test.describe("Daftar kata sandi umum tidak dikirim ke peramban", () => {
  // Two fragments of the bundled list: its compressed form as shipped in the package, and three
  // neighbouring entries that no other text would contain.
  const MARKERS = ["ApasswordA12345678", "luvfur"];

  test("tidak ada berkas JavaScript klien yang memuatnya", async ({ page }) => {
    const dir = path.join(process.cwd(), ".next", "static");
    const files: string[] = [];
    const walk = (d: string) => {
      for (const e of fs.readdirSync(d, { withFileTypes: true })) {
        const p = path.join(d, e.name);
        if (e.isDirectory()) walk(p);
        else if (p.endsWith(".js")) files.push(p);
      }
    };
    walk(dir);
    expect(files.length).toBeGreaterThan(5);
    const leaking = files.filter((f) => MARKERS.some((m) => fs.readFileSync(f, "utf8").includes(m)));
    expect(leaking).toEqual([]);

    // And the scripts the password pages actually load.
    await login(page, "staf.ks");
    for (const url of ["/akun/kata-sandi", "/login"]) {
      if (url === "/login") await page.context().clearCookies();
      await page.goto(url);
      const srcs = await page.locator("script[src]").evaluateAll((els) => els.map((e) => (e as HTMLScriptElement).src));
      for (const src of srcs) {
        const text = await (await page.request.get(src)).text();
        for (const m of MARKERS) expect(text.includes(m), `${src} contains ${m}`).toBe(false);
      }
    }
  });
});
