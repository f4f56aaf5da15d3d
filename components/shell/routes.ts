/** Where every role lands after sign-in and where "Kembali ke Beranda" leads. */
export const ROLE_HOME = "/beranda";
