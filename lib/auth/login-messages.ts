// Messages of the sign-in page. The same message for an unknown user and a wrong password.
export const GENERIC_LOGIN_ERROR = "Nama pengguna atau kata sandi salah.";

export function loginMessage(code: string | undefined | null): string {
  const m = /^throttled:(\d+)$/.exec(code ?? "");
  if (m) {
    return `Terlalu banyak percobaan masuk yang gagal. Silakan coba lagi dalam ${m[1]} menit.`;
  }
  return GENERIC_LOGIN_ERROR;
}
