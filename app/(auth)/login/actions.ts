"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { signIn } from "@/lib/auth/auth";
import { loginMessage } from "@/lib/auth/login-messages";

export type LoginState = { message?: string; username?: string };

/** Public by nature (it is the sign-in); authentication and throttling happen in authorize(). */
export async function loginAction(_prev: LoginState, formData: FormData): Promise<LoginState> {
  const username = String(formData.get("username") ?? "").trim();
  const password = String(formData.get("password") ?? "");
  if (!username || !password) {
    return { message: "Nama pengguna dan kata sandi wajib diisi.", username };
  }
  try {
    await signIn("credentials", { username, password, redirectTo: "/beranda" });
  } catch (error) {
    if (error instanceof AuthError) {
      const code = error instanceof CredentialsSignin ? error.code : undefined;
      return { message: loginMessage(code), username };
    }
    throw error; // the redirect after a successful sign-in
  }
  return {};
}
