import { caseAt } from "../support/fixture-client";
import { signingDates } from "../support/fixtures/plan";
import { expect, test } from "./fixtures";
import { eventForm, expectStage, fillSigning, record, signedIn, upload } from "./helpers/workflow";

// Other paths of the workflow in Chromium, each from a case the fixture CLI prepared through the
// real services: SINERGI's short path, a return for revision, a TKKSD rejection.
test.setTimeout(60_000);

test("SINERGI menempuh jalur pendek: Nota Kesepakatan tanpa KB, PKS, dan DPRD", async ({ browser }) => {
  const c = await caseAt({ kind: "SINERGI", stage: "KAJIAN_TKKSD" });
  const url = `/usulan/${c.id}`;
  const [kabag, staf] = await Promise.all(["kabag.ks", "staf.ks"].map((u) => signedIn(browser, u)));
  await kabag.goto(url);
  await upload(kabag, "Berita Acara/Notulen Rapat TKKSD");
  await record(kabag, "Catat Hasil TKKSD: Layak");
  await expectStage(kabag, "Penyusunan Nota Kesepakatan dan Rencana Kerja");
  await staf.goto(url);
  await upload(staf, "Draf Nota Kesepakatan");
  await upload(staf, "Rencana Kerja");
  await record(staf, "Tetapkan Draf NK dan Rencana Kerja Final");
  await kabag.goto(url);
  await upload(kabag, "Nota Kesepakatan yang Ditandatangani");
  const nk = signingDates("NK", "recent");
  await record(kabag, "Catat Penandatanganan NK", (f) =>
    fillSigning(f, { ours: "180/030/KS/2026", partner: "B-112/BPS/2026", signedAt: nk.signedAt, start: nk.startDate, end: nk.endDate }),
  );
  await expectStage(kabag, "Pelaksanaan (Aktif)");
  // The short path never passed a KB, a DPRD step or a PKS.
  const timeline = kabag.getByRole("list", { name: "Tahapan dan riwayat" });
  await expect(timeline).not.toContainText("Penandatanganan KB");
  await expect(timeline).not.toContainText("Menunggu Persetujuan DPRD");
  await expect(timeline).not.toContainText("Penyusunan PKS");
});

test("usulan dikembalikan untuk perbaikan, operator melihat alasannya, memperbaiki, dan mengajukan ulang", async ({ browser }) => {
  const c = await caseAt({ kind: "KSDD", stage: "VERIFIKASI", title: `Pengelolaan Sampah Regional ${Date.now()}` });
  const url = `/usulan/${c.id}`;
  const [operator, kabag] = await Promise.all(["operator.dinkes", "kabag.ks"].map((u) => signedIn(browser, u)));
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
  const c = await caseAt({ kind: "KSDD", stage: "KAJIAN_TKKSD", title: `Kerja Sama Pasar Induk ${Date.now()}` });
  const url = `/usulan/${c.id}`;
  const [operator, kabag] = await Promise.all(["operator.dinkes", "kabag.ks"].map((u) => signedIn(browser, u)));
  await kabag.goto(url);
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
