/*
 * Checks proxy.ts runs on a request before Next.js handles it, so malformed input gets a 4xx with an
 * Indonesian page instead of a 500 from deep inside Next or PostgreSQL (pure functions, unit-tested).
 *
 *  - control characters (NUL …) in the path or the query string → 400: they would reach PostgreSQL,
 *    which refuses NUL in text ("invalid byte sequence"), as a 500;
 *  - a state-changing request whose Origin is not this host → 403 (Next answers a forged Origin on a
 *    server action with a 500);
 *  - a server-action body over the limit → 413 (Next: 500); a structurally broken action payload → 400
 *    (Next: 500). React's encodeReply sends either a text/plain JSON array (the arguments) or a
 *    multipart form whose field "0" is that JSON array; a NUL in any text field → 400.
 */

/** Next's default serverActions.bodySizeLimit (1 MB); next.config.ts buffers one byte more for proxy.ts. */
export const ACTION_BODY_LIMIT = 1024 * 1024;

export type Problem = { status: 400 | 403 | 413; title: string; message: string };

export const PROBLEMS = {
  controlCharacters: {
    status: 400,
    title: "Permintaan tidak valid",
    message: "Alamat atau isian mengandung karakter yang tidak diizinkan (misalnya karakter kendali). Periksa kembali isian Anda.",
  },
  malformed: {
    status: 400,
    title: "Permintaan tidak valid",
    message: "Data yang dikirim tidak dapat dibaca. Muat ulang halaman lalu coba lagi.",
  },
  foreignOrigin: {
    status: 403,
    title: "Permintaan ditolak",
    message: "Permintaan ini tidak berasal dari halaman SIKERDA sendiri, sehingga ditolak demi keamanan.",
  },
  tooLarge: {
    status: 413,
    title: "Data terlalu besar",
    message: "Data yang dikirim melebihi batas 1 MB. Perpendek isian; unggah dokumen melalui tombol unggah.",
  },
} as const satisfies Record<string, Problem>;

const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** True when text holds a control character other than tab, line feed and carriage return. */
export function hasControlCharacters(text: string): boolean {
  return CONTROL.test(text);
}

function decode(part: string): string | null {
  try {
    return decodeURIComponent(part.replace(/\+/g, " "));
  } catch {
    return null;
  }
}

/** The path and query of a URL; malformed percent-encoding is a problem too. */
export function urlProblem(pathname: string, search: string): Problem | null {
  const path = decode(pathname);
  if (path === null) return PROBLEMS.malformed;
  if (hasControlCharacters(path)) return PROBLEMS.controlCharacters;
  const query = search.startsWith("?") ? search.slice(1) : search;
  if (!query) return null;
  for (const pair of query.split("&")) {
    for (const piece of pair.split("=")) {
      const text = decode(piece);
      if (text === null) return PROBLEMS.malformed;
      if (hasControlCharacters(text)) return PROBLEMS.controlCharacters;
    }
  }
  return null;
}

export const UNSAFE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * A browser sends Origin with every state-changing request; it must name this host. A request
 * without Origin (curl, old clients) passes: it carries no ambient browser credentials by
 * itself, and every action authenticates and authorizes itself anyway.
 */
export function originProblem(origin: string | null, host: string | null): Problem | null {
  if (origin === null) return null;
  if (!host) return PROBLEMS.foreignOrigin;
  try {
    return new URL(origin).host === host ? null : PROBLEMS.foreignOrigin;
  } catch {
    return PROBLEMS.foreignOrigin;
  }
}

export function declaredSizeProblem(contentLength: string | null, limit = ACTION_BODY_LIMIT): Problem | null {
  if (contentLength === null) return null;
  if (!/^\d+$/.test(contentLength)) return PROBLEMS.malformed;
  return Number(contentLength) > limit ? PROBLEMS.tooLarge : null;
}

function parseJson(json: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(json) };
  } catch {
    return { ok: false };
  }
}

/** Any string (key or value) anywhere in a JSON value with a control character? */
function jsonHasControlCharacters(value: unknown, depth = 0): boolean {
  if (depth > 64) return false;
  if (typeof value === "string") return hasControlCharacters(value);
  if (Array.isArray(value)) return value.some((v) => jsonHasControlCharacters(v, depth + 1));
  if (value && typeof value === "object") {
    return Object.entries(value).some(([k, v]) => hasControlCharacters(k) || jsonHasControlCharacters(v, depth + 1));
  }
  return false;
}

/** The root of a reply: a JSON array of arguments, without control characters. */
function argumentListProblem(json: string): Problem | null {
  const parsed = parseJson(json);
  if (!parsed.ok || !Array.isArray(parsed.value)) return PROBLEMS.malformed;
  return jsonHasControlCharacters(parsed.value) ? PROBLEMS.controlCharacters : null;
}

/** A fetch server action's body (Next-Action header), read as text / form data by the caller. */
export function actionPayloadProblem(
  body: { kind: "text"; text: string } | { kind: "form"; fields: Iterable<[string, unknown]> } | { kind: "unreadable" },
): Problem | null {
  if (body.kind === "unreadable") return PROBLEMS.malformed;
  if (body.kind === "text") return argumentListProblem(body.text);
  let root: string | null = null;
  for (const [name, value] of body.fields) {
    if (typeof value !== "string") continue; // files are checked by their own handlers
    if (hasControlCharacters(value) || hasControlCharacters(name)) return PROBLEMS.controlCharacters;
    if (name === "0") root = value;
  }
  return root === null ? PROBLEMS.malformed : argumentListProblem(root);
}

/** Text fields of a plain HTML form post (an action without JavaScript): no control characters. */
export function formFieldsProblem(fields: Iterable<[string, unknown]>): Problem | null {
  for (const [name, value] of fields) {
    if (typeof value !== "string") continue;
    if (hasControlCharacters(value) || hasControlCharacters(name)) return PROBLEMS.controlCharacters;
  }
  return null;
}
