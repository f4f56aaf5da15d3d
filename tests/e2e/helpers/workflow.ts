import { expect, type Browser, type Page } from "@playwright/test";
import { login } from "../fixtures";
import { samplePdf } from "../../support/pdf";

let addressCounter = 0;

/** A signed-in browser for one demo user (own cookies and own client address). */
export async function signedIn(browser: Browser, username: string): Promise<Page> {
  addressCounter += 1;
  const context = await browser.newContext({
    extraHTTPHeaders: { "x-forwarded-for": `198.51.100.${100 + (addressCounter % 150)}` },
  });
  const page = await context.newPage();
  await login(page, username);
  return page;
}

/** Uploads a generated PDF as the given document type on the open case page. */
export async function upload(page: Page, typeLabel: string, correctionReason?: string): Promise<void> {
  const fileName = `${typeLabel.replace(/[^A-Za-z0-9]+/g, "-")}-${Date.now()}.pdf`;
  await page.getByLabel("Jenis dokumen").selectOption({ label: typeLabel });
  await page.getByLabel("Berkas").setInputFiles({ name: fileName, mimeType: "application/pdf", buffer: samplePdf(typeLabel) });
  if (correctionReason) await page.getByLabel("Alasan koreksi").fill(correctionReason);
  await page.getByRole("button", { name: "Unggah Dokumen" }).click();
  await expect(page.getByText("Dokumen terunggah.")).toBeVisible();
  await expect(page.getByText(fileName).first()).toBeVisible();
}

/** The form of one event in the action panel (opening its <details> when needed). */
export async function eventForm(page: Page, label: string) {
  const form = page.locator("form").filter({ has: page.getByRole("button", { name: label, exact: true }) });
  if (!(await form.isVisible())) {
    await page.locator("details > summary").filter({ hasText: label }).first().click();
  }
  await expect(form).toBeVisible();
  return form;
}

/** Records an event and waits for the confirmation of the new stage. */
export async function record(page: Page, label: string, fill?: (form: ReturnType<Page["locator"]>) => Promise<void>) {
  const form = await eventForm(page, label);
  if (fill) await fill(form);
  // The confirmation of the previous event may still be on screen: wait for this event's redirect.
  const before = page.url();
  await form.getByRole("button", { name: label, exact: true }).click();
  await page.waitForURL((url) => url.searchParams.has("berhasil") && url.toString() !== before);
  await expect(page.getByText(/Tahapan berhasil dicatat/)).toBeVisible();
}

/** The stage badge of the case header. */
export async function expectStage(page: Page, stageLabel: string) {
  await expect(page.getByRole("banner").or(page.locator("main header")).getByText(stageLabel).first()).toBeVisible();
}

export type ProposalOptions = { kind: "KSDD" | "KSDPK" | "SINERGI"; title: string; dprd?: boolean };

/** Operator fills the proposal form and saves the draft; returns the case URL. */
export async function createProposal(page: Page, o: ProposalOptions): Promise<string> {
  await page.goto(`/usulan/baru?jenis=${o.kind}`);
  await page.getByLabel("Judul kerja sama").fill(o.title);
  await page.getByRole("combobox", { name: /^Mitra/ }).selectOption({ index: 1 });
  if (o.kind === "KSDD") await page.getByRole("group", { name: /Sifat kerja sama/ }).getByRole("radio").first().check();
  if (o.kind === "KSDPK") await page.getByRole("group", { name: /Bentuk kerja sama/ }).getByRole("radio").first().check();
  await page.getByLabel("Objek kerja sama").fill("Layanan rujukan pasien antarfasilitas kesehatan");
  await page.getByLabel("Urusan pemerintahan").selectOption({ index: 1 });
  await page.getByLabel("Maksud dan tujuan").fill("Meningkatkan akses layanan kesehatan rujukan bagi warga perbatasan.");
  await page.getByLabel("Ruang lingkup").fill("Rujukan pasien\nPertukaran data layanan");
  await page.getByLabel("Manfaat").fill("Waktu tempuh rujukan lebih singkat.");
  await page.getByLabel("Sumber pendanaan").selectOption("APBD");
  if (o.kind === "KSDD" || o.kind === "KSDPK") {
    const burdens = page.getByRole("group", { name: /membebani masyarakat/ });
    await burdens.getByLabel(o.dprd ? "Ya" : "Tidak").check();
    await page.getByRole("group", { name: /sudah dianggarkan/ }).getByLabel("Ya").check();
    await expect(page.getByText(`Perlu persetujuan DPRD: ${o.dprd ? "Ya" : "Tidak"}`).first()).toBeVisible();
  }
  await page.getByRole("button", { name: "Simpan Draf" }).click();
  await expect(page).toHaveURL(/\/usulan\/[^/]+\?tersimpan=1$/);
  return new URL(page.url()).pathname;
}

/** Draft → Kepala OPD approval → VERIFIKASI (operator.dinkes, kepala.dinkes). */
export async function submitToVerification(operator: Page, kepala: Page, url: string, kind: ProposalOptions["kind"]) {
  await operator.goto(url);
  await upload(operator, "Kerangka Acuan Kerja (KAK)");
  if (kind === "KSDPK") await upload(operator, "Studi Kelayakan");
  await record(operator, "Ajukan ke Kepala OPD");
  await kepala.goto(url);
  await upload(kepala, "Surat Inisiasi/Usulan Kepala OPD");
  await record(kepala, "Setujui dan Teruskan ke Bagian Kerja Sama");
}

export type SigningForm = {
  ours: string;
  partner: string;
  /** YYYY-MM-DD dates (tests/support/fixtures/plan.ts signingDates: relative to today, never in the future). */
  signedAt: string;
  start: string;
  end: string;
  delegated?: boolean;
};

/** Fills the signing form of a naskah (KB, PKS, NK). */
export async function fillSigning(form: ReturnType<Page["locator"]>, o: SigningForm) {
  await form.getByLabel("Nomor naskah pihak daerah").fill(o.ours);
  await form.getByLabel("Nomor naskah pihak mitra").fill(o.partner);
  await form.getByLabel("Tanggal penandatanganan").fill(o.signedAt);
  await form.getByLabel("Tempat penandatanganan").fill("Sukamaju");
  // The region's signatory ("Nama penandatangan") and the partner's ("… pihak mitra") share a prefix.
  // (A required field's name ends in "(wajib)", with no space in the accessible name.)
  const regionName = form.getByLabel(/^Nama penandatangan\s*(\(wajib\))?$/);
  const regionPosition = form.getByLabel(/^Jabatan penandatangan\s*(\(wajib\))?$/);
  if (o.delegated) {
    await form.getByLabel("Pejabat yang diberi kuasa (dengan surat kuasa)").check();
    await regionName.fill("dr. Ratna Wulandari, M.Kes.");
    await regionPosition.fill("Kepala Dinas Kesehatan");
  } else {
    await form.getByLabel(/Kepala Daerah/).first().check();
    await regionName.fill("H. Ahmad Sudrajat, S.H., M.Si.");
  }
  await form.getByLabel(/^Nama penandatangan pihak mitra/).fill("Ir. Budi Santoso");
  await form.getByLabel(/^Jabatan penandatangan pihak mitra/).fill("Direktur Utama");
  await form.getByLabel("Berlaku mulai").fill(o.start);
  await form.getByLabel("Berakhir pada").fill(o.end);
}
