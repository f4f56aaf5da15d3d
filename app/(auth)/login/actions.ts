"use server";

import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { AuthError, CredentialsSignin } from "next-auth";
import { parseWithZod } from "@conform-to/zod/v4";
import { safeNextPath } from "@/lib/auth/account-rule";
import { signIn } from "@/lib/auth/auth";
import { DEVICE_COOKIE, DEVICE_COOKIE_DAYS, issueDeviceCookie } from "@/lib/auth/device";
import { EXPIRED_CHALLENGE_MESSAGE, GENERIC_CODE_ERROR, loginMessage } from "@/lib/auth/login-messages";
import { codeStepSchema, passwordStepSchema } from "@/lib/auth/login-schemas";
import { normalizeUsername, readChallenge } from "@/lib/auth/sign-in";
import type { FormReply } from "@/lib/forms/action";
import { env } from "@/lib/env";

/*
 * The sign-in actions: public by nature. They parse like every form (conform + zod) but do not go
 * through lib/forms' formAction (which requires a signed-in actor). Both steps end in next-auth's
 * credentials authorize(), where throttling, verification, the Session row and the audit happen
 * (lib/auth/sign-in.ts). After success: the trusted-device cookie, then the requested page.
 */

/** The password step's reply; `challenge` (signed, 5 minutes) means "now the second factor". */
export type LoginReply = FormReply & { challenge?: string; username?: string };

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

export async function passwordLoginAction(_prev: LoginReply | undefined, formData: FormData): Promise<LoginReply> {
  const submission = parseWithZod(formData, { schema: passwordStepSchema });
  const hideFields = ["password"];
  if (submission.status !== "success") return submission.reply({ hideFields });
  const { username, password, next } = submission.value;
  const outcome = await attempt({ username, password });
  if (!outcome.ok) {
    const secondFactor = /^second-factor:(.+)$/.exec(outcome.code ?? "");
    if (secondFactor) return { ...submission.reply({ hideFields }), challenge: secondFactor[1], username: normalizeUsername(username) };
    return submission.reply({ formErrors: [loginMessage(outcome.code)], hideFields });
  }
  await rememberDevice(normalizeUsername(username));
  redirect(safeNextPath(next));
}

/** The second step; an expired challenge or a throttled account sends the user back to step 1. */
export async function codeLoginAction(_prev: LoginReply | undefined, formData: FormData): Promise<LoginReply> {
  const submission = parseWithZod(formData, { schema: codeStepSchema });
  const hideFields = ["code"];
  if (submission.status !== "success") return submission.reply({ hideFields });
  const { challenge, code, next } = submission.value;
  const known = readChallenge(challenge, new Date());
  if (!known) return { ...submission.reply({ formErrors: [EXPIRED_CHALLENGE_MESSAGE], hideFields }), challenge: undefined };
  const outcome = await attempt({ challenge, code });
  if (!outcome.ok) {
    const message = outcome.code === "expired" || outcome.code?.startsWith("throttled:") ? loginMessage(outcome.code) : GENERIC_CODE_ERROR;
    return submission.reply({ formErrors: [message], hideFields });
  }
  await rememberDevice(known.username);
  redirect(safeNextPath(next));
}
