import "server-only";
import { parseWithZod } from "@conform-to/zod/v4";
import { can } from "@/lib/auth/policy";
import type { CurrentUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import type { PartnerClass, UniversityStatus } from "@/lib/generated/prisma/enums";
import { loadSettings } from "@/lib/settings/load";
import type { Settings } from "@/lib/settings/defaults";
import type { PartnerFacts } from "@/lib/workflow";
import { archiveStage, checkArchive, type FieldErrors } from "./check";
import { columnFor } from "./columns";
import { duplicateNumberMessage, insertArchive } from "./insert";
import { existingNumbers, numberKey, takeArchiveLock } from "./numbers";
import { importRowSchema, type ArchiveInput, type ImportRowInput } from "./schema";
import { closeMatcher, normalizeName } from "./similar";
import type { RawRow } from "./workbook";

/*
 * Excel import of archive agreements (domain §5): every row is validated first — the archive form's
 * own schema and legal checks, the partner and the OPD by name, numbers not yet registered nor
 * repeated in the file — and the preview lists each problem by row and column. Nothing is imported
 * unless the whole file is valid; then all rows go in ONE transaction (under the archive lock, the
 * numbers re-checked inside it), reporting progress row by row.
 *
 * Partners: an exact name (case and spacing ignored) uses the registered partner, whose class must
 * agree with the row's. A name very close to a registered one (trigram similarity ≥ 0.7: "Kab." for
 * "Kabupaten", "PT." for "PT", a typo) is an error naming the match — a typo must not create a
 * duplicate partner; a different partner with such a name is first added in the partner master.
 * Any other name creates a new partner from the row's class, NOT verified: Bagian Kerja Sama
 * confirms, edits or merges it in the partner master like an OPD's request; the preview notes
 * similar names (≥ 0.45) so it can be looked at. Rows of one file naming the same new partner share it.
 */

/** pg_trgm-style similarity from which an unknown partner name counts as a typo of a registered one. */
const TYPO_SIMILARITY = 0.7;

export const IMPORT_FORBIDDEN = "Hanya Bagian Kerja Sama yang dapat mengimpor kerja sama arsip.";

export type RowError = { field: string; column: string; letter: string; message: string };
export type PreviewRow = {
  row: number;
  kind: string;
  title: string;
  partner: string;
  newPartner: boolean;
  opd: string;
  numbers: string;
  period: string;
  stage: "PELAKSANAAN" | "BERAKHIR" | null;
  errors: RowError[];
  /** Remarks that do not stop the import (a new partner resembling a registered one). */
  notes: string[];
};
export type ImportPreview = { total: number; valid: boolean; errorCount: number; newPartners: string[]; rows: PreviewRow[] };

type NewPartner = { key: string; name: string; partnerClass: PartnerClass; universityStatus: UniversityStatus | null; row: number };
type Prepared = { row: number; input: ArchiveInput; partnerName: string; newPartnerKey: string | null };
type Validation = { preview: ImportPreview; prepared: Prepared[]; newPartners: NewPartner[] };

function toFormData(values: Record<string, string>): FormData {
  const fd = new FormData();
  for (const [k, v] of Object.entries(values)) if (v !== "") fd.append(k, v);
  return fd;
}

function rowErrors(errors: FieldErrors): RowError[] {
  return Object.entries(errors).map(([field, message]) => {
    const c = columnFor(field);
    return { field, column: c?.column.header ?? field, letter: c?.letter ?? "", message };
  });
}

const period = (v: Record<string, string>) =>
  v["naskah.startDate"] || v["naskah.endDate"] ? `${v["naskah.startDate"] || "?"} s.d. ${v["naskah.endDate"] || "?"}` : "";

async function loadLookups() {
  const db = getDb();
  const [partners, opds] = await Promise.all([
    db.partner.findMany({ where: { deletedAt: null }, select: { id: true, name: true, partnerClass: true, universityStatus: true } }),
    db.opd.findMany({ where: { active: true }, select: { id: true, name: true, shortName: true } }),
  ]);
  const byName = new Map(partners.map((p) => [normalizeName(p.name), p]));
  const opdByName = new Map<string, { id: string; shortName: string }>();
  for (const o of opds) {
    opdByName.set(normalizeName(o.shortName), o);
    opdByName.set(normalizeName(o.name), o);
  }
  return { byName, opdByName, closeTo: closeMatcher(partners.map((p) => p.name)) };
}

/** Validates every row; nothing is written. */
export async function validateImport({ actor, now, rows }: { actor: CurrentUser; now: Date; rows: readonly RawRow[] }): Promise<Validation> {
  if (!can(actor, "legacy.import")) throw new DomainError("FORBIDDEN", IMPORT_FORBIDDEN);
  const db = getDb();
  const settings = await loadSettings(db);
  const { byName, opdByName, closeTo } = await loadLookups();
  const taken = await existingNumbers(db, rows.flatMap((r) => [r.values["induk.ourNumber"], r.values["naskah.ourNumber"]]).filter(Boolean));
  return validateRows(rows, { actor, now, settings, byName, opdByName, closeTo, taken });
}

type Lookups = Awaited<ReturnType<typeof loadLookups>> & {
  actor: CurrentUser; now: Date; settings: Settings; taken: Map<string, string>;
};

function validateRows(rows: readonly RawRow[], l: Lookups): Validation {
  const seenNumbers = new Map<string, number>();
  const newPartners = new Map<string, NewPartner>();
  const prepared: Prepared[] = [];
  const previewRows: PreviewRow[] = [];

  for (const raw of rows) {
    const v = raw.values;
    const errors: FieldErrors = {};
    const submission = parseWithZod(toFormData(v), { schema: importRowSchema });
    if (submission.status !== "success") {
      for (const [field, messages] of Object.entries(submission.error ?? {})) if (messages?.[0]) errors[field] = messages[0];
    }
    const data = submission.status === "success" ? (submission.value as ImportRowInput) : null;

    // Partner by exact name, else a close match is an error, else a new (unverified) partner.
    const nameKey = normalizeName(v.partnerName ?? "");
    let partner: PartnerFacts | null = null;
    let partnerId: string | null = null;
    let newPartnerKey: string | null = null;
    const existing = nameKey ? l.byName.get(nameKey) : undefined;
    if (existing) {
      partner = existing;
      partnerId = existing.id;
      if (data?.partnerClass && data.partnerClass !== existing.partnerClass) {
        errors.partnerClass = `Mitra "${existing.name}" terdaftar dengan kelas ${existing.partnerClass}, bukan ${data.partnerClass}.`;
      }
    } else if (nameKey) {
      const close = l.closeTo(v.partnerName);
      const pending = newPartners.get(nameKey);
      const typo = close.filter((c) => c.score >= TYPO_SIMILARITY);
      if (typo.length > 0) {
        errors.partnerName = `Mitra "${v.partnerName}" belum terdaftar; namanya sangat mirip ${typo.map((c) => `"${c.name}"`).join(", ")}. Tulis nama persis seperti di menu Mitra; bila memang mitra lain, tambahkan dulu di menu Mitra lalu periksa ulang berkas.`;
      } else if (pending) {
        partner = pending;
        newPartnerKey = nameKey;
        if (data?.partnerClass && data.partnerClass !== pending.partnerClass) {
          errors.partnerClass = `Mitra baru "${pending.name}" sudah diberi kelas ${pending.partnerClass} pada baris ${pending.row}.`;
        }
      } else if (!data?.partnerClass) {
        errors.partnerClass ??= "Kelas mitra wajib diisi untuk mitra yang belum terdaftar (mitra baru).";
      } else if (data.partnerClass === "PERGURUAN_TINGGI" && !data.universityStatus) {
        errors.universityStatus = "Status perguruan tinggi wajib diisi untuk mitra perguruan tinggi baru: status itu menentukan jenis kerja sama.";
      } else {
        const created = {
          key: nameKey, name: data.partnerName.replace(/\s+/g, " ").trim(), partnerClass: data.partnerClass,
          universityStatus: data.partnerClass === "PERGURUAN_TINGGI" ? (data.universityStatus ?? null) : null, row: raw.row,
        };
        newPartners.set(nameKey, created);
        partner = created;
        newPartnerKey = nameKey;
      }
    }

    const opd = v.opd ? l.opdByName.get(normalizeName(v.opd)) : undefined;
    if (v.opd && !opd) errors.opd = `OPD "${v.opd}" tidak ditemukan atau sudah nonaktif. Tulis singkatan atau nama OPD seperti di lembar Daftar.`;
    if (v["naskah.signerType"] === "PEJABAT_DIKUASAKAN") {
      errors["naskah.signerType"] = "PKS yang ditandatangani pejabat dengan surat kuasa wajib dilampiri surat kuasa: daftarkan kerja sama ini melalui formulir Kerja Sama Arsip.";
    }

    let input: ArchiveInput | null = null;
    if (data) {
      input = {
        kind: data.kind, title: data.title, ksddNature: data.ksddNature, ksdpkForm: data.ksdpkForm, subject: data.subject,
        governmentAffair: data.governmentAffair, scope: data.scope, fundingSource: data.fundingSource,
        fundingAmount: data.fundingAmount, fundingYear: data.fundingYear, requiresDprd: data.requiresDprd,
        dprdNumber: data.dprdNumber, dprdDate: data.dprdDate, induk: data.induk, naskah: data.naskah,
        partnerId: partnerId ?? "", opdId: opd?.id ?? "",
      };
      const legal = checkArchive(input, { partner, documents: [] }, { now: l.now, settings: l.settings });
      for (const [field, message] of Object.entries(legal)) errors[field] ??= message;
    }

    // Idempotency: a number already registered, or twice in this file, is refused on its row.
    for (const field of ["induk.ourNumber", "naskah.ourNumber"] as const) {
      const n = v[field];
      if (!n || (field === "induk.ourNumber" && !(data?.kind === "KSDD" || data?.kind === "KSDPK"))) continue;
      const key = numberKey(n);
      const code = l.taken.get(key);
      if (code) errors[field] ??= duplicateNumberMessage(n, code);
      const before = seenNumbers.get(key);
      if (before !== undefined) errors[field] ??= `Nomor ${n} sudah dipakai pada baris ${before} berkas ini.`;
      else seenNumbers.set(key, raw.row);
    }

    const list = rowErrors(errors);
    const notes = newPartnerKey && !errors.partnerName
      ? [`Mitra baru "${v.partnerName}" akan ditambahkan dan menunggu konfirmasi Bagian Kerja Sama${l.closeTo(v.partnerName).length ? `; mirip dengan ${l.closeTo(v.partnerName).map((c) => `"${c.name}"`).join(", ")}` : ""}.`]
      : [];
    previewRows.push({
      row: raw.row, kind: v.kind ?? "", title: v.title ?? "", partner: v.partnerName ?? "", newPartner: newPartnerKey !== null,
      opd: opd?.shortName ?? v.opd ?? "", numbers: [v["induk.ourNumber"], v["naskah.ourNumber"]].filter(Boolean).join(" · "),
      period: period(v), stage: input && list.length === 0 ? archiveStage(input.naskah ?? {}, l.now, l.settings.region.timeZone) : null,
      errors: list,
      notes,
    });
    if (input && list.length === 0) prepared.push({ row: raw.row, input, partnerName: partner ? (existing?.name ?? newPartners.get(nameKey)!.name) : "", newPartnerKey });
  }
  const errorCount = previewRows.reduce((n, r) => n + r.errors.length, 0);
  return {
    preview: {
      total: rows.length, valid: errorCount === 0, errorCount,
      newPartners: [...newPartners.values()].map((p) => p.name), rows: previewRows,
    },
    prepared,
    newPartners: [...newPartners.values()],
  };
}

export type ImportResult =
  | { imported: false; preview: ImportPreview }
  | { imported: true; count: number; cases: { row: number; id: string; code: string }[]; newPartners: number; preview: ImportPreview };

/** A long import holds its transaction open: generous limits (measured: 500 rows ≈ a few seconds). */
const IMPORT_TX = { maxWait: 15_000, timeout: 600_000 } as const;

/**
 * Validates the whole file again and, only when every row is valid, imports all rows in one
 * transaction; `onProgress(done, total)` after each row. Any failure inside rolls everything back.
 */
export async function commitImport({
  actor, now, rows, fileName, onProgress,
}: {
  actor: CurrentUser; now: Date; rows: readonly RawRow[]; fileName: string;
  onProgress?: (done: number, total: number) => void | Promise<void>;
}): Promise<ImportResult> {
  const first = await validateImport({ actor, now, rows });
  if (!first.preview.valid) return { imported: false, preview: first.preview };
  const db = getDb();
  const settings = await loadSettings(db);
  return db.$transaction(async (tx) => {
    await takeArchiveLock(tx);
    // Re-checked under the lock: another import may have registered these numbers meanwhile.
    const lookups = await loadLookups();
    const taken = await existingNumbers(tx, rows.flatMap((r) => [r.values["induk.ourNumber"], r.values["naskah.ourNumber"]]).filter(Boolean));
    const { preview, prepared, newPartners } = validateRows(rows, { ...lookups, actor, now, settings, taken });
    if (!preview.valid) return { imported: false as const, preview };

    const partnerIds = new Map<string, string>();
    for (const p of newPartners) {
      const created = await tx.partner.create({
        data: {
          name: p.name, partnerClass: p.partnerClass, universityStatus: p.universityStatus, verified: false,
          createdById: actor.id, createdAt: now,
        },
        select: { id: true },
      });
      partnerIds.set(p.key, created.id);
      await tx.auditEvent.create({
        data: {
          actorId: actor.id, action: "partner.import", entity: "Partner", entityId: created.id, createdAt: now,
          data: { name: p.name, partnerClass: p.partnerClass, source: fileName, row: p.row },
        },
      });
    }
    const cases: { row: number; id: string; code: string }[] = [];
    for (const [i, p] of prepared.entries()) {
      const input = p.newPartnerKey ? { ...p.input, partnerId: partnerIds.get(p.newPartnerKey)! } : p.input;
      const created = await insertArchive(
        { tx, actor, now, settings, partnerName: p.partnerName, source: `impor berkas ${fileName}, baris ${p.row}` },
        input,
      );
      cases.push({ row: p.row, id: created.id, code: created.code });
      await onProgress?.(i + 1, prepared.length);
    }
    await tx.auditEvent.create({
      data: {
        actorId: actor.id, action: "legacy.import", entity: "Case", createdAt: now,
        data: { file: fileName, rows: prepared.length, newPartners: newPartners.length, codes: cases.map((c) => c.code) },
      },
    });
    return { imported: true as const, count: cases.length, cases, newPartners: newPartners.length, preview };
  }, IMPORT_TX);
}
