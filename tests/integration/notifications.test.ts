import { SMTPServer } from "smtp-server";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { forgetEnv } from "@/lib/env";
import { DomainError } from "@/lib/errors";
import { deliverOutbox } from "@/lib/notifications/outbox";
import { fanOutAllHandoffs, fanOutHandoffs, handoffsSettled } from "@/lib/notifications/handoff";
import * as caseService from "@/lib/cases/service";
import { runReminderSweep } from "@/lib/notifications/reminders";
import { markAllNotificationsRead, markNotificationRead, setEmailPreferences } from "@/lib/notifications/service";
import { unreadCount } from "@/lib/notifications/queries";
import { actor, caseAt, caseRow, draftInput, seedBase, step, upload } from "./helpers/cases";
import { resetDatabase, testPool } from "./helpers/db";
import { activeCase } from "./helpers/reports";
import { createDraft, inbox, NOW, transitionCase } from "./helpers/services";

const USER_KEYS = ["operatorA", "kepalaA", "operatorB", "kepalaB", "staf", "kabag", "tkksd1", "tkksd2", "pimpinan"] as const;

// Hand-off notifications (same transaction as the stage change), the reminder sweep (idempotent,
// also when two instances run it at once) and the e-mail outbox delivered to a real SMTP server
// that this test starts on 127.0.0.1 (smtp-server) — nothing is mocked.

type Received = { from: string; to: string[]; raw: string };
const received: Received[] = [];
const refused = new Set<string>();
const SMTP_PORT = Number(process.env.SIKERDA_TEST_SMTP_PORT ?? 54395);
let smtp: SMTPServer;

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true, disabledCommands: ["STARTTLS"], logger: false,
    onRcptTo(address, _session, callback) {
      if (refused.has(address.address)) return callback(Object.assign(new Error("550 Mailbox unavailable"), { responseCode: 550 }));
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString("utf8"),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    smtp.once("error", reject);
    smtp.listen(SMTP_PORT, "127.0.0.1", () => resolve());
  });
});

afterAll(async () => {
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

function smtpOn(maxAttempts = 3) {
  Object.assign(process.env, {
    SMTP_HOST: "127.0.0.1", SMTP_PORT: String(SMTP_PORT), SMTP_SECURE: "false",
    SMTP_FROM: "SIKERDA Sukamaju <sikerda@sukamaju.go.id>", SMTP_MAX_ATTEMPTS: String(maxAttempts),
  });
  forgetEnv("smtp");
}

beforeEach(async () => {
  await resetDatabase();
  await seedBase();
  received.length = 0;
  refused.clear();
  delete process.env.SMTP_HOST;
  forgetEnv("smtp");
});

afterEach(() => {
  delete process.env.SMTP_HOST;
  forgetEnv("smtp");
});

const notificationsOf = (userId: string) =>
  getDb().notification.findMany({ where: { userId }, orderBy: { createdAt: "asc" } });

describe("hand-off notifications", () => {
  it("the next actor is told in the same transaction as the stage change; nobody else, never the actor", async () => {
    const { id } = await createDraft(actor("operatorA"), draftInput("KSDD"));
    await step(id, "operatorA", "ajukan", {}, ["KAK"]);
    const c = await caseRow(id);
    expect(c.stage).toBe("PERSETUJUAN_OPD");
    const kepala = await notificationsOf("u-kepalaA");
    expect(kepala).toHaveLength(1);
    expect(kepala[0]).toMatchObject({
      kind: "PERLU_TINDAKAN", caseId: id, readAt: null, createdAt: NOW, title: `Usulan ${c.code} menunggu tindakan Anda`,
    });
    expect(kepala[0].body).toContain("Persetujuan Kepala OPD");
    // Another OPD's head, Bagian KS and the operator who submitted hear nothing.
    for (const other of ["u-kepalaB", "u-operatorA", "u-staf", "u-kabag", "u-pimpinan"]) expect(await notificationsOf(other)).toEqual([]);

    // Next hand-offs: whoever's "Perlu Tindakan" lists the case is told, and only they.
    for (const [who, event, docs] of [["kepalaA", "setujui", ["SURAT_INISIASI"]], ["kabag", "lengkap", []]] as const) {
      await step(id, who, event, event === "lengkap" ? { checklistComplete: true } : {}, [...docs]);
      const { version } = await caseRow(id);
      for (const key of USER_KEYS) {
        const waiting = (await inbox(actor(key))).some((item) => item.id === id);
        const told = await getDb().notification.count({ where: { userId: `u-${key}`, idempotencyKey: { startsWith: `PERLU_TINDAKAN:${id}:${version}:` } } });
        // The actor is never told of their own step (the Kabag records "lengkap" and acts next at KAJIAN_TKKSD).
        expect({ key, told }).toEqual({ key, told: waiting && key !== who ? 1 : 0 });
      }
    }
    expect(await getDb().notification.count({ where: { userId: "u-kabag" } })).toBe(1); // VERIFIKASI is the Kabag's
    expect(await getDb().notification.count({ where: { userId: "u-tkksd1" } })).toBe(1); // KAJIAN_TKKSD
  });

  it("a refused or stale transition writes no notification and no hand-off event", async () => {
    const { id } = await createDraft(actor("operatorA"), draftInput("KSDD"));
    await step(id, "operatorA", "ajukan", {}, ["KAK"]);
    const before = await getDb().notification.count();
    const { version } = await caseRow(id);
    const stale = await transitionCase(actor("kepalaA"), id, "setujui", {}, version - 1).catch((e: unknown) => e);
    expect(stale).toBeInstanceOf(DomainError);
    const refused = await transitionCase(actor("kepalaA"), id, "setujui", {}, version).catch((e: unknown) => e); // no Surat Inisiasi
    expect(refused).toMatchObject({ code: "INVALID_TRANSITION" });
    // Five approvals of the same version at once: the losers' transactions find the stage moved (STALE) and roll
    // back, stage update and event together; the winner's one hand-off reaches the Kabag once.
    await upload(id, "SURAT_INISIASI");
    const race = await Promise.allSettled(Array.from({ length: 5 }, () => transitionCase(actor("kepalaA"), id, "setujui", {}, version)));
    expect(race.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await getDb().handoffEvent.count()).toBe(0);
    expect(await getDb().notification.count()).toBe(before + 1);
    expect(await getDb().notification.count({ where: { userId: "u-kabag", caseId: id } })).toBe(1);
  });

  it("the transition commits one hand-off event with the stage change and writes no notification itself; the fan-out after commit does", async () => {
    const { id } = await createDraft(actor("operatorA"), draftInput("KSDD"));
    await upload(id, "KAK");
    const { version } = await caseRow(id);
    // Hold inserts into Notification: a transition that still wrote notifications would wait here.
    const hold = await testPool().connect();
    try {
      await hold.query(`BEGIN`);
      await hold.query(`LOCK TABLE "Notification" IN EXCLUSIVE MODE`);
      const moved = await caseService.transitionCase({ actor: actor("operatorA"), now: NOW, caseId: id, event: "ajukan", input: {}, expectedVersion: version });
      expect(moved).toEqual({ stage: "PERSETUJUAN_OPD", version: version + 1 });
      // Committed with the stage change; the fan-out kicked after commit is waiting for the lock, so its claim is not committed.
      const { rows } = await testPool().query(`SELECT "caseId", version, "fromStage"::text, "toStage"::text, "actorId", "createdAt", roles, "opdRoles" FROM "HandoffEvent"`);
      expect(rows).toEqual([{
        caseId: id, version: version + 1, fromStage: "DRAF", toStage: "PERSETUJUAN_OPD", actorId: "u-operatorA", createdAt: NOW,
        roles: [], opdRoles: ["KEPALA_OPD"],
      }]);
      expect(await getDb().notification.count()).toBe(0);
    } finally {
      await hold.query(`ROLLBACK`);
      hold.release();
    }
    await handoffsSettled();
    expect(await getDb().handoffEvent.count()).toBe(0);
    expect((await notificationsOf("u-kepalaA")).map((n) => [n.caseId, n.createdAt])).toEqual([[id, NOW]]);
  });

  it("events left behind (a stopped process) are delivered by the sweep; two fan-outs at once deliver each notification and e-mail once", async () => {
    smtpOn();
    await getDb().user.update({ where: { id: "u-kepalaA" }, data: { email: "hendra@dinkes.sukamaju.go.id" } });
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const { id } = await createDraft(actor("operatorA"), draftInput("KSDD"));
      await step(id, "operatorA", "ajukan", {}, ["KAK"]);
      ids.push(id);
    }
    const delivered = await getDb().notification.findMany({ select: { userId: true, caseId: true, idempotencyKey: true }, orderBy: { idempotencyKey: "asc" } });
    expect(delivered).toHaveLength(5);
    // As if the process had stopped after its commits: the events are there, the notifications not
    // (the first case's event twice, as after a fan-out that committed but whose claim was lost).
    await testPool().query(`TRUNCATE "EmailOutbox", "Notification"`);
    await testPool().query(
      `INSERT INTO "HandoffEvent" ("caseId", version, "fromStage", "toStage", "actorId", "createdAt", roles, "opdRoles")
       SELECT c.id, c.version, 'DRAF', 'PERSETUJUAN_OPD', 'u-operatorA', $2, '{}', '{KEPALA_OPD}'
         FROM unnest($1::text[]) AS x(id) JOIN "Case" c ON c.id = x.id`,
      [[ids[0], ...ids], NOW],
    );
    const results = await Promise.all([fanOutHandoffs({ limit: 1 }), fanOutHandoffs({ limit: 1 }), fanOutAllHandoffs(), fanOutAllHandoffs()]);
    expect(results.reduce((n, r) => n + r.events, 0)).toBe(6);
    expect(results.reduce((n, r) => n + r.notifications, 0)).toBe(5);
    expect(await getDb().handoffEvent.count()).toBe(0);
    expect(await getDb().notification.findMany({ select: { userId: true, caseId: true, idempotencyKey: true }, orderBy: { idempotencyKey: "asc" } })).toEqual(delivered);
    await Promise.all([deliverOutbox({ now: NOW }), deliverOutbox({ now: NOW })]);
    await deliverOutbox({ now: NOW });
    expect(received.map((m) => m.to)).toEqual(ids.map(() => ["hendra@dinkes.sukamaju.go.id"]));
    expect(await getDb().emailOutbox.count({ where: { status: "TERKIRIM" } })).toBe(5);
  });

  it("the TKKSD members are told when a case reaches their review", async () => {
    await caseAt("KSDD", "KAJIAN_TKKSD");
    expect((await notificationsOf("u-tkksd1")).map((n) => n.kind)).toEqual(["PERLU_TINDAKAN"]);
    expect((await notificationsOf("u-tkksd2")).map((n) => n.kind)).toEqual(["PERLU_TINDAKAN"]);
  });

  it("mark read: only one's own notification (another user's is not found); the unread count follows", async () => {
    const { id } = await createDraft(actor("operatorA"), draftInput("KSDD"));
    await step(id, "operatorA", "ajukan", {}, ["KAK"]);
    const [n] = await notificationsOf("u-kepalaA");
    expect(await unreadCount(actor("kepalaA"))).toBe(1);
    const foreign = await markNotificationRead({ actor: actor("kepalaB"), now: NOW, id: n.id }).catch((e: unknown) => e);
    expect(foreign).toMatchObject({ code: "NOT_FOUND" });
    expect((await getDb().notification.findUniqueOrThrow({ where: { id: n.id } })).readAt).toBeNull();
    await markNotificationRead({ actor: actor("kepalaA"), now: NOW, id: n.id });
    expect((await getDb().notification.findUniqueOrThrow({ where: { id: n.id } })).readAt).toEqual(NOW);
    expect(await markAllNotificationsRead({ actor: actor("kepalaA"), now: NOW })).toBe(0);
  });
});

// The running agreement of activeCase(): PKS 1 April 2026 – 31 March 2029 (OPD A), under a KB; reports
// per triwulan, 10 grace days. 3 January 2029: 87 days left — the 90-day offset was reached on
// 31 December 2028 (3 days ago), and the report of Triwulan IV 2028 has been due since that day.
const NEAR_END = new Date("2029-01-03T03:00:00Z");
const at = (day: string) => new Date(`${day}T03:00:00Z`);

describe("the reminder sweep", () => {
  it("finds an agreement whose offset was just reached and a report just due, for the OPD and Bagian KS; a second run adds nothing", async () => {
    await activeCase();
    const first = await runReminderSweep({ now: NEAR_END });
    expect(first.candidates.AKAN_BERAKHIR).toBe(1);
    expect(first.candidates.LAPORAN).toBe(1);
    expect(first.candidates.KB_TANPA_PKS).toBe(0); // the KB has its PKS
    const rows = await getDb().notification.findMany({ where: { kind: "AKAN_BERAKHIR" }, orderBy: { userId: "asc" } });
    expect(rows.map((r) => r.userId)).toEqual(["u-kabag", "u-kepalaA", "u-operatorA", "u-staf"]);
    // Only the latest offset reached: 90 — never the 180-day one as well.
    expect(rows.map((r) => r.offsetDays)).toEqual([90, 90, 90, 90]);
    expect(rows[0]).toMatchObject({ title: "PKS Nomor 180/020/KS/2026 berakhir dalam 87 hari" });
    expect(rows[0].body).toContain("31 Maret 2029");
    const due = await getDb().notification.findMany({ where: { kind: { in: ["LAPORAN_JATUH_TEMPO", "LAPORAN_TERLAMBAT"] }, userId: "u-operatorA" } });
    expect(due.map((n) => n.title)).toEqual(["Laporan Triwulan IV 2028 jatuh tempo"]);

    expect((await runReminderSweep({ now: NEAR_END })).created).toBe(0);
    // The next days: still the 90-day offset, nothing new; 12 January the report turns late (once).
    expect((await runReminderSweep({ now: at("2029-01-04") })).created).toBe(0);
    await runReminderSweep({ now: at("2029-01-12") });
    expect(await getDb().notification.count({ where: { kind: "LAPORAN_TERLAMBAT" } })).toBe(4);
    expect(await getDb().notification.count({ where: { kind: "AKAN_BERAKHIR" } })).toBe(4);
    // 30 days before the end: the 30-day reminder, once; later sweeps never re-send older offsets.
    await runReminderSweep({ now: at("2029-03-01") });
    expect(await getDb().notification.count({ where: { kind: "AKAN_BERAKHIR", offsetDays: 30 } })).toBe(4);
    expect((await runReminderSweep({ now: at("2029-03-02") })).created).toBe(0);
    const week = await runReminderSweep({ now: at("2029-03-25") });
    expect(await getDb().notification.count({ where: { kind: "AKAN_BERAKHIR", offsetDays: 7 } })).toBe(4);
    expect(week.created).toBe(4);
    expect((await runReminderSweep({ now: at("2029-03-26") })).created).toBe(0);
    expect((await getDb().notification.groupBy({ by: ["offsetDays"], where: { kind: "AKAN_BERAKHIR" }, _count: true }))
      .map((g) => [g.offsetDays, g._count]).sort()).toEqual([[30, 4], [7, 4], [90, 4]]);
  });

  it("the first sweep sends only what is due now: 5 days before the end only the 7-day reminder, no old period, no old offset", async () => {
    await activeCase();
    // Going live on 26 March 2029: the 180/90/30-day offsets and the late Triwulan IV 2028 report are
    // old news (the dashboard shows them); the 7-day offset was reached two days ago.
    const first = await runReminderSweep({ now: at("2029-03-26") });
    const rows = await getDb().notification.findMany({ where: { kind: { not: "PERLU_TINDAKAN" } }, select: { kind: true, offsetDays: true, title: true } });
    expect(rows).toHaveLength(4);
    expect(rows.every((r) => r.kind === "AKAN_BERAKHIR" && r.offsetDays === 7 && r.title.endsWith("berakhir dalam 5 hari"))).toBe(true);
    expect(first.created).toBe(4);
    // The following days: nothing (the 7-day reminder is claimed; older offsets are never sent).
    expect((await runReminderSweep({ now: at("2029-03-27") })).created).toBe(0);
    expect((await runReminderSweep({ now: at("2029-03-30") })).created).toBe(0);
  });

  it("an offset reached more than a week before the first sweep is not sent (100 days left: the 180-day offset is old news)", async () => {
    await activeCase();
    const result = await runReminderSweep({ now: at("2028-12-21") }); // 100 days left, 180 reached 3 October 2028
    expect(result.candidates.AKAN_BERAKHIR).toBe(0);
    expect(await getDb().notification.count({ where: { kind: "AKAN_BERAKHIR" } })).toBe(0);
  });

  it("two instances sweeping at the same moment create each reminder once", async () => {
    await activeCase();
    const results = await Promise.all([runReminderSweep({ now: NEAR_END }), runReminderSweep({ now: NEAR_END }), runReminderSweep({ now: NEAR_END })]);
    const total = await getDb().notification.count({ where: { kind: { in: ["AKAN_BERAKHIR", "LAPORAN_JATUH_TEMPO"] } } });
    expect(results.reduce((s, r) => s + r.created, 0)).toBe(total);
    expect(total).toBe(8);
  });

  it("a case waiting too long in one stage (once per stage entry), and a KB without a PKS after the configured months (once)", async () => {
    const id = await caseAt("KSDD", "PENYUSUNAN_PKS"); // KB signed 2 February 2026, no PKS yet
    const stuck = await createDraft(actor("operatorB"), draftInput("KSDD"));
    await step(stuck.id, "operatorB", "ajukan", {}, ["KAK"]); // waits for Kepala OPD B from NOW (15 June 2026)
    // 1 July: 14 days of waiting were reached on 29 June.
    const july = await runReminderSweep({ now: at("2026-07-01") });
    expect(july.candidates.KB_TANPA_PKS).toBe(0); // 6 months are reached only on 2 August
    const waiting = await getDb().notification.findMany({ where: { kind: "TAHAPAN_TERLALU_LAMA", caseId: stuck.id }, select: { userId: true } });
    expect(waiting.map((n) => n.userId).sort()).toEqual(["u-kepalaB"]); // whoever must act: the Kepala OPD B
    expect((await runReminderSweep({ now: at("2026-07-03") })).created).toBe(0);
    // 5 August: the KB's 6 months were reached on 2 August; the waiting case is not told again.
    const august = await runReminderSweep({ now: at("2026-08-05") });
    expect(august.candidates.KB_TANPA_PKS).toBe(1);
    expect(august.candidates.TAHAPAN_TERLALU_LAMA).toBe(0);
    const kb = await getDb().notification.findMany({ where: { kind: "KB_TANPA_PKS" }, select: { userId: true, caseId: true } });
    expect(kb.map((n) => n.userId).sort()).toEqual(["u-kabag", "u-kepalaA", "u-operatorA", "u-staf"]);
    expect(kb.every((n) => n.caseId === id)).toBe(true);
    expect((await runReminderSweep({ now: at("2026-08-05") })).created).toBe(0);
    expect((await runReminderSweep({ now: at("2026-08-20") })).created).toBe(0); // the KB: once
    expect(await getDb().notification.count({ where: { kind: "TAHAPAN_TERLALU_LAMA", caseId: stuck.id } })).toBe(1);
  });
});

describe("e-mail over SMTP", () => {
  it("the reminder job run twice sends each e-mail once, to the users who want it", async () => {
    smtpOn();
    await getDb().user.update({ where: { id: "u-operatorA" }, data: { email: "rina@dinkes.sukamaju.go.id" } });
    await getDb().user.update({ where: { id: "u-kabag" }, data: { email: "yusuf@setda.sukamaju.go.id" } });
    await getDb().user.update({ where: { id: "u-staf" }, data: { email: "dewi@setda.sukamaju.go.id" } });
    await activeCase();
    // Kabag wants no "ending" e-mails (Akun Saya); the in-app notification still comes.
    await setEmailPreferences({ actor: actor("kabag"), now: NOW, wanted: { LAPORAN_JATUH_TEMPO: true } });
    await getDb().emailOutbox.deleteMany(); // the hand-offs of activeCase(): not this test's subject
    received.length = 0;

    for (let run = 0; run < 2; run++) {
      await runReminderSweep({ now: NEAR_END });
      await deliverOutbox({ now: NEAR_END });
    }
    const ending = received.filter((m) => m.raw.includes("berakhir dalam 87 hari"));
    expect(ending.map((m) => m.to).sort()).toEqual([["dewi@setda.sukamaju.go.id"], ["rina@dinkes.sukamaju.go.id"]]);
    const toRina = ending.find((m) => m.to[0] === "rina@dinkes.sukamaju.go.id")!;
    expect(toRina.from).toBe("sikerda@sukamaju.go.id");
    expect(toRina.raw).toMatch(/^Subject: \[SIKERDA\] PKS Nomor 180\/020\/KS\/2026 berakhir dalam 87 hari/m);
    expect(toRina.raw).toContain("31 Maret 2029");
    const lateMails = received.filter((m) => m.raw.includes("Triwulan IV 2028"));
    expect(lateMails.map((m) => m.to[0]).sort()).toEqual(["dewi@setda.sukamaju.go.id", "rina@dinkes.sukamaju.go.id", "yusuf@setda.sukamaju.go.id"]);
    expect(received).toHaveLength(5);
    expect(await getDb().emailOutbox.count({ where: { status: "TERKIRIM" } })).toBe(5);
    expect(await getDb().notification.count({ where: { kind: "AKAN_BERAKHIR", userId: "u-kabag" } })).toBe(1);
  });

  it("a refused address is retried later and marked failed with the server's reason after the last attempt", async () => {
    smtpOn(2);
    await getDb().user.update({ where: { id: "u-kepalaA" }, data: { email: "hendra@dinkes.sukamaju.go.id" } });
    refused.add("hendra@dinkes.sukamaju.go.id");
    const { id } = await createDraft(actor("operatorA"), draftInput("KSDD"));
    await step(id, "operatorA", "ajukan", {}, ["KAK"]); // hand-off to Kepala OPD A, queued in the same transaction
    const [queued] = await getDb().emailOutbox.findMany();
    expect(queued).toMatchObject({ status: "MENUNGGU", attempts: 0, toAddress: "hendra@dinkes.sukamaju.go.id" });

    expect(await deliverOutbox({ now: NOW })).toEqual({ sent: 0, retried: 1, failed: 0 });
    const retry = await getDb().emailOutbox.findUniqueOrThrow({ where: { id: queued.id } });
    expect(retry.status).toBe("MENUNGGU");
    expect(retry.lastError).toContain("550");
    expect(retry.nextAttemptAt.getTime()).toBe(NOW.getTime() + 60_000);
    // Not yet due: nothing is tried.
    expect(await deliverOutbox({ now: NOW })).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(await deliverOutbox({ now: new Date(NOW.getTime() + 61_000) })).toEqual({ sent: 0, retried: 0, failed: 1 });
    const failed = await getDb().emailOutbox.findUniqueOrThrow({ where: { id: queued.id } });
    expect(failed).toMatchObject({ status: "GAGAL", attempts: 2 });
    expect(failed.lastError).toContain("Mailbox unavailable");
    expect(received).toHaveLength(0);
  });

  it("with no SMTP configured, e-mail is off: notifications only, no outbox rows", async () => {
    await getDb().user.update({ where: { id: "u-kepalaA" }, data: { email: "hendra@dinkes.sukamaju.go.id" } });
    const { id } = await createDraft(actor("operatorA"), draftInput("KSDD"));
    await step(id, "operatorA", "ajukan", {}, ["KAK"]);
    expect(await getDb().notification.count({ where: { userId: "u-kepalaA" } })).toBe(1);
    expect(await getDb().emailOutbox.count()).toBe(0);
    expect(await deliverOutbox({ now: NOW })).toEqual({ sent: 0, retried: 0, failed: 0 });
  });
});
