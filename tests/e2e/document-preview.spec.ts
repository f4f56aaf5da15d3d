import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { caseAt, runFixtures, type DocumentFixture } from "../support/fixture-client";
import { expect, login, test } from "./fixtures";

// The inline PDF preview of the case page (components/documents/document-preview.tsx): the PDF opens
// inside the page from the same authorized route as the download, under the page's own nonce CSP
// (no violation), and the file's response may be framed by SIKERDA only. Screenshots at 1366 px and
// on a phone go to test-results/screenshots.

const shot = (page: Page, name: string) => page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: false });

/** CSP violations reported by the page while it is used (DOM event + console). */
async function watchCsp(page: Page): Promise<() => Promise<string[]>> {
  const console: string[] = [];
  page.on("console", (msg) => {
    if (/Refused to|Content Security Policy|violates/i.test(msg.text())) console.push(msg.text());
  });
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener("securitypolicyviolation", (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return async () => [...console, ...(await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []))];
}

const LABEL = "Kerangka Acuan Kerja (KAK) versi 1";

test("Pratinjau shows the PDF inside the case page; another OPD gets nothing", async ({ page, browser }) => {
  test.setTimeout(60_000);
  const c = await caseAt({ kind: "KSDD", stage: "DRAF", title: "Pratinjau Dokumen Uji Layanan Kesehatan Terpadu" });
  const { doc } = (await runFixtures([{ op: "document", key: "doc", caseId: c.id, type: "KAK", by: "operator.dinkes" }])) as {
    doc: DocumentFixture;
  };

  const violations = await watchCsp(page);
  await page.setViewportSize({ width: 1366, height: 900 });
  await login(page, "operator.dinkes");
  await page.goto(`/usulan/${c.id}`);
  const toggle = page.getByRole("button", { name: `Pratinjau ${LABEL}` });
  await expect(toggle).toHaveAttribute("aria-expanded", "false");
  // Nothing is fetched before the user asks.
  await expect(page.locator("iframe")).toHaveCount(0);

  const inline = page.waitForResponse((r) => r.url().endsWith(`/api/dokumen/${doc.id}?tampil=1`));
  await toggle.click();
  const response = await inline;
  expect(response.status()).toBe(200);
  // Chromium hands a PDF to its viewer in its own frame and reports only the frame-ancestors of
  // the original CSP to the page; the server's own headers are read with the same session below.
  expect(response.headers()["content-security-policy"]).toContain("frame-ancestors 'self'");
  const direct = await page.request.get(`/api/dokumen/${doc.id}?tampil=1`);
  expect(direct.status()).toBe(200);
  const headers = direct.headers();
  expect(headers["content-type"]).toBe("application/pdf");
  expect(headers["content-disposition"]).toMatch(/^inline; filename\*=UTF-8''/);
  expect(headers["content-security-policy"]).toBe("sandbox; default-src 'none'; frame-ancestors 'self'");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["x-frame-options"]).toBe("SAMEORIGIN");
  expect(headers["cache-control"]).toBe("private, no-store");

  const frame = page.getByTitle(`Pratinjau ${LABEL}`);
  await expect(frame).toBeVisible();
  expect(await frame.getAttribute("src")).toBe(`/api/dokumen/${doc.id}?tampil=1`);
  await expect(page.getByRole("button", { name: `Tutup pratinjau ${LABEL}` })).toHaveAttribute("aria-expanded", "true");
  // The page's own CSP is unchanged (object-src 'none', no framing of the page itself).
  const pageCsp = (await page.request.get(`/usulan/${c.id}`)).headers()["content-security-policy"];
  expect(pageCsp).toContain("object-src 'none'");
  expect(pageCsp).toContain("frame-ancestors 'none'");
  expect((await page.request.get(`/usulan/${c.id}`)).headers()["x-frame-options"]).toBe("DENY");
  expect((await page.request.get(`/api/dokumen/${doc.id}`)).headers()["x-frame-options"]).toBe("DENY");

  await frame.scrollIntoViewIfNeeded();
  await page.waitForTimeout(1500); // Chromium's PDF viewer draws the page
  await shot(page, "pratinjau-pdf-1366");
  expect(await violations()).toEqual([]);

  // Axe on the page with the preview open, the frame included.
  const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);

  await page.getByRole("button", { name: `Tutup pratinjau ${LABEL}` }).click();
  await expect(page.locator("iframe")).toHaveCount(0);

  // On a phone the row's actions wrap and the frame keeps to the screen's width.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByRole("button", { name: `Pratinjau ${LABEL}` }).click();
  await expect(frame).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  await frame.scrollIntoViewIfNeeded();
  await page.waitForTimeout(1000);
  await shot(page, "pratinjau-pdf-ponsel");

  // Another OPD: neither the case page nor the preview URL exists for them.
  const other = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": "203.0.113.250" } });
  const stranger = await other.newPage();
  await login(stranger, "operator.dispar");
  expect((await stranger.goto(`/usulan/${c.id}`))?.status()).toBe(404);
  const refused = await stranger.request.get(`/api/dokumen/${doc.id}?tampil=1`);
  expect(refused.status()).toBe(404);
  expect(refused.headers()["content-type"]).toMatch(/^application\/json/);
  expect(refused.headers()["x-frame-options"]).toBe("DENY");
  await other.close();
});
