// Calling the running app over HTTP exactly as the browser does: server actions (POST to a page
// that serves the action, `Next-Action: <id>`, same-origin Origin, the session cookie, the body
// React's client encodes) and route handlers. Also the real sign-in.
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { e2eEnv } from "../../support/fixture-client";

const ROOT = path.resolve(__dirname, "..", "..", "..");
export const BASE_URL = `http://localhost:${Number(process.env.SIKERDA_E2E_PORT || 3100)}`;

// React's own encoder of server-action arguments (encodeReply), from the copy Next.js ships and
// serves with: (previousState, formData) becomes multipart fields "<n>_<name>" plus "0" = the JSON
// of the argument list ("$undefined", "$K<n>" for the FormData…). Same encoder → same wire format.
const requireFromHere = createRequire(__filename);
const { encodeReply } = requireFromHere(
  path.join(ROOT, "node_modules/next/dist/compiled/react-server-dom-turbopack/cjs/react-server-dom-turbopack-client.node.production.js"),
) as { encodeReply: (value: unknown) => Promise<string | FormData> };

// ── The build's server actions ─────────────────────────────────────────────────────────────
export type ServerAction = {
  id: string;
  file: string;
  name: string;
  /** Route modules whose page can serve the action, e.g. "app/(app)/usulan/[id]/page". */
  pages: string[];
};

/** Every server action of the current build (.next/server/server-reference-manifest.json). */
export function serverActions(): ServerAction[] {
  const file = path.join(ROOT, ".next", "server", "server-reference-manifest.json");
  const manifest = JSON.parse(fs.readFileSync(file, "utf8")) as {
    node: Record<string, { workers: Record<string, unknown>; filename: string; exportedName: string }>;
    edge?: Record<string, { workers: Record<string, unknown>; filename: string; exportedName: string }>;
  };
  const entries = { ...manifest.edge, ...manifest.node };
  return Object.entries(entries).map(([id, e]) => ({ id, file: e.filename, name: e.exportedName, pages: Object.keys(e.workers) }));
}

/** "app/(app)/usulan/[id]/page" → "/usulan/<id>" (route groups dropped, segments filled from params). */
export function pageUrl(route: string, params: Record<string, string> = {}): string {
  const segments = route.replace(/^app/, "").replace(/\/page$/, "").split("/").filter((s) => s && !/^\(.*\)$/.test(s));
  const filled = segments.map((s) => {
    const m = /^\[(?:\.\.\.)?(.+)\]$/.exec(s);
    return m ? encodeURIComponent(params[m[1]] ?? "x") : s;
  });
  return `/${filled.join("/")}`;
}

// ── Sessions ───────────────────────────────────────────────────────────────────────────────
export type Session = { cookie: string; address: string };

let addressCounter = 0;
/** A client address per session (TEST-NET benchmark range), so sign-in throttling never mixes tests. */
export function nextAddress(): string {
  addressCounter += 1;
  return `198.18.${Math.floor(addressCounter / 250) % 256}.${(addressCounter % 250) + 1}`;
}

/**
 * Anonymous: a well-formed session cookie of nobody (sealed with the e2e server's throw-away secret,
 * no user in it). The proxy only checks that a session cookie exists, so the call reaches the action,
 * which must refuse on its own (CVE-2025-29927 shows why the proxy is no guard). A cookie that does
 * not even decrypt is refused the same way (actions.spec.ts), but makes next-auth log a stack trace.
 */
export async function anonymousSession(): Promise<Session> {
  const { encode } = await import("next-auth/jwt");
  const token = await encode({ token: {}, secret: e2eEnv().authSecret, salt: "authjs.session-token", maxAge: 3600 });
  return { cookie: `authjs.session-token=${token}`, address: nextAddress() };
}

/** A session cookie that does not decrypt at all. */
export function forgedSession(): Session {
  return { cookie: "authjs.session-token=tidak-sah", address: nextAddress() };
}

// ── Outcomes ───────────────────────────────────────────────────────────────────────────────
export type Outcome = {
  kind: "accepted" | "login" | "forbidden" | "refused" | "not-found" | "error";
  status: number;
  /** Redirect target or the refusal message, for the report. */
  detail: string;
};

/** Parses a server action's RSC answer: row 0 names the row holding the returned value. */
function actionReturnValue(text: string): unknown {
  const rows = new Map<string, string>();
  for (const line of text.split("\n")) {
    const m = /^([0-9a-f]+):(.*)$/.exec(line);
    if (m) rows.set(m[1], m[2]);
  }
  try {
    const head = JSON.parse(rows.get("0") ?? "null") as { a?: string } | null;
    const ref = head?.a?.startsWith("$@") ? head.a.slice(2) : undefined;
    return ref ? JSON.parse(rows.get(ref) ?? "null") : undefined;
  } catch {
    return undefined;
  }
}

/** The refusal message of a returned form state (legacy FormState or conform's SubmissionResult). */
function replyMessage(value: unknown): string | undefined {
  if (!value || typeof value !== "object") return undefined;
  const v = value as { message?: unknown; status?: unknown; error?: Record<string, unknown> };
  if (typeof v.message === "string" && v.message) return v.message;
  if (v.status === "error") {
    const all = Object.values(v.error ?? {}).flat().filter((m): m is string => typeof m === "string");
    return all.join(" ") || "error";
  }
  return undefined;
}

export type ActionCall = { action: ServerAction; page: string; args: unknown[]; session: Session; origin?: string };

export async function callAction({ action, page, args, session, origin = BASE_URL }: ActionCall): Promise<Outcome> {
  const body = await encodeReply(args);
  const res = await fetch(`${BASE_URL}${page}`, {
    method: "POST",
    redirect: "manual",
    headers: {
      "Next-Action": action.id,
      Origin: origin,
      Accept: "text/x-component",
      cookie: session.cookie,
      "x-forwarded-for": session.address,
    },
    body,
  });
  const text = await res.text();
  const redirect = res.headers.get("x-action-redirect") ?? res.headers.get("location");
  if (redirect) {
    const target = redirect.split(";")[0].replace(BASE_URL, "");
    return { kind: target.startsWith("/login") ? "login" : "accepted", status: res.status, detail: target };
  }
  if (res.headers.get("x-nextjs-action-not-found")) {
    return { kind: "error", status: res.status, detail: `the server does not know action ${action.name} (${action.id}): is it running another build than .next?` };
  }
  if (res.status === 403) return { kind: "forbidden", status: 403, detail: "403 (forbidden())" };
  if (res.status === 404) return { kind: "not-found", status: 404, detail: "404" };
  if (res.status !== 200) return { kind: "error", status: res.status, detail: text.slice(0, 300) };
  const message = replyMessage(actionReturnValue(text));
  return message ? { kind: "refused", status: 200, detail: message } : { kind: "accepted", status: 200, detail: "reply" };
}

/** Route handlers: 2xx accepted, 401 login, 403 forbidden, 404 not found. */
export async function callRoute(
  method: string,
  url: string,
  session: Session,
  init: { headers?: Record<string, string>; body?: Uint8Array<ArrayBuffer> } = {},
): Promise<Outcome & { body: Buffer }> {
  const res = await fetch(`${BASE_URL}${url}`, {
    method,
    redirect: "manual",
    headers: { cookie: session.cookie, "x-forwarded-for": session.address, ...init.headers },
    body: init.body,
  });
  const body = Buffer.from(await res.arrayBuffer());
  const message = () => {
    try {
      return String((JSON.parse(body.toString("utf8")) as { message?: string }).message ?? res.status);
    } catch {
      return String(res.status);
    }
  };
  const kind: Outcome["kind"] =
    res.status < 400 ? "accepted" : res.status === 401 ? "login" : res.status === 403 ? "forbidden"
      : res.status === 404 ? "not-found" : res.status < 500 ? "refused" : "error";
  return { kind, status: res.status, detail: kind === "accepted" ? String(res.status) : `${res.status} ${message()}`, body };
}

export type LoginStep = { cookie: string | undefined; reply: unknown; status: number; redirect: string | null };

/** One step of the login page (password or second-factor code) posted as the login form posts it. */
export async function loginStep(action: ServerAction, fields: Record<string, string>, address: string): Promise<LoginStep> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  const res = await fetch(`${BASE_URL}/login`, {
    method: "POST",
    redirect: "manual",
    headers: { "Next-Action": action.id, Origin: BASE_URL, Accept: "text/x-component", "x-forwarded-for": address },
    body: await encodeReply([undefined, form]),
  });
  const text = await res.text();
  const cookie = res.headers.getSetCookie().map((c) => c.split(";")[0]).find((c) => c.startsWith("authjs.session-token="));
  return { cookie, reply: actionReturnValue(text), status: res.status, redirect: res.headers.get("x-action-redirect") };
}

/**
 * Signs in through the login page's server actions, as the login form does: the password step,
 * then — when the account has a second factor — the code step with `code` (TOTP or recovery code).
 */
export async function signIn(
  username: string,
  password: string,
  steps: { password: ServerAction; code: ServerAction },
  code?: string,
): Promise<Session> {
  const address = nextAddress();
  let step = await loginStep(steps.password, { username, password }, address);
  const challenge = (step.reply as { challenge?: string } | undefined)?.challenge;
  if (!step.cookie && challenge && code) step = await loginStep(steps.code, { challenge, code }, address);
  if (!step.cookie) {
    throw new Error(`sign-in of ${username} failed (HTTP ${step.status}, ${step.redirect}, ${JSON.stringify(step.reply)})`);
  }
  return { cookie: step.cookie, address };
}

/**
 * The argument list the browser sends for a row's call shape (tests/api/matrix.ts): `form`
 * (undefined, FormData), `state` ({}, FormData), `bind:<field>` (<field>, {}, FormData), `none` ().
 */
export function argsFor(shape: string, fields: Record<string, string>): unknown[] {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  if (shape === "none") return [];
  if (shape === "form") return [undefined, form];
  if (shape === "state") return [{}, form];
  const bound = /^bind:(.+)$/.exec(shape);
  if (bound) {
    const value = fields[bound[1]];
    if (value === undefined) throw new Error(`shape ${shape}: the scenario sends no field "${bound[1]}"`);
    return [value, {}, form];
  }
  throw new Error(`unknown call shape "${shape}"`);
}
