import type { Page } from "@playwright/test";
import { caseAt } from "../support/fixture-client";
import { plusYears, signingDates } from "../support/fixtures/plan";
import { expect, test } from "./fixtures";
import { createProposal, eventForm, expectStage, fillSigning, record, signedIn, submitToVerification, upload } from "./helpers/workflow";

// The KSDPK path of Permendagri 22/2020 in Chromium, one hand-off per test. Each test starts from a
// case the fixture CLI brought to the right stage through the real services (tests/support), so no
// test clicks through the stages before its own; every role hand-off is still clicked once here.
test.setTimeout(60_000);

const KB = signingDates("KB", "recent");
const PKS = signingDates("PKS", "recent");
const DPRD = signingDates("DPRD", "recent");

const users = (browser: Parameters<typeof signedIn>[0], names: string[]): Promise<Page[]> =>
  Promise.all(names.map((u) => signedIn(browser, u)));

test("operator menyusun usulan KSDPK, Kepala OPD menyetujui, Bagian Kerja Sama menerimanya untuk verifikasi", async ({ browser }) => {
  const [operator, kepala, kabag] = await users(browser, ["operator.dinkes", "kepala.dinkes", "kabag.ks"]);
  const url = await createProposal(operator, { kind: "KSDPK", title: `Layanan Hemodialisis Bersama ${Date.now()}`, dprd: true });
  await submitToVerification(operator, kepala, url, "KSDPK");
  await kabag.goto(url);
  await expectStage(kabag, "Verifikasi Bagian Kerja Sama");
});

test("Kabag menyatakan lengkap, anggota TKKSD memberi pendapat, Kabag mencatat hasil rapat: layak", async ({ browser }) => {
  const c = await caseAt({ kind: "KSDPK", stage: "VERIFIKASI", requiresDprd: true });
  const url = `/usulan/${c.id}`;
  const [kabag, tkksd, staf] = await users(browser, ["kabag.ks", "tkksd", "staf.ks"]);
  await kabag.goto(url);
  await record(kabag, "Nyatakan Lengkap dan Teruskan ke TKKSD", (f) =>
    f.getByLabel("Seluruh butir daftar periksa telah diperiksa dan terpenuhi").check(),
  );
  await tkksd.goto(url);
  await tkksd.getByLabel("Layak", { exact: true }).check();
  await tkksd.getByLabel("Catatan pendapat").fill("Sejalan dengan RPJMD; manfaat jelas bagi warga perbatasan.");
  await tkksd.getByRole("button", { name: "Simpan Pendapat" }).click();
  await expect(tkksd.getByText(/Pendapat/).first()).toBeVisible();
  await kabag.goto(url);
  // Kabag sees the members' opinions when recording the meeting.
  await expect(kabag.getByText("Sejalan dengan RPJMD; manfaat jelas bagi warga perbatasan.")).toBeVisible();
  await upload(kabag, "Berita Acara/Notulen Rapat TKKSD");
  await record(kabag, "Catat Hasil TKKSD: Layak", (f) => f.getByLabel("Catatan").fill("Rapat TKKSD merekomendasikan dilanjutkan."));
  await staf.goto(url);
  await expectStage(staf, "Surat Penawaran");
});

test("Staf mencatat surat penawaran, jawaban mitra, dan draf KB final; Kabag menerimanya untuk ditandatangani", async ({ browser }) => {
  const c = await caseAt({ kind: "KSDPK", stage: "PENAWARAN", requiresDprd: true });
  const url = `/usulan/${c.id}`;
  const [staf, kabag] = await users(browser, ["staf.ks", "kabag.ks"]);
  await staf.goto(url);
  await upload(staf, "Surat Penawaran Kepala Daerah");
  await upload(staf, "Surat Jawaban");
  await record(staf, "Catat Mitra Setuju");
  await upload(staf, "Draf Kesepakatan Bersama");
  await record(staf, "Tetapkan Draf KB Final");
  await kabag.goto(url);
  await expectStage(kabag, "Penandatanganan KB");
});

test("KB yang perlu persetujuan DPRD menunggu DPRD dan baru sesudahnya masuk penyusunan PKS", async ({ browser }) => {
  const c = await caseAt({ kind: "KSDPK", stage: "PENANDATANGANAN_KB", requiresDprd: true });
  const [kabag] = await users(browser, ["kabag.ks"]);
  await kabag.goto(`/usulan/${c.id}`);
  await upload(kabag, "Kesepakatan Bersama yang Ditandatangani");
  await record(kabag, "Catat Penandatanganan KB", (f) =>
    fillSigning(f, { ours: "180/021/KS/2026", partner: "045/MOU/HD/XI/2026", signedAt: KB.signedAt, start: KB.startDate, end: KB.endDate }),
  );
  // perluDprd: the case waits for the DPRD, it does not go on to the PKS.
  await expectStage(kabag, "Menunggu Persetujuan DPRD");
  await upload(kabag, "Surat Permohonan Persetujuan DPRD");
  await upload(kabag, "Keputusan/Surat Persetujuan DPRD");
  await record(kabag, "Catat Persetujuan DPRD", async (f) => {
    await f.getByLabel("Nomor keputusan/surat DPRD").fill("172/12/DPRD/2026");
    await f.getByLabel("Tanggal keputusan DPRD").fill(DPRD.signedAt);
  });
  await expectStage(kabag, "Penyusunan PKS");
});

test("Staf menetapkan draf PKS; Kabag mencatat PKS oleh pejabat yang diberi kuasa, hanya dengan surat kuasa", async ({ browser }) => {
  const c = await caseAt({ kind: "KSDPK", stage: "PENYUSUNAN_PKS", requiresDprd: true });
  const url = `/usulan/${c.id}`;
  const [staf, kabag, operator] = await users(browser, ["staf.ks", "kabag.ks", "operator.dinkes"]);
  await staf.goto(url);
  await upload(staf, "Draf Perjanjian Kerja Sama");
  await record(staf, "Tetapkan Draf PKS Final");
  await kabag.goto(url);
  await upload(kabag, "Perjanjian Kerja Sama yang Ditandatangani");
  const signing = { ours: "180/022/KS/2026", partner: "046/PKS/HD/XI/2026", signedAt: PKS.signedAt, start: PKS.startDate, end: PKS.endDate, delegated: true };
  // Without the surat kuasa the server refuses a delegated signer.
  const form = await eventForm(kabag, "Catat Penandatanganan PKS");
  await fillSigning(form, signing);
  await form.getByRole("button", { name: "Catat Penandatanganan PKS", exact: true }).click();
  await expect(kabag.getByText(/wajib dilampiri surat kuasa/).first()).toBeVisible();
  await upload(kabag, "Surat Kuasa Penandatanganan");
  await record(kabag, "Catat Penandatanganan PKS", (f) => fillSigning(f, signing));
  await expectStage(kabag, "Pelaksanaan (Aktif)");
  await expect(kabag.getByText("180/022/KS/2026").first()).toBeVisible();
  await expect(kabag.getByText("046/PKS/HD/XI/2026").first()).toBeVisible();
  await kabag.screenshot({ path: "test-results/screenshots/usulan-pelaksanaan-kabag.png", fullPage: true });
  await operator.goto(url);
  await expectStage(operator, "Pelaksanaan (Aktif)");
  await operator.screenshot({ path: "test-results/screenshots/usulan-pelaksanaan-operator.png", fullPage: true });
});

test("PKS turunan di bawah KB yang berlaku: jangka waktunya harus di dalam jangka waktu KB", async ({ browser }) => {
  const c = await caseAt({ kind: "KSDPK", stage: "PELAKSANAAN" });
  const [kabag, staf] = await users(browser, ["kabag.ks", "staf.ks"]);
  await kabag.goto(`/usulan/${c.id}`);
  await kabag.getByLabel("Judul PKS turunan").fill(`PKS Turunan Layanan Hemodialisis RSUD ${Date.now()}`);
  await kabag.getByRole("button", { name: "Mulai PKS Turunan" }).click();
  await expect(kabag.getByText("PKS turunan telah dibuat.")).toBeVisible();
  const turunanUrl = new URL(kabag.url()).pathname;
  expect(turunanUrl).not.toBe(`/usulan/${c.id}`);
  await expectStage(kabag, "Penyusunan PKS");
  await staf.goto(turunanUrl);
  await upload(staf, "Draf Perjanjian Kerja Sama");
  await record(staf, "Tetapkan Draf PKS Final");
  await kabag.goto(turunanUrl);
  await upload(kabag, "Perjanjian Kerja Sama yang Ditandatangani");
  // The KB runs 4 years from its start: a PKS ending a year after it is refused.
  const pks = await eventForm(kabag, "Catat Penandatanganan PKS");
  const outside = { ours: "180/040/KS/2026", partner: "050/PKS/RSUD/2026", signedAt: PKS.signedAt, start: PKS.startDate, end: plusYears(KB.endDate, 1) };
  await fillSigning(pks, outside);
  await pks.getByRole("button", { name: "Catat Penandatanganan PKS", exact: true }).click();
  await expect(kabag.getByText(/harus berada dalam jangka waktu KB/).first()).toBeVisible();
  await record(kabag, "Catat Penandatanganan PKS", (f) => fillSigning(f, { ...outside, end: PKS.endDate }));
  await expectStage(kabag, "Pelaksanaan (Aktif)");
});
