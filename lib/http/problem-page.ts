import type { Problem } from "./request-guard";

const escape = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/**
 * A small self-contained Indonesian page for a request refused before Next.js renders anything
 * (proxy.ts). Its one <style> carries the response's CSP nonce; there is no script.
 */
export function problemPage(problem: Problem, nonce: string): string {
  return `<!DOCTYPE html>
<html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(problem.title)} · SIKERDA</title>
<style nonce="${escape(nonce)}">
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:#f1f5f9;color:#0f172a}
main{max-width:36rem;margin:4rem auto;padding:2.5rem 2rem;background:#fff;border:1px solid #e2e8f0;border-radius:.5rem;text-align:center}
p.code{font-weight:600;letter-spacing:.2em;color:#475569;margin:0}
h1{font-size:1.5rem;margin:.5rem 0 1rem}
a{display:inline-block;margin-top:1.5rem;padding:.6rem 1rem;background:#00625d;color:#fff;border-radius:.375rem;font-weight:600;text-decoration:none}
</style></head>
<body><main id="konten"><p class="code"><span hidden>Kode status </span>${problem.status}</p>
<h1>${escape(problem.title)}</h1><p>${escape(problem.message)}</p>
<a href="/beranda">Kembali ke Beranda</a></main></body></html>`;
}
