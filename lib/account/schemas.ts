import { z } from "zod";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/lib/validation/password-hint";

/*
 * Forms of the account pages (/akun), validated in the browser and on the server. Passwords are
 * never trimmed. The common-password and username checks run only on the server
 * (lib/auth/password-policy.ts), never here: this module reaches the browser.
 */
export const changePasswordSchema = z
  .object({
    currentPassword: z
      .string({ error: "Kata sandi saat ini wajib diisi" })
      .max(256, { error: "Kata sandi saat ini tidak valid" }),
    newPassword: z
      .string({ error: "Kata sandi baru wajib diisi" })
      .min(PASSWORD_MIN_LENGTH, { error: "Kata sandi baru minimal 12 karakter" })
      .max(PASSWORD_MAX_LENGTH, { error: "Kata sandi baru maksimal 128 karakter" }),
    confirmPassword: z.string({ error: "Ulangi kata sandi baru untuk konfirmasi" }),
  })
  .superRefine((v, ctx) => {
    if (v.confirmPassword !== v.newPassword) {
      ctx.addIssue({ code: "custom", path: ["confirmPassword"], message: "Konfirmasi kata sandi tidak sama" });
    }
  });

/** A 6-digit code from the authenticator app (enrolment confirmation). */
export const totpCodeSchema = z.object({
  code: z
    .string({ error: "Kode verifikasi wajib diisi" })
    .trim()
    .transform((s) => s.replace(/\s/g, ""))
    .pipe(z.string().regex(/^\d{6}$/, { error: "Kode verifikasi terdiri atas 6 angka" })),
});

/** Proof that the person at the keyboard is the account holder: the password or a code. */
export const proofSchema = z.object({
  proof: z
    .string({ error: "Masukkan kata sandi Anda, kode dari aplikasi autentikator, atau kode pemulihan" })
    .max(256, { error: "Isian terlalu panjang" }),
});

export type ChangePasswordInput = z.output<typeof changePasswordSchema>;
