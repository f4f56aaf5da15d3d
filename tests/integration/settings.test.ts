// The settings page's service (lib/settings/update.ts) on real PostgreSQL: who may save which group,
// the optimistic lock, one audit row per changed key with the old and the new value, the history
// the page lists — and that the rest of the application USES each changed setting on its next read
// (monev periods, a workflow guard, "today" in the region's zone, the register's "akan berakhir",
// the second factor at sign-in).
import { parseWithZod } from "@conform-to/zod/v4";
import { beforeEach, describe, expect, it } from "vitest";
import { loadSession } from "@/lib/auth/session";
import { signInWithPassword } from "@/lib/auth/sign-in";
import type { CurrentUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { registerFilterSchema } from "@/lib/register/filters";
import { listRegister } from "@/lib/register/queries";
import { getReportTimeline } from "@/lib/reports/queries";
import { DEFAULT_SETTINGS } from "@/lib/settings/defaults";
import { GROUP_SCHEMAS, type GroupInput, type SettingGroup } from "@/lib/settings/groups";
import { listSettingsHistory } from "@/lib/settings/history";
import { loadSettings } from "@/lib/settings/load";
import { groupVersion, saveSettingsGroup } from "@/lib/settings/update";
import { createUser, ctx } from "./helpers/auth";
import { actor, draftInput, expectRefused, OPD_A, PARTNER_PEMDA, seedBase, step, type UserKey } from "./helpers/cases";
import { resetDatabase } from "./helpers/db";
import { seedRegisterWorld } from "./helpers/register";
import { activeCase, withTemporaryStorage } from "./helpers/reports";
import { createDraft, NOW } from "./helpers/services";

withTemporaryStorage();

const ADMIN: CurrentUser = { id: "u-admin", username: "admin", fullName: "Administrator Sistem", role: "ADMIN", opdId: null, opdName: null };
const who = (k: UserKey | "admin") => (k === "admin" ? ADMIN : actor(k));

beforeEach(async () => {
  await resetDatabase();
  await seedBase();
  await getDb().user.create({ data: { id: ADMIN.id, username: ADMIN.username, fullName: ADMIN.fullName, role: "ADMIN", passwordHash: "x" } });
});

/** The group's form as the browser posts it, parsed exactly as formAction does (conform + zod). */
function form<G extends SettingGroup>(group: G, fields: Record<string, string | string[]>) {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const one of [v].flat()) fd.append(k, one);
  return parseWithZod(fd, { schema: GROUP_SCHEMAS[group] });
}

/** Saves a group through the form schema with the version read now, as the page would. */
async function save<G extends SettingGroup>(group: G, fields: Record<string, string | string[]>, by: UserKey | "admin" = "kabag", now = NOW) {
  const versi = String(await groupVersion(getDb(), group));
  const submission = form(group, { versi, ...fields });
  if (submission.status !== "success") throw new Error(`form invalid: ${JSON.stringify(submission.reply().error)}`);
  return saveSettingsGroup({ actor: who(by), now, group, input: submission.value as GroupInput<G> });
}

const MONEV = {
  reminderOffsetsDays: "180, 90, 30, 7", endingSoonDays: "90", monevPeriod: "TRIWULAN", monevGraceDays: "10",
  monevFinalReportDays: "30", kbWithoutPksMonths: "6", stageWaitDays: "14",
};
/** The KSDD required-documents form as the page shows it (every stage's ticked boxes), with `over` changed. */
const ksddDocs = (over: Record<string, string[]> = {}) => ({
  jenis: "KSDD",
  ...Object.fromEntries(Object.entries({ ...DEFAULT_SETTINGS.requiredDocuments.KSDD, ...over }).map(([stage, types]) => [`dokumen.${stage}`, types ?? []])),
});
const REGION = { regionName: "Kabupaten Sukamaju", regionLevel: "KABUPATEN", headTitle: "Bupati", timeZone: "Asia/Jakarta" };

async function refused(run: () => Promise<unknown>, code: string): Promise<DomainError> {
  const before = { settings: await getDb().setting.findMany({ orderBy: { key: "asc" } }), audit: await getDb().auditEvent.count() };
  const error = await run().then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(DomainError);
  expect((error as DomainError).code).toBe(code);
  expect({ settings: await getDb().setting.findMany({ orderBy: { key: "asc" } }), audit: await getDb().auditEvent.count() }).toEqual(before);
  return error as DomainError;
}

describe("validation: every group refuses bad input with Indonesian messages, all at once", () => {
  const errorsOf = (group: SettingGroup, fields: Record<string, string | string[]>) => form(group, { versi: "0", ...fields }).reply().error;

  it("profil daerah", () => {
    expect(errorsOf("wilayah", { regionName: "", regionLevel: "DESA", headTitle: "B", timeZone: "Asia/Tokyo" })).toEqual({
      regionName: ["Nama daerah wajib diisi"],
      regionLevel: ["Tingkat daerah tidak dikenal"],
      headTitle: ["Sebutan Kepala Daerah minimal 3 karakter"],
      timeZone: ["Zona waktu tidak dikenal"],
    });
  });

  it("pengingat dan pemantauan", () => {
    expect(errorsOf("pemantauan", { ...MONEV, reminderOffsetsDays: "90, 30, 90", endingSoonDays: "0", monevPeriod: "MINGGUAN", monevGraceDays: "2,5", kbWithoutPksMonths: "" })).toEqual({
      reminderOffsetsDays: ["Jarak pengingat tidak boleh berulang"],
      endingSoonDays: ["Batas \"Akan Berakhir\" minimal 1"],
      monevPeriod: ["Periode laporan tidak dikenal"],
      monevGraceDays: ["Tenggang laporan berkala harus berupa bilangan bulat"],
      kbWithoutPksMonths: ["Batas KB tanpa PKS wajib diisi"],
    });
    expect(errorsOf("pemantauan", { ...MONEV, reminderOffsetsDays: "tiga bulan" })).toEqual({
      reminderOffsetsDays: ["Jarak pengingat berupa bilangan hari dipisah koma, mis. 180, 90, 30, 7"],
    });
    expect(errorsOf("pemantauan", { ...MONEV, reminderOffsetsDays: "0, 30" })).toEqual({
      reminderOffsetsDays: ["Setiap jarak pengingat 1 sampai 1095 hari"],
    });
    // Accepted offsets are stored largest first.
    const ok = form("pemantauan", { versi: "0", ...MONEV, reminderOffsetsDays: "7,30 , 180" });
    expect(ok.status === "success" && (ok.value as GroupInput<"pemantauan">).reminderOffsetsDays).toEqual([180, 30, 7]);
  });

  it("aturan naskah: PKS years bounded, the DPRD deadline optional (empty = none)", () => {
    expect(errorsOf("naskah", { pksMaxYears: "31", dprdResponseDays: "0", ptnBhKind: "PTS" })).toEqual({
      pksMaxYears: ["Jangka waktu PKS terlama maksimal 30"],
      dprdResponseDays: ["Batas jawaban DPRD minimal 1"],
      ptnBhKind: ["Jenis kerja sama PTN-BH tidak dikenal"],
    });
    const ok = form("naskah", { versi: "0", pksMaxYears: "5", ptnBhKind: "SINERGI" });
    expect(ok.status === "success" && ok.value).toMatchObject({ dprdResponseDays: null, ksdpkDprdFollowsQuestions: false, ptnBhKind: "SINERGI" });
  });

  it("pola nomor: must hold {urut} and only the known tokens", () => {
    const p = "{klasifikasi}/{urut}/{unit}/{tahun}";
    expect(errorsOf("nomor", { KB: "{klasifikasi}/{tahun}", PKS: "{urut}/{bulan}", NK: p, MOU: p, ADENDUM: "" })).toEqual({
      KB: ["Pola nomor KB harus memuat {urut}"],
      PKS: ["Pola nomor PKS hanya boleh memuat penanda {klasifikasi} {urut} {unit} {tahun}"],
      ADENDUM: ["Pola nomor Adendum wajib diisi"],
    });
  });

  it("dokumen wajib: only a document that can be uploaded in the stage can be required", () => {
    expect(errorsOf("dokumen", { jenis: "KSDD", "dokumen.DRAF": ["KAK", "PKS_DITANDATANGANI"] })).toEqual({
      "dokumen.DRAF": ["Dokumen ini tidak dapat diunggah pada tahapan tersebut, sehingga tidak dapat diwajibkan"],
    });
    expect(errorsOf("dokumen", { jenis: "SINERGI", "dokumen.PENAWARAN": "SURAT_PENAWARAN" })).toEqual({
      dokumen: ["Tahapan tidak dikenal untuk jenis ini. Muat ulang halaman."],
    });
  });
});

describe("saving: permission, optimistic lock, audit with old and new values, history", () => {
  it("records who, when, the old and the new value of each changed key; an unchanged save writes nothing", async () => {
    const at = new Date("2026-06-15T04:30:00Z");
    const result = await save("pemantauan", { ...MONEV, monevPeriod: "SEMESTER", endingSoonDays: "60" }, "kabag", at);
    expect(result.changed.sort()).toEqual(["endingSoonDays", "monevPeriod"]);
    const rows = await getDb().auditEvent.findMany({ where: { action: "settings.update" }, orderBy: { entityId: "asc" } });
    expect(rows.map((r) => ({ actorId: r.actorId, entity: r.entity, key: r.entityId, data: r.data, at: r.createdAt }))).toEqual([
      { actorId: "u-kabag", entity: "Setting", key: "endingSoonDays", data: { group: "pemantauan", old: 90, new: 60 }, at },
      { actorId: "u-kabag", entity: "Setting", key: "monevPeriod", data: { group: "pemantauan", old: "TRIWULAN", new: "SEMESTER" }, at },
    ]);
    expect(await getDb().setting.findUnique({ where: { key: "monevPeriod" } })).toMatchObject({ value: "SEMESTER", version: 1, updatedById: "u-kabag" });
    expect(await getDb().setting.findUnique({ where: { key: "monevGraceDays" } })).toBeNull();

    expect((await save("pemantauan", { ...MONEV, monevPeriod: "SEMESTER", endingSoonDays: "60" })).changed).toEqual([]);
    expect(await getDb().auditEvent.count({ where: { action: "settings.update" } })).toBe(2);

    await save("dokumen", ksddDocs({ DRAF: ["KAK", "SK_PPKSD"] }), "kabag", new Date("2026-06-15T05:00:00Z"));
    const history = await listSettingsHistory(getDb());
    expect(history[0]).toMatchObject({
      actorName: "Drs. Yusuf Hidayat, M.Si.",
      changes: [{ label: "Dokumen wajib KSDD — Draf Usulan", before: "Kerangka Acuan Kerja (KAK)", after: "Kerangka Acuan Kerja (KAK); SK Penunjukan PPKSD" }],
    });
    expect(history.slice(1).flatMap((h) => h.changes).sort((a, b) => a.label.localeCompare(b.label))).toEqual([
      { label: "Batas \"Akan Berakhir\" (hari)", before: "90", after: "60" },
      { label: "Periode laporan", before: "Triwulan", after: "Semester" },
    ]);
    // The other jenis keep their defaults: the form edits one jenis of the one row.
    expect((await loadSettings(getDb())).requiredDocuments.KSDPK?.DRAF).toEqual(["KAK", "STUDI_KELAYAKAN"]);
    expect((await loadSettings(getDb())).requiredDocuments.KSDD).toEqual({ ...DEFAULT_SETTINGS.requiredDocuments.KSDD, DRAF: ["KAK", "SK_PPKSD"] });
  });

  it("a save from a page read before another save is STALE and changes nothing", async () => {
    const stale = String(await groupVersion(getDb(), "wilayah"));
    await save("wilayah", { ...REGION, regionName: "Kota Sukamaju", regionLevel: "KOTA", headTitle: "Wali Kota" });
    const submission = form("wilayah", { versi: stale, ...REGION, regionName: "Kabupaten Lain" });
    if (submission.status !== "success") throw new Error("valid form expected");
    await refused(() => saveSettingsGroup({ actor: actor("kabag"), now: NOW, group: "wilayah", input: submission.value as GroupInput<"wilayah"> }), "STALE");
    expect((await loadSettings(getDb())).region).toMatchObject({ name: "Kota Sukamaju", headTitle: "Wali Kota" });
  });

  it("20 saves at once from the same page version: exactly one is kept, 19 are STALE, one audit row", async () => {
    const versi = String(await groupVersion(getDb(), "naskah"));
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) => {
        const submission = form("naskah", { versi, pksMaxYears: "5", dprdResponseDays: String(30 + i), ksdpkDprdFollowsQuestions: "on", ptnBhKind: "KSDPK" });
        if (submission.status !== "success") throw new Error("valid form expected");
        return saveSettingsGroup({ actor: actor("kabag"), now: NOW, group: "naskah", input: submission.value as GroupInput<"naskah"> });
      }),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refusals = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(refusals.map((r) => (r.reason as DomainError).code)).toEqual(Array(19).fill("STALE"));
    expect(await getDb().auditEvent.count({ where: { action: "settings.update", entityId: "dprdResponseDays" } })).toBe(1);
    expect(await getDb().setting.findUnique({ where: { key: "dprdResponseDays" } })).toMatchObject({ version: 1 });
  });

  it("rule groups are the Kepala Bagian's; the region and sign-in groups also the Administrator's; nobody else's", async () => {
    for (const k of ["operatorA", "kepalaA", "staf", "tkksd1", "pimpinan", "admin"] as const) {
      await refused(() => save("pemantauan", { ...MONEV, endingSoonDays: "30" }, k), "FORBIDDEN");
      await refused(() => save("dokumen", { jenis: "KSDD", "dokumen.DRAF": [] }, k), "FORBIDDEN");
    }
    for (const k of ["operatorA", "staf", "pimpinan"] as const) {
      await refused(() => save("wilayah", { ...REGION, regionName: "Kabupaten Lain" }, k), "FORBIDDEN");
      await refused(() => save("keamanan", { requireSecondFactor: "on" }, k), "FORBIDDEN");
    }
    expect((await save("wilayah", { ...REGION, timeZone: "Asia/Makassar" }, "admin")).changed).toEqual(["region"]);
    expect((await save("keamanan", {}, "admin")).changed).toEqual(["security"]);
  });
});

describe("a changed setting changes what the application does (read on the next request)", () => {
  it("monev period: the periods of an agreement become semesters", async () => {
    const id = await activeCase();
    const oct5 = new Date("2026-10-05T03:00:00Z");
    const labels = async () => (await getReportTimeline(actor("operatorA"), id, oct5))!.entries.slice(0, 2).map((e) => e.period.label);
    expect(await labels()).toEqual(["Triwulan II 2026", "Triwulan III 2026"]);
    await save("pemantauan", { ...MONEV, monevPeriod: "SEMESTER" });
    expect(await labels()).toEqual(["Semester I 2026", "Semester II 2026"]);
  });

  it("required documents: a document added to DRAF blocks submission; with none required a draft is submitted without any", async () => {
    const { id } = await createDraft(actor("operatorA"), draftInput("KSDD"));
    await save("dokumen", ksddDocs({ DRAF: ["KAK", "SK_PPKSD"] }));
    const e = await expectRefused(id, () => step(id, "operatorA", "ajukan", {}, ["KAK"]), "INVALID_TRANSITION", "DOCUMENTS_MISSING");
    expect(e.missing).toEqual(["SK_PPKSD"]);

    const { id: other } = await createDraft(actor("operatorA"), draftInput("KSDD"));
    await save("dokumen", ksddDocs({ DRAF: [] }));
    await step(other, "operatorA", "ajukan");
    expect((await getDb().case.findUniqueOrThrow({ where: { id: other } })).stage).toBe("PERSETUJUAN_OPD");
  });

  it("region time zone: 'today' moves to the next day in WIT, so an agreement ending today has ended", async () => {
    // 15 June 2026 23.30 WIB = 16 June 2026 01.30 WIT.
    const now = new Date("2026-06-15T16:30:00Z");
    await seedRegisterWorld([{
      id: "c-hari-ini", opd: OPD_A, kind: "KSDD", stage: "PELAKSANAAN", partner: PARTNER_PEMDA, updated: "2026-06-01",
      title: "Kerja Sama yang Berakhir 15 Juni",
      naskah: [{ type: "PKS", status: "BERLAKU", our: "180/1/KS/2024", signed: "2024-06-16", start: "2024-06-16", end: "2026-06-15" }],
    }]);
    const status = async () => {
      const page = await listRegister(actor("kabag"), registerFilterSchema.parse({}), now);
      return { today: page.context.today.toISOString().slice(0, 10), ids: (await listRegister(actor("kabag"), registerFilterSchema.parse({ status: "BERAKHIR" }), now)).items.map((r) => r.id) };
    };
    expect(await status()).toEqual({ today: "2026-06-15", ids: [] });
    await save("wilayah", { ...REGION, timeZone: "Asia/Jayapura" });
    expect(await status()).toEqual({ today: "2026-06-16", ids: ["c-hari-ini"] });
  });

  it("ending-soon days: the register's 'Akan Berakhir' follows the saved window", async () => {
    await seedRegisterWorld([{
      id: "c-60", opd: OPD_A, kind: "KSDD", stage: "PELAKSANAAN", partner: PARTNER_PEMDA, updated: "2026-06-01", title: "Berakhir dalam 60 hari",
      naskah: [{ type: "PKS", status: "BERLAKU", our: "180/2/KS/2024", signed: "2024-01-01", start: "2024-01-01", end: "2026-08-14" }],
    }]);
    const soon = async () => (await listRegister(actor("kabag"), registerFilterSchema.parse({ status: "AKAN_BERAKHIR" }), NOW)).items.map((r) => r.id);
    expect(await soon()).toEqual(["c-60"]);
    await save("pemantauan", { ...MONEV, endingSoonDays: "30" });
    expect(await soon()).toEqual([]);
    await save("pemantauan", { ...MONEV, endingSoonDays: "60" });
    expect(await soon()).toEqual(["c-60"]);
  });

  it("second factor: switched on, a Kepala Bagian without one must enrol before anything else", async () => {
    await createUser("u-kabag2", "kabag.dua", "KABAG_KS");
    await save("keamanan", {}); // off
    const t = new Date("2026-06-15T03:00:00Z");
    const outcome = await signInWithPassword({ username: "kabag.dua", password: "Kerja-Sama-Daerah-2026" }, ctx(t, "198.51.100.7"));
    if (outcome.kind !== "signed-in") throw new Error(`expected signed-in, got ${outcome.kind}`);
    expect((await loadSession(outcome.sessionId, t, 30))?.pending).toBeNull();
    await save("keamanan", { requireSecondFactor: "on" });
    expect((await loadSession(outcome.sessionId, t, 30))?.pending).toBe("enrol-second-factor");
  });
});
