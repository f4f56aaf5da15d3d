// Messages of the sign-in page. The same message for an unknown user, a wrong password and a
// wrong second-factor code: never which one.
export const GENERIC_LOGIN_ERROR = "Nama pengguna atau kata sandi salah.";
export const GENERIC_CODE_ERROR = "Kode verifikasi salah atau sudah dipakai.";
export const EXPIRED_CHALLENGE_MESSAGE =
  "Waktu untuk memasukkan kode verifikasi telah habis. Silakan masuk kembali dengan kata sandi Anda.";

export function throttledMessage(minutes: number | string): string {
  return `Terlalu banyak percobaan masuk yang gagal. Silakan coba lagi dalam ${minutes} menit.`;
}

export function loginMessage(code: string | undefined | null): string {
  const m = /^throttled:(\d+)$/.exec(code ?? "");
  if (m) return throttledMessage(m[1]);
  if (code === "expired") return EXPIRED_CHALLENGE_MESSAGE;
  return GENERIC_LOGIN_ERROR;
}
