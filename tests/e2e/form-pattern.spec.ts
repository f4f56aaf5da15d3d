import { expect, login, test } from "./fixtures";

// The form pattern shared by every form (lib/forms + components/forms), seen on the OPD form:
// constraints come from the zod schema, every error is shown at once (client and server), the
// values survive a refused submission, and a domain refusal lands on its field.
test.describe("pola formulir", () => {
  test("batasan dari skema, semua kesalahan sekaligus, nilai tetap, penolakan layanan di kolomnya", async ({ page }) => {
    await login(page, "admin");
    await page.goto("/admin/opd/baru");
    const name = page.getByLabel("Nama OPD");
    const shortName = page.getByLabel("Singkatan");
    await expect(name).toHaveAttribute("maxlength", "150");
    await expect(name).toHaveAttribute("required", "");
    await expect(shortName).toHaveAttribute("maxlength", "20");
    await expect(page.getByLabel("Kode")).not.toHaveAttribute("required", "");

    // Two invalid fields: both errors at once, in the summary and beside the fields.
    await shortName.fill("diskominfo");
    await page.getByRole("button", { name: "Simpan OPD" }).click();
    const summary = page.getByRole("alert").filter({ hasText: "Data belum disimpan" });
    await expect(summary).toBeVisible();
    await expect(summary.getByRole("link")).toHaveCount(2);
    await expect(page.getByText("Nama OPD wajib diisi").first()).toBeVisible();
    await expect(page.getByText("Singkatan diawali huruf kapital atau angka").first()).toBeVisible();
    await expect(shortName).toHaveValue("diskominfo");

    // A rule only the service knows (a duplicate name) comes back on its field, values kept.
    await name.fill("Dinas Kesehatan");
    await shortName.fill("DINKES2");
    await page.getByRole("button", { name: "Simpan OPD" }).click();
    await expect(page.getByText("Nama OPD sudah terdaftar.").first()).toBeVisible();
    await expect(name).toHaveValue("Dinas Kesehatan");
    await expect(shortName).toHaveValue("DINKES2");

    await name.fill(`Dinas Uji Pola Formulir ${Date.now()}`);
    await page.getByRole("button", { name: "Simpan OPD" }).click();
    await page.waitForURL(/\/admin\/opd\?tersimpan=1$/);
  });
});
