// What the app exposes, found from the build and the sources (never from a hand-kept list):
// server actions from the build manifest, route handlers from app/**/route.ts.
import fs from "node:fs";
import path from "node:path";
import type { ServerAction } from "./http";

const ROOT = path.resolve(__dirname, "..", "..", "..");
const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? walk(full) : [full];
  });
}

/** Exported HTTP methods of a route module: `export async function GET`, `export const GET =`, `export const { GET, POST } =`, `export { GET }`. */
export function exportedMethods(source: string): string[] {
  const found = new Set<string>();
  const add = (name: string) => {
    const n = name.trim().split(/\s+as\s+/).pop()?.trim() ?? "";
    if ((HTTP_METHODS as readonly string[]).includes(n)) found.add(n);
  };
  for (const m of source.matchAll(/export\s+(?:async\s+)?function\s+([A-Z]+)\b/g)) add(m[1]);
  for (const m of source.matchAll(/export\s+(?:const|let|var)\s+([A-Z]+)\s*[=:]/g)) add(m[1]);
  for (const m of source.matchAll(/export\s+(?:const|let|var)\s*\{([^}]*)\}\s*=/g)) m[1].split(",").forEach(add);
  for (const m of source.matchAll(/export\s*\{([^}]*)\}/g)) m[1].split(",").forEach(add);
  return HTTP_METHODS.filter((m) => found.has(m));
}

export type RouteHandler = { key: string; file: string };

/** Every "METHOD /path" served by a route handler (route groups dropped, dynamic segments kept). */
export function routeHandlers(): RouteHandler[] {
  const appDir = path.join(ROOT, "app");
  return walk(appDir)
    .filter((f) => /\/route\.(ts|tsx|js|mjs)$/.test(f))
    .flatMap((file) => {
      const rel = path.relative(appDir, path.dirname(file)).split(path.sep).filter((s) => s && !/^\(.*\)$/.test(s));
      const url = `/${rel.join("/")}`;
      const methods = exportedMethods(fs.readFileSync(file, "utf8"));
      // A route module whose exports this parser cannot read must not slip through unnoticed.
      if (methods.length === 0) return [{ key: `?? ${url} (no HTTP method found in ${path.relative(ROOT, file)})`, file }];
      return methods.map((m) => ({ key: `${m} ${url}`, file: path.relative(ROOT, file) }));
    });
}

/** Does one of the action's route modules serve `url`? ("app/(app)/usulan/[id]/page" serves "/usulan/abc"). */
export function servesPage(action: ServerAction, url: string): boolean {
  const pathname = url.split("?")[0];
  return action.pages.some((route) => {
    const segments = route.replace(/^app/, "").replace(/\/page$/, "").split("/").filter((s) => s && !/^\(.*\)$/.test(s));
    const pattern = segments
      .map((s) => (/^\[\.\.\..+\]$/.test(s) ? ".+" : /^\[.+\]$/.test(s) ? "[^/]+" : s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")))
      .join("/");
    return new RegExp(`^/${pattern}$`).test(pathname);
  });
}
