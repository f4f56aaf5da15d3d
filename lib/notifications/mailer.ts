import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { env } from "@/lib/env";

/*
 * E-mail over SMTP (nodemailer), configured only by the environment (SMTP_* in lib/env.ts).
 * No SMTP_HOST: e-mail is off — notifications stay in the app, no outbox rows are written, and
 * the settings page says so (smtpStatus()).
 */

export type SmtpStatus =
  | { enabled: false }
  | { enabled: true; host: string; port: number; secure: boolean; from: string; authenticated: boolean; maxAttempts: number };

/** What the settings page shows about e-mail (never the password). */
export function smtpStatus(): SmtpStatus {
  const smtp = env.smtp();
  if (!smtp.SMTP_HOST) return { enabled: false };
  return {
    enabled: true, host: smtp.SMTP_HOST, port: smtp.SMTP_PORT, secure: smtp.SMTP_SECURE, from: smtp.SMTP_FROM,
    authenticated: Boolean(smtp.SMTP_USER), maxAttempts: smtp.SMTP_MAX_ATTEMPTS,
  };
}

export function emailEnabled(): boolean {
  return Boolean(env.smtp().SMTP_HOST);
}

const globalForMail = globalThis as unknown as { sikerdaMail?: { key: string; transport: Transporter } };

function transport(): Transporter {
  const smtp = env.smtp();
  if (!smtp.SMTP_HOST) throw new Error("SMTP tidak dikonfigurasi / SMTP is not configured");
  const key = `${smtp.SMTP_HOST}:${smtp.SMTP_PORT}:${smtp.SMTP_SECURE}:${smtp.SMTP_USER ?? ""}`;
  if (globalForMail.sikerdaMail?.key !== key) {
    globalForMail.sikerdaMail?.transport.close();
    const t = nodemailer.createTransport({
      host: smtp.SMTP_HOST, port: smtp.SMTP_PORT, secure: smtp.SMTP_SECURE,
      auth: smtp.SMTP_USER ? { user: smtp.SMTP_USER, pass: smtp.SMTP_PASSWORD ?? "" } : undefined,
      connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000,
    });
    globalForMail.sikerdaMail = { key, transport: t };
  }
  return globalForMail.sikerdaMail!.transport;
}

export async function sendMail(message: { to: string; subject: string; text: string }): Promise<void> {
  await transport().sendMail({ from: env.smtp().SMTP_FROM, ...message });
}
