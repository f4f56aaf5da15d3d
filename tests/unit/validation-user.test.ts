import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  passwordResetSchema,
  userCreateSchema,
  userEditSchema,
} from "@/lib/validation/user";

/** A complete, valid create form as the browser posts it (all strings). */
const createForm = {
  username: "budi.santoso",
  fullName: "Budi Santoso, S.Sos.",
  nip: "19850312 201001 1 003",
  role: "OPERATOR_OPD",
  opdId: "opd-diskominfo",
  password: "Rahasia-Kantor-2024",
  confirmPassword: "Rahasia-Kantor-2024",
};
const editForm = {
  username: "siti.kabag",
  fullName: "Siti Aminah",
  nip: "",
  role: "KABAG_KS",
  opdId: "",
  active: "on",
};

/** First message per field (form-level errors under "_form"), as the form shows them; {} on success. */
function fieldErrors(result: { success: boolean; error?: z.ZodError }): Record<string, string> {
  if (result.success || !result.error) return {};
  const flat = z.flattenError(result.error);
  const out: Record<string, string> = {};
  for (const [field, messages] of Object.entries(flat.fieldErrors) as [string, string[] | undefined][]) {
    if (messages?.[0]) out[field] = messages[0];
  }
  if (flat.formErrors[0]) out._form = flat.formErrors[0];
  return out;
}

const errorsOf = (schema: z.ZodType, input: unknown) => fieldErrors(schema.safeParse(input));

describe("userCreateSchema", () => {
  it("accepts a valid form and normalises it", () => {
    const r = userCreateSchema.safeParse({ ...createForm, username: "  Budi.Santoso ", fullName: "  Budi Santoso  " });
    expect(r.success).toBe(true);
    expect(r.data).toMatchObject({
      username: "budi.santoso",
      fullName: "Budi Santoso",
      nip: "198503122010011003",
      role: "OPERATOR_OPD",
      opdId: "opd-diskominfo",
    });
    expect(fieldErrors(r)).toEqual({});
  });

  it("treats a blank NIP as absent", () => {
    const r = userCreateSchema.safeParse({ ...createForm, nip: "   " });
    expect(r.success).toBe(true);
    expect(r.data?.nip).toBeUndefined();
  });

  it("reports every missing required field at once", () => {
    expect(errorsOf(userCreateSchema, {})).toEqual({
      username: "Nama pengguna wajib diisi",
      fullName: "Nama lengkap wajib diisi",
      role: "Peran wajib dipilih",
      password: "Kata sandi wajib diisi",
      confirmPassword: "Ulangi kata sandi untuk konfirmasi",
    });
    expect(errorsOf(userCreateSchema, { ...createForm, username: "", fullName: "  ", role: "" })).toMatchObject({
      username: "Nama pengguna wajib diisi",
      fullName: "Nama lengkap wajib diisi",
      role: "Peran wajib dipilih",
    });
  });

  it.each([
    ["username", "ab", "Nama pengguna minimal 3 karakter"],
    ["username", "a".repeat(33), "Nama pengguna maksimal 32 karakter"],
    ["username", "budi santoso", "Nama pengguna hanya boleh berisi huruf kecil, angka, titik (.), garis bawah (_), atau tanda hubung (-)"],
    ["username", "budi@ks", "Nama pengguna hanya boleh berisi huruf kecil, angka, titik (.), garis bawah (_), atau tanda hubung (-)"],
    ["fullName", "x".repeat(121), "Nama lengkap maksimal 120 karakter"],
    ["nip", "12345", "NIP harus terdiri atas 18 angka"],
    ["nip", "198502302010011003", "Tanggal lahir pada NIP (8 angka pertama) tidak valid"],
    ["nip", "198503122010131003", "TMT pada NIP (angka ke-9 s.d. ke-14) tidak valid"],
    ["nip", "198503122010013003", "Angka jenis kelamin pada NIP (angka ke-15) harus 1 atau 2"],
    ["role", "SUPERADMIN", "Peran tidak dikenal"],
    ["password", "Pendek12", "Kata sandi minimal 12 karakter"],
    ["password", "A1".repeat(65), "Kata sandi maksimal 128 karakter"],
  ])("%s = %j → %s", (field, value, message) => {
    const input = { ...createForm, [field]: value };
    if (field === "password") input.confirmPassword = value;
    expect(errorsOf(userCreateSchema, input)[field]).toBe(message);
  });

  it("accepts exactly 3 and 32 characters, and a 12-character password", () => {
    expect(userCreateSchema.safeParse({ ...createForm, username: "a_b" }).success).toBe(true);
    expect(userCreateSchema.safeParse({ ...createForm, username: "a".repeat(32) }).success).toBe(true);
    const pw = "abcdefghijk1";
    expect(userCreateSchema.safeParse({ ...createForm, password: pw, confirmPassword: pw }).success).toBe(true);
  });

  it("has no composition rules (ASVS 5.0): digits only, letters only or a plain sentence are fine by the schema", () => {
    for (const pw of ["123456789012", "tanpaangkasamasekali", "kuda makan rumput di sawah"]) {
      expect(errorsOf(userCreateSchema, { ...createForm, password: pw, confirmPassword: pw }).password).toBeUndefined();
    }
  });

  it("keeps spaces inside a password (no trimming)", () => {
    const pw = " kata sandi 2024 ";
    const r = userCreateSchema.safeParse({ ...createForm, password: pw, confirmPassword: pw });
    expect(r.data?.password).toBe(pw);
  });

  it("requires the confirmation to match", () => {
    expect(errorsOf(userCreateSchema, { ...createForm, confirmPassword: "Rahasia-Kantor-2025" })).toEqual({
      confirmPassword: "Konfirmasi kata sandi tidak sama",
    });
  });

  it("requires an OPD for OPD roles", () => {
    for (const [role, label] of [["OPERATOR_OPD", "Operator OPD"], ["KEPALA_OPD", "Kepala OPD"]]) {
      expect(errorsOf(userCreateSchema, { ...createForm, role, opdId: "" })).toEqual({
        opdId: `OPD wajib dipilih untuk peran ${label}`,
      });
    }
  });

  it("forbids an OPD for every other role", () => {
    expect(errorsOf(userCreateSchema, { ...createForm, role: "TKKSD" })).toEqual({
      opdId: "Peran Anggota TKKSD tidak terikat pada OPD; kosongkan pilihan OPD",
    });
    for (const role of ["STAF_KS", "KABAG_KS", "TKKSD", "PIMPINAN", "ADMIN"]) {
      expect(errorsOf(userCreateSchema, { ...createForm, role })).toHaveProperty("opdId");
      expect(userCreateSchema.safeParse({ ...createForm, role, opdId: "" }).success).toBe(true);
    }
  });
});

describe("userEditSchema", () => {
  it("accepts a form without password and reads the checkbox", () => {
    const r = userEditSchema.safeParse(editForm);
    expect(r.success).toBe(true);
    expect(r.data).toEqual({ username: "siti.kabag", fullName: "Siti Aminah", role: "KABAG_KS", active: true });
    expect(r.data).not.toHaveProperty("password");
  });

  it("treats an unticked (absent) checkbox as inactive", () => {
    const unticked: Record<string, string> = { ...editForm };
    delete unticked.active;
    expect(userEditSchema.safeParse(unticked).data?.active).toBe(false);
    expect(userEditSchema.safeParse({ ...editForm, active: "true" }).data?.active).toBe(true);
    expect(userEditSchema.safeParse({ ...editForm, active: "off" }).data?.active).toBe(false);
  });

  it("applies the same field and OPD rules as create", () => {
    expect(errorsOf(userEditSchema, { ...editForm, username: "x", nip: "1985" })).toEqual({
      username: "Nama pengguna minimal 3 karakter",
      nip: "NIP harus terdiri atas 18 angka",
    });
    expect(errorsOf(userEditSchema, { ...editForm, role: "KEPALA_OPD" })).toEqual({
      opdId: "OPD wajib dipilih untuk peran Kepala OPD",
    });
    expect(errorsOf(userEditSchema, { ...editForm, opdId: "opd-x" })).toEqual({
      opdId: "Peran Kepala Bagian Kerja Sama tidak terikat pada OPD; kosongkan pilihan OPD",
    });
  });
});

describe("passwordResetSchema", () => {
  it("accepts a strong password with matching confirmation", () => {
    expect(passwordResetSchema.safeParse({ password: "SandiBaru2024!", confirmPassword: "SandiBaru2024!" }).success).toBe(true);
  });

  it.each([
    [{}, { password: "Kata sandi wajib diisi", confirmPassword: "Ulangi kata sandi untuk konfirmasi" }],
    [{ password: "pendek1", confirmPassword: "pendek1" }, { password: "Kata sandi minimal 12 karakter" }],
    [{ password: "SandiBaru2024!", confirmPassword: "" }, { confirmPassword: "Ulangi kata sandi untuk konfirmasi" }],
    [{ password: "SandiBaru2024!", confirmPassword: "SandiBaru2025!" }, { confirmPassword: "Konfirmasi kata sandi tidak sama" }],
  ])("%j → %j", (input, expected) => {
    expect(errorsOf(passwordResetSchema, input)).toEqual(expected);
  });
});

describe("messages", () => {
  it("a username breaking two rules reports the first rule only", () => {
    expect(fieldErrors(userEditSchema.safeParse(editForm))).toEqual({});
    const errors = fieldErrors(userCreateSchema.safeParse({ ...createForm, username: "A!" }));
    expect(errors).toEqual({ username: "Nama pengguna minimal 3 karakter" });
  });
});
