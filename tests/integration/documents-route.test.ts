import { NextRequest } from "next/server";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/lib/db";
import { deleteObject } from "@/lib/storage";
import type { CurrentUser } from "@/lib/auth/session";
import { resetDatabase } from "./helpers/db";
import { STORAGE_KINDS, useTestStorage, type TestStorage } from "./helpers/storage";

// The document route handlers on real PostgreSQL and storage — both backends (local disk and an
// S3-compatible bucket, helpers/storage.ts). Only the session is replaced (the sign-in cookie
// machinery is covered by the e2e tests); authorization runs for real.
const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => session.user }));

const { POST } = await import("@/app/api/dokumen/route");
const { GET } = await import("@/app/api/dokumen/[id]/route");

const OPD_A = "opd-a";
const OPD_B = "opd-b";
const operator = (id: string, opdId: string): CurrentUser => ({
  id, username: id, fullName: id, role: "OPERATOR_OPD", opdId, opdName: null,
});
const opA = operator("u-a", OPD_A);
const opB = operator("u-b", OPD_B);
const HOST = "sikerda.test";

describe.each(STORAGE_KINDS)("document routes on %s storage", (kind) => {
  let store: TestStorage;
  beforeAll(async () => {
    store = await useTestStorage(kind);
  });
  afterAll(async () => {
    await store.stop();
  });

  beforeEach(async () => {
    await resetDatabase();
    await store.clear();
    session.user = opA;
    const db = getDb();
    await db.opd.createMany({ data: [{ id: OPD_A, name: "Dinas A", shortName: "A" }, { id: OPD_B, name: "Dinas B", shortName: "B" }] });
    await db.user.createMany({
      data: [opA, opB].map((u) => ({ id: u.id, username: u.id, fullName: u.id, role: u.role, opdId: u.opdId, passwordHash: "x" })),
    });
    await db.case.create({ data: { id: "c1", code: "KS-1", title: "Uji", kind: "KSDD", opdId: OPD_A, createdById: opA.id } });
  });

  const PDF = new TextEncoder().encode("%PDF-1.7\n% isi uji\n");

  function post(body: Uint8Array<ArrayBuffer>, headers: Record<string, string> = {}, query = "caseId=c1&type=KAK&name=Kerangka%20Acuan.pdf") {
    return POST(
      new NextRequest(`http://${HOST}/api/dokumen?${query}`, {
        method: "POST",
        body: new Blob([body]).stream(),
        duplex: "half",
        headers: { host: HOST, "x-sikerda-upload": "1", "content-type": "application/pdf", "content-length": String(body.byteLength), ...headers },
      } as RequestInit & { duplex: "half" } as never),
    );
  }

  const get = (id: string, query = "") =>
    GET(new NextRequest(`http://${HOST}/api/dokumen/${id}${query}`, { headers: { host: HOST } }), { params: Promise.resolve({ id }) });

  describe("POST /api/dokumen", () => {
    it("answers 401 without a session, 403 without the upload header or from another origin", async () => {
      session.user = null;
      expect((await post(PDF)).status).toBe(401);
      session.user = opA;
      expect((await post(PDF, { "x-sikerda-upload": "" })).status).toBe(403);
      const cross = await post(PDF, { origin: "https://evil.example" });
      expect(cross.status).toBe(403);
      expect(await cross.json()).toEqual({ message: "Permintaan dari situs lain ditolak." });
      expect(await getDb().document.count()).toBe(0);
      expect(await store.leftovers()).toEqual([]);
    });

    it("stores the streamed body (201) and maps domain errors to 404/400/413", async () => {
      const created = await post(PDF, { origin: `http://${HOST}` });
      expect(created.status).toBe(201);
      expect(await created.json()).toMatchObject({ version: 1, type: "KAK", locked: false });
      session.user = opB;
      expect((await post(PDF)).status).toBe(404);
      session.user = opA;
      const wrong = await post(new TextEncoder().encode("MZ\x90\x00"));
      expect(wrong.status).toBe(400);
      expect((await wrong.json()).message).toMatch(/isi berkas diperiksa/);
      expect((await post(PDF, { "content-length": String(20 * 1024 * 1024 + 1) })).status).toBe(413);
    });
  });

  describe("GET /api/dokumen/[id]", () => {
    it("streams the file with safe headers to the OPD, 404 to another OPD", async () => {
      const { id } = await (await post(PDF)).json();
      const res = await get(id);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("application/pdf");
      expect(res.headers.get("content-disposition")).toBe("attachment; filename*=UTF-8''Kerangka%20Acuan.pdf");
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(res.headers.get("cache-control")).toBe("private, no-store");
      expect(res.headers.get("content-security-policy")).toBe("sandbox; default-src 'none'; frame-ancestors 'none'");
      expect(new Uint8Array(await res.arrayBuffer())).toEqual(PDF);
      // The preview: the same file and the same authorization, inline, framable by SIKERDA only.
      const preview = await get(id, "?tampil=1");
      expect(preview.headers.get("content-disposition")).toBe("inline; filename*=UTF-8''Kerangka%20Acuan.pdf");
      expect(preview.headers.get("content-security-policy")).toBe("sandbox; default-src 'none'; frame-ancestors 'self'");
      expect(new Uint8Array(await preview.arrayBuffer())).toEqual(PDF);
      session.user = opB;
      expect((await get(id)).status).toBe(404);
      expect((await get(id, "?tampil=1")).status).toBe(404);
      expect((await get("tidak-ada")).status).toBe(404);
      session.user = null;
      expect((await get(id)).status).toBe(401);
      expect((await get(id, "?tampil=1")).status).toBe(401);
    });

    it("answers 404 (and logs) when the row's file is missing from storage", async () => {
      const { id } = await (await post(PDF)).json();
      const { storageKey } = await getDb().document.findUniqueOrThrow({ where: { id } });
      await deleteObject(storageKey);
      const errors = vi.spyOn(console, "error").mockImplementation(() => {});
      const res = await get(id);
      expect(res.status).toBe(404);
      expect(await res.json()).toEqual({ message: "Berkas dokumen tidak tersedia di penyimpanan." });
      expect(errors).toHaveBeenCalledWith(expect.stringContaining(storageKey));
      errors.mockRestore();
    });
  });
});
