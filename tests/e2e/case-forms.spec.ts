import AxeBuilder from "@axe-core/playwright";
import type { Locator, Page } from "@playwright/test";
import { caseAt } from "../support/fixture-client";
import { expect, test } from "./fixtures";
import { eventForm, signedIn } from "./helpers/workflow";

// The forms of the case page and the agreement page validate on the server only (no zod in their
// bundles, components/forms/use-server-form-action.ts): the server action's schema and the workflow's
// guards answer with every field error at once. Here the browser proves that each error comes back
// next to its field, the typed values stay, and the error summary takes focus — at 1366 px and on a
// phone (screenshots in test-results/screenshots, looked at by a human).
test.setTimeout(90_000);

const shot = (page: Page, name: string) => page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: true });

async function axe(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)).toEqual([]);
}

/** The error shown beside a control: its aria-errormessage / aria-describedby target, and aria-invalid. */
async function expectFieldError(form: Locator, label: string | RegExp, message: string | RegExp) {
  const control = form.getByLabel(label, { exact: typeof label === "string" }).first();
  await expect(control).toHaveAttribute("aria-invalid", "true");
  const ids = `${(await control.getAttribute("aria-errormessage")) ?? ""} ${(await control.getAttribute("aria-describedby")) ?? ""}`
    .split(/\s+/)
    .filter(Boolean);
  const texts = await Promise.all(ids.map((id) => form.page().locator(`[id="${id}"]`).textContent()));
  expect(texts.join(" ")).toMatch(message);
}

for (const viewport of [
  { name: "1366", width: 1366, height: 900 },
  { name: "ponsel", width: 390, height: 844 },
]) {
  test(`halaman usulan (${viewport.name}): penandatanganan kosong — setiap kesalahan dari server di samping kolomnya, isian tetap`, async ({ browser }) => {
    const c = await caseAt({ kind: "KSDD", stage: "PENANDATANGANAN_PKS" });
    const kabag = await signedIn(browser, "kabag.ks");
    await kabag.setViewportSize(viewport);
    await kabag.goto(`/usulan/${c.id}`);
    const form = await eventForm(kabag, "Catat Penandatanganan PKS");
    await form.getByLabel(/^Tempat penandatanganan/).fill("Sukamaju");
    await form.getByRole("button", { name: "Catat Penandatanganan PKS", exact: true }).click();

    const summary = form.getByRole("alert").filter({ hasText: /Data penandatanganan belum lengkap|Data belum disimpan/ });
    await expect(summary).toBeVisible();
    await expect(summary.locator("xpath=..")).toBeFocused();
    await expectFieldError(form, /^Nomor naskah pihak daerah/, /Nomor naskah pihak daerah wajib diisi/);
    await expectFieldError(form, /^Nomor naskah pihak mitra/, /Nomor naskah pihak mitra wajib diisi/);
    await expectFieldError(form, /^Tanggal penandatanganan/, /Tanggal penandatanganan wajib diisi/);
    await expectFieldError(form, /^Nama penandatangan pihak mitra/, /Nama penandatangan pihak mitra wajib diisi/);
    await expectFieldError(form, /^Berlaku mulai/, /Tanggal mulai berlaku wajib diisi/);
    await expectFieldError(form, /^Berakhir pada/, /Tanggal berakhir wajib diisi/);
    // What the user typed survives the refusal; the filled field carries no error.
    await expect(form.getByLabel(/^Tempat penandatanganan/)).toHaveValue("Sukamaju");
    await expect(form.getByLabel(/^Tempat penandatanganan/)).not.toHaveAttribute("aria-invalid", "true");
    await expect(form.getByLabel(/^Jabatan penandatangan$/)).not.toHaveValue("");
    // The constraints still come from the schema (computed on the server).
    await expect(form.getByLabel(/^Nomor naskah pihak daerah/)).toHaveAttribute("maxlength", "100");
    await axe(kabag);
    await shot(kabag, `usulan-penandatanganan-kesalahan-${viewport.name}`);
  });

  test(`halaman kerja sama (${viewport.name}): pengakhiran kosong — dasar, tanggal, dan alasan ditandai di kolomnya`, async ({ browser }) => {
    const c = await caseAt({ kind: "KSDD", stage: "PELAKSANAAN" });
    const kabag = await signedIn(browser, "kabag.ks");
    await kabag.setViewportSize(viewport);
    await kabag.goto(`/kerja-sama/${c.id}`);
    const form = await eventForm(kabag, "Catat Pengakhiran");
    await form.getByRole("button", { name: "Catat Pengakhiran", exact: true }).click();
    const summary = form.getByRole("alert").first();
    await expect(summary).toBeVisible();
    await expect(summary).toContainText("Berita Acara Pengakhiran");
    await expectFieldError(form, /^Dasar pengakhiran/, /Dasar pengakhiran wajib dipilih/);
    await expectFieldError(form, /^Tanggal pengakhiran/, /Tanggal pengakhiran wajib diisi/);
    await expectFieldError(form, /^Alasan/, /Alasan wajib diisi/);
    // A second try with the ground chosen: that choice stays, the others are still flagged.
    await form.getByLabel(/^Dasar pengakhiran/).selectOption({ label: "Para pihak sepakat mengakhiri" });
    await form.getByRole("button", { name: "Catat Pengakhiran", exact: true }).click();
    await expect(form.getByLabel(/^Dasar pengakhiran/)).not.toHaveAttribute("aria-invalid", "true");
    await expect(form.getByLabel(/^Dasar pengakhiran/)).toHaveValue("PARA_PIHAK_SEPAKAT");
    await expectFieldError(form, /^Tanggal pengakhiran/, /Tanggal pengakhiran wajib diisi/);
    await axe(kabag);
    await shot(kabag, `kerja-sama-pengakhiran-kesalahan-${viewport.name}`);
  });
}

test("pendapat TKKSD tanpa isian: skema server menandai pendapat dan catatan, lalu pendapat tersimpan", async ({ browser }) => {
  const c = await caseAt({ kind: "KSDD", stage: "KAJIAN_TKKSD" });
  const tkksd = await signedIn(browser, "tkksd");
  await tkksd.goto(`/usulan/${c.id}`);
  const form = tkksd.locator("form#pendapat");
  await form.getByRole("button", { name: "Simpan Pendapat" }).click();
  await expect(form.getByRole("alert").filter({ hasText: "Data belum disimpan" })).toBeVisible();
  await expect(form.getByRole("group", { name: /Pendapat Anda/ })).toContainText("Pendapat wajib dipilih");
  await expectFieldError(form, /^Catatan pendapat/, /Catatan pendapat wajib diisi/);
  await form.getByLabel("Layak", { exact: true }).check();
  await form.getByRole("button", { name: "Simpan Pendapat" }).click();
  await expect(form.getByLabel("Layak", { exact: true })).toBeChecked();
  await expectFieldError(form, /^Catatan pendapat/, /Catatan pendapat wajib diisi/);
  await form.getByLabel(/^Catatan pendapat/).fill("Manfaatnya jelas bagi warga.");
  await form.getByRole("button", { name: "Simpan Pendapat" }).click();
  await tkksd.waitForURL(/\?pendapat=1$/);
  await expect(tkksd.getByText("Pendapat Anda telah disimpan.")).toBeVisible();
});
