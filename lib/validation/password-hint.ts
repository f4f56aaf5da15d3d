// The password rule as users read it, without dependencies: client forms import this, never the
// schemas (zod) nor the common-password list (server-only, lib/auth/password-policy.ts).
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;
export const PASSWORD_HINT =
  "Minimal 12 karakter; boleh berupa kalimat dengan spasi. Kata sandi yang terlalu umum atau sama dengan nama pengguna ditolak.";
