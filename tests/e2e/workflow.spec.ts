import type { Locator, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import {
  createProposal, eventForm, expectStage, isoDate, record, signedIn, submitToVerification, upload,
} from "./helpers/workflow";

// The law's stages walked in Chromium by the roles of domain.md §3, as new users would.
test.describe.configure({ mode: "serial" });
test.setTimeout(180_000);

const today = new Date();
const inYears = (n: number) => new Date(Date.UTC(today.getUTCFullYear() + n, today.getUTCMonth(), today.getUTCDate()));

async function fillSigning(form: Locator, o: { ours: string; partner: string; start: Date; end: Date; delegated?: boolean }) {
  await form.getByLabel("Nomor naskah pihak daerah").fill(o.ours);
  await form.getByLabel("Nomor naskah pihak mitra").fill(o.partner);
  await form.getByLabel("Tanggal penandatanganan").fill(isoDate(today));
  await form.getByLabel("Tempat penandatanganan").fill("Sukamaju");
  if (o.delegated) {
    await form.getByLabel("Pejabat yang diberi kuasa (dengan surat kuasa)").check();
    await form.getByLabel("Nama penandatangan").fill("dr. Ratna Wulandari, M.Kes.");
    await form.getByLabel("Jabatan penandatangan").fill("Kepala Dinas Kesehatan");
  } else {
    await form.getByLabel(/Kepala Daerah/).first().check();
    await form.getByLabel("Nama penandatangan").fill("H. Ahmad Sudrajat, S.H., M.Si.");
  }
  await form.getByLabel("Berlaku mulai").fill(isoDate(o.start));
  await form.getByLabel("Berakhir pada").fill(isoDate(o.end));
}

async function tkksdReview(tkksd: Page, kabag: Page, url: string) {
  await tkksd.goto(url);
  await tkksd.getByLabel("Layak", { exact: true }).check();
  await tkksd.getByLabel("Catatan pendapat").fill("Sejalan dengan RPJMD; manfaat jelas bagi warga perbatasan.");
  await tkksd.getByRole("button", { name: "Simpan Pendapat" }).click();
  await expect(tkksd.getByText(/Pendapat/).first()).toBeVisible();
  await kabag.goto(url);
  // Kabag sees the members' opinions when recording the meeting.
  await expect(kabag.getByText("Sejalan dengan RPJMD; manfaat jelas bagi warga perbatasan.")).toBeVisible();
  await upload(kabag, "Berita Acara/Notulen Rapat TKKSD");
}

test("KSDPK dari draf sampai Pelaksanaan: DPRD wajib dan PKS oleh pejabat dengan surat kuasa", async ({ browser }) => {
  const [operator, kepala, staf, kabag, tkksd] = await Promise.all(
    ["operator.dinkes", "kepala.dinkes", "staf.ks", "kabag.ks", "tkksd"].map((u) => signedIn(browser, u)),
  );
  const url = await createProposal(operator, { kind: "KSDPK", title: `Layanan Hemodialisis Bersama ${Date.now()}`, dprd: true });
  await submitToVerification(operator, kepala, url, "KSDPK");

  await kabag.goto(url);
  await expectStage(kabag, "Verifikasi Bagian Kerja Sama");
  await record(kabag, "Nyatakan Lengkap dan Teruskan ke TKKSD", (f) =>
    f.getByLabel("Seluruh butir daftar periksa telah diperiksa dan terpenuhi").check(),
  );
  await tkksdReview(tkksd, kabag, url);
  await record(kabag, "Catat Hasil TKKSD: Layak", (f) => f.getByLabel("Catatan").fill("Rapat TKKSD merekomendasikan dilanjutkan."));

  await staf.goto(url);
  await upload(staf, "Surat Penawaran Kepala Daerah");
  await upload(staf, "Surat Jawaban");
  await record(staf, "Catat Mitra Setuju");
  await upload(staf, "Draf Kesepakatan Bersama");
  await record(staf, "Tetapkan Draf KB Final");

  await kabag.goto(url);
  await upload(kabag, "Kesepakatan Bersama yang Ditandatangani");
  await record(kabag, "Catat Penandatanganan KB", (f) =>
    fillSigning(f, { ours: "180/021/KS/2026", partner: "045/MOU/HD/XI/2026", start: today, end: inYears(5) }),
  );
  // perluDprd: the case waits for the DPRD, it does not go on to the PKS.
  await expectStage(kabag, "Menunggu Persetujuan DPRD");
  await upload(kabag, "Surat Permohonan Persetujuan DPRD");
  await upload(kabag, "Keputusan/Surat Persetujuan DPRD");
  await record(kabag, "Catat Persetujuan DPRD", async (f) => {
    await f.getByLabel("Nomor keputusan/surat DPRD").fill("172/12/DPRD/2026");
    await f.getByLabel("Tanggal keputusan DPRD").fill(isoDate(today));
  });

  await staf.goto(url);
  await upload(staf, "Draf Perjanjian Kerja Sama");
  await record(staf, "Tetapkan Draf PKS Final");

  await kabag.goto(url);
  await upload(kabag, "Perjanjian Kerja Sama yang Ditandatangani");
  // Without the surat kuasa the server refuses a delegated signer.
  const form = await eventForm(kabag, "Catat Penandatanganan PKS");
  await fillSigning(form, { ours: "180/022/KS/2026", partner: "046/PKS/HD/XI/2026", start: today, end: inYears(3), delegated: true });
  await form.getByRole("button", { name: "Catat Penandatanganan PKS", exact: true }).click();
  await expect(kabag.getByText(/wajib dilampiri surat kuasa/).first()).toBeVisible();
  await upload(kabag, "Surat Kuasa Penandatanganan");
  await record(kabag, "Catat Penandatanganan PKS", (f) =>
    fillSigning(f, { ours: "180/022/KS/2026", partner: "046/PKS/HD/XI/2026", start: today, end: inYears(3), delegated: true }),
  );
  await expectStage(kabag, "Pelaksanaan (Aktif)");
  await expect(kabag.getByText("180/022/KS/2026").first()).toBeVisible();
  await expect(kabag.getByText("046/PKS/HD/XI/2026").first()).toBeVisible();
  await kabag.screenshot({ path: "test-results/screenshots/usulan-pelaksanaan-kabag.png", fullPage: true });
  await operator.goto(url);
  await operator.screenshot({ path: "test-results/screenshots/usulan-pelaksanaan-operator.png", fullPage: true });

  // From the active KB, Bagian KS starts a PKS turunan: a new case that begins at Penyusunan PKS.
  await kabag.goto(url);
  await kabag.getByLabel("Judul PKS turunan").fill(`PKS Turunan Layanan Hemodialisis RSUD ${Date.now()}`);
  await kabag.getByRole("button", { name: "Mulai PKS Turunan" }).click();
  await expect(kabag.getByText("PKS turunan telah dibuat.")).toBeVisible();
  const turunanUrl = new URL(kabag.url()).pathname;
  expect(turunanUrl).not.toBe(url);
  await expectStage(kabag, "Penyusunan PKS");
  await staf.goto(turunanUrl);
  await upload(staf, "Draf Perjanjian Kerja Sama");
  await record(staf, "Tetapkan Draf PKS Final");
  await kabag.goto(turunanUrl);
  await upload(kabag, "Perjanjian Kerja Sama yang Ditandatangani");
  // The PKS must lie within the KB's period (the KB ends in 5 years).
  const pks = await eventForm(kabag, "Catat Penandatanganan PKS");
  await fillSigning(pks, { ours: "180/040/KS/2026", partner: "050/PKS/RSUD/2026", start: today, end: inYears(6) });
  await pks.getByRole("button", { name: "Catat Penandatanganan PKS", exact: true }).click();
  await expect(kabag.getByText(/harus berada dalam jangka waktu KB/).first()).toBeVisible();
  await record(kabag, "Catat Penandatanganan PKS", (f) =>
    fillSigning(f, { ours: "180/040/KS/2026", partner: "050/PKS/RSUD/2026", start: today, end: inYears(2) }),
  );
  await expectStage(kabag, "Pelaksanaan (Aktif)");
});

test("SINERGI menempuh jalur pendek: Nota Kesepakatan tanpa KB, PKS, dan DPRD", async ({ browser }) => {
  const [operator, kepala, staf, kabag] = await Promise.all(
    ["operator.dinkes", "kepala.dinkes", "staf.ks", "kabag.ks"].map((u) => signedIn(browser, u)),
  );
  const url = await createProposal(operator, { kind: "SINERGI", title: `Sinergi Data Statistik Kesehatan ${Date.now()}` });
  await submitToVerification(operator, kepala, url, "SINERGI");
  await kabag.goto(url);
  await record(kabag, "Nyatakan Lengkap dan Teruskan ke TKKSD", (f) =>
    f.getByLabel("Seluruh butir daftar periksa telah diperiksa dan terpenuhi").check(),
  );
  await upload(kabag, "Berita Acara/Notulen Rapat TKKSD");
  await record(kabag, "Catat Hasil TKKSD: Layak");
  await expectStage(kabag, "Penyusunan Nota Kesepakatan dan Rencana Kerja");
  await staf.goto(url);
  await upload(staf, "Draf Nota Kesepakatan");
  await upload(staf, "Rencana Kerja");
  await record(staf, "Tetapkan Draf NK dan Rencana Kerja Final");
  await kabag.goto(url);
  await upload(kabag, "Nota Kesepakatan yang Ditandatangani");
  await record(kabag, "Catat Penandatanganan NK", (f) =>
    fillSigning(f, { ours: "180/030/KS/2026", partner: "B-112/BPS/2026", start: today, end: inYears(2) }),
  );
  await expectStage(kabag, "Pelaksanaan (Aktif)");
  // The short path never passed a KB, a DPRD step or a PKS.
  const timeline = kabag.getByRole("list", { name: "Tahapan dan riwayat" });
  await expect(timeline).not.toContainText("Penandatanganan KB");
  await expect(timeline).not.toContainText("Menunggu Persetujuan DPRD");
  await expect(timeline).not.toContainText("Penyusunan PKS");
});

test("usulan dikembalikan untuk perbaikan, operator melihat alasannya, memperbaiki, dan mengajukan ulang", async ({ browser }) => {
  const [operator, kepala, kabag] = await Promise.all(["operator.dinkes", "kepala.dinkes", "kabag.ks"].map((u) => signedIn(browser, u)));
  const url = await createProposal(operator, { kind: "KSDD", title: `Pengelolaan Sampah Regional ${Date.now()}` });
  await submitToVerification(operator, kepala, url, "KSDD");
  await kabag.goto(url);
  const reason = "KAK belum memuat rincian lokasi TPPAS dan pembagian biaya.";
  await record(kabag, "Kembalikan untuk Perbaikan", (f) => f.getByLabel("Alasan").fill(reason));
  await operator.goto(url);
  await expectStage(operator, "Perlu Perbaikan");
  await expect(operator.getByText(reason).first()).toBeVisible();
  // The KAK of the passed stage is locked: the fix is a new version with a reason.
  await upload(operator, "Kerangka Acuan Kerja (KAK)", "Menambahkan lokasi TPPAS dan pembagian biaya.");
  await expect(operator.getByText("Versi 2").first()).toBeVisible();
  await record(operator, "Ajukan Ulang ke Verifikasi");
  await expectStage(operator, "Verifikasi Bagian Kerja Sama");
});

test("usulan ditolak TKKSD dan operator OPD melihat alasan penolakannya", async ({ browser }) => {
  const [operator, kepala, kabag] = await Promise.all(["operator.dinkes", "kepala.dinkes", "kabag.ks"].map((u) => signedIn(browser, u)));
  const url = await createProposal(operator, { kind: "KSDD", title: `Kerja Sama Pasar Induk ${Date.now()}` });
  await submitToVerification(operator, kepala, url, "KSDD");
  await kabag.goto(url);
  await record(kabag, "Nyatakan Lengkap dan Teruskan ke TKKSD", (f) =>
    f.getByLabel("Seluruh butir daftar periksa telah diperiksa dan terpenuhi").check(),
  );
  // A rejection needs a reason: an empty one is refused by the server.
  const form = await eventForm(kabag, "Catat Hasil TKKSD: Tidak Layak (Tolak)");
  await form.getByRole("button", { name: "Catat Hasil TKKSD: Tidak Layak (Tolak)", exact: true }).click();
  await expect(kabag.getByText(/Alasan wajib diisi/).first()).toBeVisible();
  await upload(kabag, "Berita Acara/Notulen Rapat TKKSD");
  const reason = "Objek kerja sama bukan kewenangan daerah; disarankan melalui skema KSDPK.";
  await record(kabag, "Catat Hasil TKKSD: Tidak Layak (Tolak)", (f) => f.getByLabel("Alasan").fill(reason));
  await operator.goto(url);
  await expectStage(operator, "Ditolak");
  await expect(operator.getByText(reason).first()).toBeVisible();
  await operator.screenshot({ path: "test-results/screenshots/usulan-ditolak-operator.png", fullPage: true });
});
