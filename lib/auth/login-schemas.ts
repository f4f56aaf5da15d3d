import { z } from "zod";

/*
 * The two sign-in forms (also validated in the browser). Deliberately loose: the server tells
 * nothing about which part was wrong, and the password is never trimmed. `next` is the page to
 * return to, checked again by safeNextPath() before use.
 */
const next = z.string().max(2000).optional();

export const passwordStepSchema = z.object({
  username: z
    .string({ error: "Nama pengguna wajib diisi" })
    .trim()
    .min(1, { error: "Nama pengguna wajib diisi" })
    .max(64, { error: "Nama pengguna maksimal 64 karakter" }),
  password: z.string({ error: "Kata sandi wajib diisi" }).max(256, { error: "Kata sandi maksimal 256 karakter" }),
  next,
});

export const codeStepSchema = z.object({
  challenge: z.string({ error: "Sesi verifikasi tidak lengkap. Silakan masuk kembali." }).max(2048),
  code: z
    .string({ error: "Kode verifikasi wajib diisi" })
    .trim()
    .min(6, { error: "Kode verifikasi terdiri atas 6 angka, atau kode pemulihan 10 karakter" })
    .max(32, { error: "Kode verifikasi terlalu panjang" }),
  next,
});
