import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, newNonce } from "@/lib/http/csp";
import { problemPage } from "@/lib/http/problem-page";
import {
  actionPayloadProblem,
  declaredSizeProblem,
  formFieldsProblem,
  originProblem,
  PROBLEMS,
  urlProblem,
} from "@/lib/http/request-guard";
import { searchTextParam, stripControlCharacters } from "@/lib/validation/search-text";
import { caseListFilterSchema } from "@/app/(app)/usulan/filters";
import { opdListFilterSchema, userListFilterSchema } from "@/lib/validation/admin-extra";

describe("urlProblem", () => {
  it("a NUL or other control character in the query or path is a 400", () => {
    expect(urlProblem("/usulan", "?q=%00")).toBe(PROBLEMS.controlCharacters);
    expect(urlProblem("/admin/pengguna", "?q=a%01b&page=1")).toBe(PROBLEMS.controlCharacters);
    expect(urlProblem("/usulan/%00", "")).toBe(PROBLEMS.controlCharacters);
    expect(urlProblem("/usulan", "?%00=x")).toBe(PROBLEMS.controlCharacters);
  });

  it("malformed percent-encoding is a 400 too; ordinary text passes", () => {
    expect(urlProblem("/usulan", "?q=%E0%A4%A")).toBe(PROBLEMS.malformed);
    expect(urlProblem("/usulan", "?q=air+bersih&stage=DRAF")).toBeNull();
    expect(urlProblem("/usulan", "?q=%25")).toBeNull();
  });
});

describe("originProblem", () => {
  it("the Origin must name this host; a request without Origin passes", () => {
    expect(originProblem("http://localhost:3100", "localhost:3100")).toBeNull();
    expect(originProblem(null, "localhost:3100")).toBeNull();
    expect(originProblem("https://evil.example", "localhost:3100")).toBe(PROBLEMS.foreignOrigin);
    expect(originProblem("null", "localhost:3100")).toBe(PROBLEMS.foreignOrigin);
    expect(originProblem("bukan url", "localhost:3100")).toBe(PROBLEMS.foreignOrigin);
  });
});

describe("server-action payloads", () => {
  it("over 1 MB is a 413", () => {
    expect(declaredSizeProblem(String(1024 * 1024 + 1))).toBe(PROBLEMS.tooLarge);
    expect(declaredSizeProblem(String(1024 * 1024))).toBeNull();
  });

  it("text/plain must be a JSON array of arguments without control characters", () => {
    expect(actionPayloadProblem({ kind: "text", text: '[{"a":1},"$K1"]' })).toBeNull();
    expect(actionPayloadProblem({ kind: "text", text: "sampah" })).toBe(PROBLEMS.malformed);
    expect(actionPayloadProblem({ kind: "text", text: '{"a":1}' })).toBe(PROBLEMS.malformed);
    expect(actionPayloadProblem({ kind: "text", text: '["a\\u0000b"]' })).toBe(PROBLEMS.controlCharacters);
  });

  it("multipart needs the root field 0; text fields without control characters; files are skipped", () => {
    const form = (entries: [string, unknown][]) => ({ kind: "form" as const, fields: entries });
    expect(actionPayloadProblem(form([["0", '["$K1"]'], ["1_nama", "Budi"]]))).toBeNull();
    expect(actionPayloadProblem(form([["1_nama", "Budi"]]))).toBe(PROBLEMS.malformed);
    expect(actionPayloadProblem(form([["0", "tidak json"]]))).toBe(PROBLEMS.malformed);
    expect(actionPayloadProblem(form([["0", '["$K1"]'], ["1_nama", "Bu\u0000di"]]))).toBe(PROBLEMS.controlCharacters);
    expect(actionPayloadProblem(form([["0", '["$K1"]'], ["1_berkas", new Blob(["\u0000"])]]))).toBeNull();
    expect(formFieldsProblem([["nama", "Bu\u0000di"]])).toBe(PROBLEMS.controlCharacters);
    expect(formFieldsProblem([["catatan", "baris\nbaru\tdan tab"]])).toBeNull();
  });
});

describe("list filters never pass control characters to PostgreSQL", () => {
  it("strip them from search text", () => {
    expect(stripControlCharacters("air\u0000bersih")).toBe("air bersih");
    expect(searchTextParam(100).parse("\u0000")).toBeUndefined();
    expect(caseListFilterSchema.parse({ q: "a\u0000b" }).q).toBe("a b");
    expect(userListFilterSchema.parse({ q: "\u0000budi", opdId: "x\u0001" })).toMatchObject({ q: "budi", opdId: "x" });
    expect(opdListFilterSchema.parse({ q: ["dinas\u0000", "lain"] }).q).toBe("dinas");
  });
});

describe("Content-Security-Policy", () => {
  it("nonce-based script policy, no plugins, no base, no framing, forms to self", () => {
    const csp = contentSecurityPolicy("abc123");
    expect(csp).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    for (const d of ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "form-action 'self'"]) expect(csp).toContain(d);
    expect(csp).not.toContain("unsafe-eval");
    expect(contentSecurityPolicy("x", { dev: true })).toContain("'unsafe-eval'");
  });

  it("a fresh 128-bit nonce each time", () => {
    const a = newNonce();
    expect(a).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(newNonce()).not.toBe(a);
  });

  it("the refusal page is Indonesian, escapes nothing unsafe and styles only with the nonce", () => {
    const html = problemPage(PROBLEMS.foreignOrigin, "n0nce");
    expect(html).toContain('<html lang="id">');
    expect(html).toContain("Permintaan ditolak");
    expect(html).toContain('<style nonce="n0nce">');
    expect(html).not.toContain("<script");
  });
});
