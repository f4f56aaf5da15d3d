import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { getDb } from "@/lib/db";
import { addDaysToDate, isoDate, todayInZone } from "@/lib/dates";
import { formatTanggal } from "@/lib/format";
import { reportingFrom } from "@/lib/reports/context";
import { dueWindow, latestPeriodEndedBy, statusOn, type ReportingPeriod } from "@/lib/reports/periods";
import { REPORTED_TYPES } from "@/lib/reports/rules";
import { loadSettings } from "@/lib/settings/load";
import { STAGE_LABELS } from "@/lib/workflow/stages";
import type { CaseKind, Initiator, NotificationKind, Stage } from "@/lib/generated/prisma/enums";
import type { Role } from "@/lib/auth/roles";
import { nextActorRoles } from "./handoff-rules";
import { notificationId, queueEmails } from "./create";
import { emailEnabled } from "./mailer";

/*
 * The reminder sweep (issue 8 §2, domain §6), run by the pg-boss job once a day and by
 * `npm run jobs:reminders`. A reminder tells about a MOMENT — an offset before the end reached, a
 * report becoming due or late, a KB reaching its months without a PKS, a case reaching its waiting
 * days — and is sent only while that moment is at most CATCH_UP_DAYS old. What is older is a state,
 * not news: the dashboard and the register show it (Berakhir ≤ 30 hari, Tanpa Laporan, KB belum
 * ditindaklanjuti, …). So the first sweep on a system that goes live with years of data sends what
 * became due in the last week, not every past offset and period; a sweep that did not run for a few
 * days (server down) catches up on that week; longer gaps are not replayed. In the region's calendar:
 *   AKAN_BERAKHIR          a naskah in force, per the LATEST offset reached (180/90/30/7: a naskah 5 days
 *                          before its end gets only the 7-day one; the 30-day one is never sent after
 *                          it), when that offset was reached within the window (end − offset ≥ today −
 *                          CATCH_UP_DAYS);
 *   LAPORAN_JATUH_TEMPO /  the current period only — the last one whose report has come due — not sent,
 *   LAPORAN_TERLAMBAT      due since (its last day) or late since (the day after the grace days) at most
 *                          CATCH_UP_DAYS ago;
 *   KB_TANPA_PKS           a KB in force with no PKS under it, once: when its kbWithoutPksMonths were
 *                          reached within the window;
 *   TAHAPAN_TERLALU_LAMA   a case before signing, once per stage entry (the key holds stageEnteredAt):
 *                          when its stageWaitDays were reached within the window.
 * Recipients: for an agreement, the OPD's operators and head and Bagian KS (staf and kabag); for a
 * waiting case, whoever must act at its stage (the inbox rules). Active accounts only.
 * Never twice: each reminder (kind × naskah/case × offset/period) is first claimed in the Reminder
 * table and fanned out to its recipients in the SAME transaction, both with ON CONFLICT DO NOTHING on
 * unique keys, claims taken in key order in every instance (two sweeps at once never deadlock) — a
 * second run, or another instance at the same moment (it waits on the key, then skips it), claims
 * nothing and writes no notification or e-mail. Set-based: one statement per batch of candidates.
 */

/** How old a moment may be and still be told (days): a week of missed sweeps is caught up, no more. */
export const CATCH_UP_DAYS = 7;

export type Candidate = {
  kind: NotificationKind;
  /** kind × naskah/case × offset/period: the user's id is appended per recipient. */
  key: string;
  caseId: string;
  agreementId: string | null;
  opdId: string;
  offsetDays: number | null;
  title: string;
  body: string;
  /** Who is told (OPD roles only in the candidate's OPD). */
  roles: Role[];
};

/** Reminders about an agreement go to the OPD (operators and head) and Bagian KS (domain §6). */
const AGREEMENT_ROLES: Role[] = ["OPERATOR_OPD", "KEPALA_OPD", "STAF_KS", "KABAG_KS"];

export type ReminderResult = { today: string; candidates: Record<string, number>; created: number; emailsQueued: number };

const BATCH = 2_000;

/**
 * Claims the candidates in the Reminder table and fans the newly claimed ones out to their
 * recipients, one transaction per batch (a claim never exists without its notifications). Returns
 * the ids of the notifications that are new.
 */
async function insertForRecipients(candidates: Candidate[], now: Date): Promise<string[]> {
  const db = getDb();
  const ids: string[] = [];
  // Claims in one order (by key) in every instance: two sweeps scanning a large table at once get
  // their candidates in different orders (synchronized sequential scans), and opposite insert orders
  // on the unique key can deadlock (seen in the 100k bench: 40P01).
  const ordered = candidates.toSorted((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  for (let i = 0; i < ordered.length; i += BATCH) {
    const chunk = ordered.slice(i, i + BATCH);
    await db.$transaction(async (tx) => {
      const claimed = await tx.$queryRaw<{ key: string }[]>`
        INSERT INTO "Reminder" (key, kind, "caseId", "agreementId", "createdAt")
        SELECT r.key, r.kind::"NotificationKind", r."caseId", r."agreementId", ${now}
          FROM json_to_recordset(${JSON.stringify(chunk.map(({ key, kind, caseId, agreementId }) => ({ key, kind, caseId, agreementId })))}::json)
            AS r(key text, kind text, "caseId" text, "agreementId" text)
        ON CONFLICT DO NOTHING
        RETURNING key`;
      if (claimed.length === 0) return;
      const keys = new Set(claimed.map((c) => c.key));
      const fresh = chunk.filter((c) => keys.has(c.key));
      const rows = await tx.$queryRaw<{ id: string }[]>`
        INSERT INTO "Notification" (id, "userId", "opdId", kind, channel, "caseId", "agreementId", "offsetDays",
                                    "idempotencyKey", title, body, "createdAt")
        SELECT ${notificationId(Prisma.sql`c.key || ':' || u.id`)}, u.id, c."opdId", c.kind::"NotificationKind", 'IN_APP', c."caseId",
               c."agreementId", c."offsetDays", c.key || ':' || u.id, c.title, c.body, ${now}
          FROM json_to_recordset(${JSON.stringify(fresh)}::json)
            AS c(kind text, key text, "caseId" text, "agreementId" text, "opdId" text, "offsetDays" int, title text, body text, roles text[])
          JOIN "User" u ON u.active AND NOT u."isSystem" AND u.role::text = ANY(c.roles)
                       AND (u.role NOT IN ('OPERATOR_OPD', 'KEPALA_OPD') OR u."opdId" = c."opdId")
        ON CONFLICT DO NOTHING
        RETURNING id`;
      for (const r of rows) ids.push(r.id);
    }, { maxWait: 10_000, timeout: 120_000 });
  }
  return ids;
}

const naskahName = (type: string, number: string | null) => (number ? `${type} Nomor ${number}` : type);

async function endingCandidates(day: string, offsets: number[], tz: string): Promise<Candidate[]> {
  if (offsets.length === 0) return [];
  // off: the latest offset reached (the smallest one ≥ the days left); reached on endDate − off.
  const rows = await getDb().$queryRaw<{ id: string; caseId: string; opdId: string; type: string; ourNumber: string | null; title: string; endDate: Date; left: number; off: number }[]>`
    SELECT a.id, a."caseId", a."opdId", a.type::text AS type, a."ourNumber", a.title, a."endDate",
           (a."endDate" - ${day}::date) AS left, o.off
      FROM "Agreement" a
     CROSS JOIN LATERAL (SELECT min(x) AS off FROM unnest(${offsets}::int[]) x WHERE x >= a."endDate" - ${day}::date) o
     WHERE a.status = 'BERLAKU' AND a."deletedAt" IS NULL AND a.type <> 'ADENDUM'
       AND a."endDate" >= ${day}::date AND a."endDate" <= ${day}::date + ${Math.max(...offsets)}::int
       AND a."endDate" - o.off >= ${day}::date - ${CATCH_UP_DAYS}::int`;
  return rows.map((a) => ({
    kind: "AKAN_BERAKHIR", key: `AKAN_BERAKHIR:${a.id}:${a.off}`, caseId: a.caseId, agreementId: a.id, opdId: a.opdId,
    offsetDays: a.off, roles: AGREEMENT_ROLES,
    title: `${naskahName(a.type, a.ourNumber)} berakhir dalam ${a.left} hari`,
    body: `${naskahName(a.type, a.ourNumber)} "${a.title}" berakhir pada ${formatTanggal(a.endDate, tz)}. ` +
      "Jika kerja sama akan dilanjutkan, ajukan perpanjangan melalui SIKERDA sesuai prosedur yang berlaku.",
  }));
}

async function kbCandidates(day: string, months: number, tz: string): Promise<Candidate[]> {
  const rows = await getDb().$queryRaw<{ id: string; caseId: string; opdId: string; ourNumber: string | null; title: string; signedAt: Date }[]>`
    SELECT kb.id, kb."caseId", kb."opdId", kb."ourNumber", kb.title, kb."signedAt"
      FROM "Agreement" kb
     WHERE kb.type = 'KB' AND kb.status = 'BERLAKU' AND kb."deletedAt" IS NULL
       AND kb."signedAt" <= ${day}::date - make_interval(months => ${months}::int)
       AND (kb."signedAt" + make_interval(months => ${months}::int))::date >= ${day}::date - ${CATCH_UP_DAYS}::int
       AND NOT EXISTS (SELECT 1 FROM "Agreement" p WHERE p."parentId" = kb.id AND p.type = 'PKS' AND p."deletedAt" IS NULL
                         AND p.status NOT IN ('BATAL', 'DITOLAK_DPRD'))`;
  return rows.map((kb) => ({
    kind: "KB_TANPA_PKS", key: `KB_TANPA_PKS:${kb.id}:${months}`, caseId: kb.caseId, agreementId: kb.id, opdId: kb.opdId,
    offsetDays: months, roles: AGREEMENT_ROLES,
    title: "Kesepakatan Bersama belum ditindaklanjuti PKS",
    body: `${naskahName("KB", kb.ourNumber)} "${kb.title}" ditandatangani ${formatTanggal(kb.signedAt, tz)} dan belum ` +
      `ditindaklanjuti Perjanjian Kerja Sama setelah ${months} bulan.`,
  }));
}

/** Stages a case can wait in before signing (not the running agreement, adendum or a final stage). */
const WAITING_EXCLUDED = ["PELAKSANAAN", "BERAKHIR", "SELESAI", "DIAKHIRI", "DITOLAK", "BATAL"];

async function stageCandidates(now: Date, days: number, tz: string): Promise<Candidate[]> {
  const before = new Date(now.getTime() - days * 86_400_000);
  const since = new Date(before.getTime() - CATCH_UP_DAYS * 86_400_000);
  const rows = await getDb().$queryRaw<{ id: string; code: string; title: string; opdId: string; stage: Stage; kind: CaseKind; initiator: Initiator; stageEnteredAt: Date }[]>`
    SELECT c.id, c.code, c.title, c."opdId", c.stage, c.kind, c.initiator, c."stageEnteredAt"
      FROM "Case" c
     WHERE c."deletedAt" IS NULL AND c."stageEnteredAt" < ${before} AND c."stageEnteredAt" >= ${since}
       AND c.stage::text NOT IN (${Prisma.join(WAITING_EXCLUDED)}) AND c.stage::text NOT LIKE 'ADENDUM%'`;
  // Told: whoever must act at that stage (the inbox rules), the same people a hand-off told.
  const rolesOf = new Map<string, Role[]>();
  const roles = (c: { stage: Stage; kind: CaseKind; initiator: Initiator }) => {
    const k = `${c.stage}:${c.kind}:${c.initiator}`;
    if (!rolesOf.has(k)) rolesOf.set(k, nextActorRoles(c));
    return rolesOf.get(k)!;
  };
  return rows.filter((c) => roles(c).length > 0).map((c) => ({
    kind: "TAHAPAN_TERLALU_LAMA", key: `TAHAPAN_TERLALU_LAMA:${c.id}:${c.stageEnteredAt.toISOString()}:${days}`, caseId: c.id, agreementId: null,
    opdId: c.opdId, offsetDays: days, roles: roles(c),
    title: `Usulan ${c.code} tertahan lebih dari ${days} hari`,
    body: `Usulan "${c.title}" (${c.code}) berada pada tahapan ${STAGE_LABELS[c.stage as keyof typeof STAGE_LABELS]} ` +
      `sejak ${formatTanggal(c.stageEnteredAt, tz)}.`,
  }));
}

type Running = { id: string; caseId: string; opdId: string; startDate: Date; endDate: Date | null; isArchive: boolean; createdAt: Date };

async function reportCandidates(today: Date, settings: Awaited<ReturnType<typeof loadSettings>>): Promise<Candidate[]> {
  const db = getDb();
  const day = isoDate(today);
  const tz = settings.region.timeZone;
  // Only the columns the calendar needs (every running agreement); names and numbers for the few told.
  const running = await db.$queryRaw<Running[]>`
    SELECT a.id, a."caseId", a."opdId", a."startDate", a."endDate", c."isArchive", c."createdAt"
      FROM "Agreement" a JOIN "Case" c ON c.id = a."caseId"
     WHERE a.status = 'BERLAKU' AND a."deletedAt" IS NULL AND a.type::text IN (${Prisma.join([...REPORTED_TYPES])})
       AND c.stage = 'PELAKSANAAN' AND c."deletedAt" IS NULL AND a."startDate" <= ${day}::date`;
  // The current period: the latest one whose report has come due (its last day has come), due since
  // its last day or late since the day after the grace days at most CATCH_UP_DAYS ago.
  const windowStart = isoDate(addDaysToDate(today, -CATCH_UP_DAYS));
  const due: { a: Running; period: ReportingPeriod; late: boolean }[] = [];
  for (const a of running) {
    // Around today only (lib/reports/periods.ts): the same period as the whole list, 20–40 times cheaper.
    const period = latestPeriodEndedBy(a, settings.monevPeriod, today, { from: reportingFrom(a, tz), openEndedUntil: today });
    if (!period) continue;
    const status = statusOn(period, null, today, settings);
    if (status !== "JATUH_TEMPO" && status !== "TERLAMBAT") continue;
    const late = status === "TERLAMBAT";
    const { dueFrom, dueBy } = dueWindow(period, settings);
    if (isoDate(late ? addDaysToDate(dueBy, 1) : dueFrom) < windowStart) continue;
    due.push({ a, period, late });
  }
  if (due.length === 0) return [];
  const ids = due.map((d) => d.a.id);
  const [sent, names] = await Promise.all([
    db.$queryRaw<{ agreementId: string; periodStart: Date }[]>`
      SELECT r."agreementId", r."periodStart" FROM "MonitoringReport" r
        JOIN unnest(${ids}::text[], ${due.map((d) => d.period.key)}::date[]) AS w(aid, pstart)
          ON r."agreementId" = w.aid AND r."periodStart" = w.pstart
       WHERE r.status <> 'DRAF'`,
    db.$queryRaw<{ id: string; type: string; ourNumber: string | null; title: string }[]>`
      SELECT a.id, a.type::text AS type, a."ourNumber", a.title FROM "Agreement" a WHERE a.id = ANY(${ids}::text[])`,
  ]);
  const done = new Set(sent.map((r) => `${r.agreementId}:${isoDate(r.periodStart)}`));
  const nameOf = new Map(names.map((n) => [n.id, n]));
  const out: Candidate[] = [];
  for (const { a, period, late } of due) {
    if (done.has(`${a.id}:${period.key}`)) continue;
    const { type, ourNumber, title } = nameOf.get(a.id)!;
    const kind: NotificationKind = late ? "LAPORAN_TERLAMBAT" : "LAPORAN_JATUH_TEMPO";
    out.push({
      kind, key: `${kind}:${a.id}:${period.key}`, caseId: a.caseId, agreementId: a.id, opdId: a.opdId, offsetDays: null, roles: AGREEMENT_ROLES,
      title: late ? `Laporan ${period.label} terlambat` : `Laporan ${period.label} jatuh tempo`,
      body: `Laporan pelaksanaan ${naskahName(type, ourNumber)} "${title}" untuk ${period.label} ` +
        (late ? "telah melewati batas waktu dan belum disampaikan." : `jatuh tempo; sampaikan paling lambat ${settings.monevGraceDays} hari setelah periode berakhir.`),
    });
  }
  return out;
}

export async function runReminderSweep({ now }: { now: Date }): Promise<ReminderResult> {
  const db = getDb();
  const settings = await loadSettings(db);
  const tz = settings.region.timeZone;
  const today = todayInZone(now, tz);
  const day = isoDate(today);
  // The four reads at once (each on its own pooled connection).
  const [ending, reports, kbs, waiting] = await Promise.all([
    endingCandidates(day, settings.reminderOffsetsDays, tz),
    reportCandidates(today, settings),
    kbCandidates(day, settings.kbWithoutPksMonths, tz),
    stageCandidates(now, settings.stageWaitDays, tz),
  ]);
  const groups: [string, Candidate[]][] = [
    ["AKAN_BERAKHIR", ending], ["LAPORAN", reports], ["KB_TANPA_PKS", kbs], ["TAHAPAN_TERLALU_LAMA", waiting],
  ];
  const all = groups.flatMap(([, c]) => c);
  const ids = await insertForRecipients(all, now);
  let emailsQueued = 0;
  if (ids.length > 0 && emailEnabled()) {
    for (let i = 0; i < ids.length; i += BATCH) emailsQueued += await db.$transaction((tx) => queueEmails(tx, ids.slice(i, i + BATCH), now));
  }
  return { today: day, candidates: Object.fromEntries(groups.map(([k, c]) => [k, c.length])), created: ids.length, emailsQueued };
}
