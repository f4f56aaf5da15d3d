import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { createProposal, record, signedIn, upload } from "./helpers/workflow";

// Issue 8 §2: a hand-off creates a notification that the next actor sees — the operator submits a
// proposal in the browser, the Kepala OPD's bell counts it, /notifikasi lists it with a link to the
// case, "Tandai dibaca" lowers the count. The bell and the page at 1366 px and on a phone, with axe.

const shot = (page: Page, name: string) => page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: true });
const overflowX = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

async function axe(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)).toEqual([]);
}

/** The number in the bell's accessible name ("Notifikasi, 3 belum dibaca"; none → 0). */
async function bellCount(page: Page): Promise<number> {
  const name = (await page.getByRole("banner").getByRole("link", { name: /^Notifikasi,/ }).getAttribute("aria-label")) ?? "";
  return Number(/(\d+) belum dibaca/.exec(name)?.[1] ?? 0);
}

test("a hand-off creates a notification the next actor sees in the bell and on /notifikasi, and can mark read", async ({ browser }) => {
  test.setTimeout(120_000);
  const title = `Uji Notifikasi ${Date.now().toString(36)}`;
  const operator = await signedIn(browser, "operator.dinkes");
  const kepala = await signedIn(browser, "kepala.dinkes");
  await kepala.goto("/beranda");
  const before = await bellCount(kepala);

  const url = await createProposal(operator, { kind: "KSDD", title });
  await upload(operator, "Kerangka Acuan Kerja (KAK)");
  await record(operator, "Ajukan ke Kepala OPD");

  // The hand-off is fanned out right after the transition commits (lib/notifications/handoff.ts): the
  // bell shows it within moments — polled, not assumed to be there at the very first response.
  await expect.poll(async () => {
    await kepala.goto("/beranda");
    return bellCount(kepala);
  }, { timeout: 10_000 }).toBe(before + 1);
  await kepala.setViewportSize({ width: 1366, height: 900 });
  await shot(kepala, "notifikasi-lonceng-1366");
  await kepala.getByRole("banner").getByRole("link", { name: /^Notifikasi,/ }).click();
  await expect(kepala).toHaveURL(/\/notifikasi$/);
  const item = kepala.getByRole("listitem").filter({ hasText: title });
  await expect(item).toHaveCount(1);
  await expect(item.getByText("Persetujuan Kepala OPD")).toBeVisible();
  await expect(item.getByText("Baru")).toBeVisible();
  await axe(kepala);
  expect(await overflowX(kepala)).toBeLessThanOrEqual(0);
  await shot(kepala, "notifikasi-1366");

  // The link leads to the case that waits.
  await expect(item.getByRole("link")).toHaveAttribute("href", url);

  await item.getByRole("button", { name: /Tandai dibaca/ }).click();
  await expect(item.getByText("Baru")).toHaveCount(0);
  await expect(item.getByRole("button", { name: /Tandai dibaca/ })).toHaveCount(0);
  await kepala.reload();
  expect(await bellCount(kepala)).toBe(before);

  // Nobody else was told: the other OPD's head has no such notification.
  const other = await signedIn(browser, "kepala.dispar");
  await other.goto("/notifikasi");
  await expect(other.getByRole("listitem").filter({ hasText: title })).toHaveCount(0);

  // On a phone: the bell in the header, the list as cards, nothing scrolls sideways.
  await kepala.setViewportSize({ width: 390, height: 844 });
  await kepala.goto("/notifikasi");
  expect(await overflowX(kepala)).toBeLessThanOrEqual(0);
  await axe(kepala);
  await shot(kepala, "notifikasi-ponsel");
  await kepala.goto("/akun");
  await expect(kepala.getByRole("heading", { name: "Notifikasi e-mail" })).toBeVisible();
  await axe(kepala);
  await shot(kepala, "akun-notifikasi-email-ponsel");
  await kepala.getByRole("checkbox", { name: "Kerja sama akan berakhir" }).uncheck();
  await kepala.getByRole("button", { name: "Simpan Pilihan E-mail" }).click();
  await expect(kepala.getByText("Pilihan notifikasi e-mail telah disimpan.")).toBeVisible();
  await expect(kepala.getByRole("checkbox", { name: "Kerja sama akan berakhir" })).not.toBeChecked();
  await expect(kepala.getByRole("checkbox", { name: "Usulan menunggu tindakan saya" })).toBeChecked();
  await kepala.getByRole("checkbox", { name: "Kerja sama akan berakhir" }).check();
  await kepala.getByRole("button", { name: "Simpan Pilihan E-mail" }).click();
  await expect(kepala.getByRole("checkbox", { name: "Kerja sama akan berakhir" })).toBeChecked();
});
