"use server";

import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { AuthError, CredentialsSignin } from "next-auth";
import { safeNextPath } from "@/lib/auth/account-rule";
import { signIn } from "@/lib/auth/auth";
import { DEVICE_COOKIE, DEVICE_COOKIE_DAYS, issueDeviceCookie } from "@/lib/auth/device";
import { GENERIC_CODE_ERROR, loginMessage } from "@/lib/auth/login-messages";
import { normalizeUsername, readChallenge } from "@/lib/auth/sign-in";
import { env } from "@/lib/env";

export type LoginState = {
  step: "password" | "code";
  message?: string;
  username?: string;
  /** Signed, 5-minute proof that the password step passed (step "code"); useless without the code. */
  challenge?: string;
  next?: string;
};

type Outcome = { ok: true } | { ok: false; code: string | undefined };

async function attempt(credentials: Record<string, string>): Promise<Outcome> {
  try {
    await signIn("credentials", { ...credentials, redirect: false });
    return { ok: true };
  } catch (error) {
    if (error instanceof AuthError) return { ok: false, code: error instanceof CredentialsSignin ? error.code : undefined };
    throw error;
  }
}

/** The trusted-device cookie (lib/auth/device.ts) after a completed sign-in. */
async function rememberDevice(username: string): Promise<void> {
  const jar = await cookies();
  const forwardedProto = (await headers()).get("x-forwarded-proto");
  const secure = env.auth().AUTH_URL?.startsWith("https:") === true || forwardedProto === "https";
  jar.set(DEVICE_COOKIE, issueDeviceCookie(username, jar.get(DEVICE_COOKIE)?.value, new Date()), {
    httpOnly: true,
    sameSite: "lax",
    secure,
    path: "/",
    maxAge: DEVICE_COOKIE_DAYS * 86_400,
  });
}

/**
 * Public by nature (it is the sign-in). Both steps go through next-auth's credentials authorize(),
 * where throttling, verification, the Session row and the audit happen (lib/auth/sign-in.ts).
 */
export async function loginAction(_prev: LoginState, formData: FormData): Promise<LoginState> {
  const field = (name: string) => {
    const v = formData.get(name);
    return typeof v === "string" ? v : "";
  };
  const next = safeNextPath(field("next"));
  const nextEcho = next === "/beranda" ? undefined : next;

  if (field("step") === "code") {
    const challenge = field("challenge");
    const code = field("code").trim();
    const known = readChallenge(challenge, new Date());
    if (!known) return { step: "password", message: loginMessage("expired"), next: nextEcho };
    if (!code) return { step: "code", challenge, username: known.username, next: nextEcho, message: "Kode verifikasi wajib diisi." };
    const outcome = await attempt({ challenge, code });
    if (!outcome.ok) {
      if (outcome.code === "expired" || outcome.code?.startsWith("throttled:")) {
        return { step: "password", message: loginMessage(outcome.code), username: known.username, next: nextEcho };
      }
      return { step: "code", challenge, username: known.username, next: nextEcho, message: GENERIC_CODE_ERROR };
    }
    await rememberDevice(known.username);
    redirect(next);
  }

  const username = field("username").trim();
  const password = field("password");
  if (!username || !password) {
    return { step: "password", message: "Nama pengguna dan kata sandi wajib diisi.", username, next: nextEcho };
  }
  const outcome = await attempt({ username, password });
  if (!outcome.ok) {
    const secondFactor = /^second-factor:(.+)$/.exec(outcome.code ?? "");
    if (secondFactor) return { step: "code", challenge: secondFactor[1], username, next: nextEcho };
    return { step: "password", message: loginMessage(outcome.code), username, next: nextEcho };
  }
  await rememberDevice(normalizeUsername(username));
  redirect(next);
}
