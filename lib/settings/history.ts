import "server-only";
import type { Db } from "@/lib/db";
import { DOCUMENT_LABELS } from "@/lib/workflow/documents";
import { STAGE_LABELS } from "@/lib/workflow/stages";
import type { DocumentType, Stage } from "@/lib/generated/prisma/enums";
import { MONEV_PERIODS, PTN_BH_KINDS, REGION_LEVELS, TIME_ZONES } from "./groups";
import { SETTINGS_AUDIT_ACTION } from "./update";

/*
 * The settings history shown on /pengaturan: the AuditEvent rows "settings.update" (who, when, the
 * old and the new value), newest first, each turned into the leaf values that changed.
 */

export type SettingChange = { label: string; before: string; after: string };
export type SettingHistoryEntry = { id: string; at: Date; actorName: string; changes: SettingChange[] };

const LABELS: Record<string, string> = {
  "region.name": "Nama daerah",
  "region.level": "Tingkat daerah",
  "region.headTitle": "Sebutan Kepala Daerah",
  "region.timeZone": "Zona waktu",
  reminderOffsetsDays: "Jarak pengingat (hari)",
  endingSoonDays: "Batas \"Akan Berakhir\" (hari)",
  monevPeriod: "Periode laporan",
  monevGraceDays: "Tenggang laporan berkala (hari)",
  monevFinalReportDays: "Tenggat laporan akhir (hari)",
  kbWithoutPksMonths: "Batas KB tanpa PKS (bulan)",
  stageWaitDays: "Batas menunggu di satu tahapan (hari)",
  pksMaxYears: "Jangka waktu PKS terlama (tahun)",
  dprdResponseDays: "Batas jawaban DPRD (hari)",
  ksdpkDprdFollowsQuestions: "KSDPK mengikuti dua pertanyaan DPRD",
  ptnBhKind: "Jenis kerja sama PTN-BH",
  "security.requireSecondFactor": "Verifikasi dua langkah wajib",
};

function labelOf(path: string): string {
  if (LABELS[path]) return LABELS[path];
  const [head, a, b] = path.split(".");
  if (head === "numberPatterns") return `Pola nomor ${a}`;
  if (head === "requiredDocuments") return `Dokumen wajib ${a} — ${STAGE_LABELS[b as Stage] ?? b}`;
  return path;
}

/** Codes shown by their label on the page. */
const VALUE_LABELS: Record<string, Record<string, string>> = {
  "region.level": REGION_LEVELS,
  "region.timeZone": TIME_ZONES,
  monevPeriod: MONEV_PERIODS,
  ptnBhKind: PTN_BH_KINDS,
};

function show(path: string, v: unknown): string {
  if (v === undefined || v === null) return "—";
  if (typeof v === "string" && VALUE_LABELS[path]?.[v]) return VALUE_LABELS[path][v];
  if (typeof v === "boolean") return v ? "Ya" : "Tidak";
  if (Array.isArray(v)) {
    if (v.length === 0) return "—";
    return path.startsWith("requiredDocuments.") ? v.map((t) => DOCUMENT_LABELS[t as DocumentType] ?? String(t)).join("; ") : v.join(", ");
  }
  return String(v);
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** The leaves (arrays count as one value) that differ between two setting values. */
export function diffSetting(key: string, before: unknown, after: unknown): SettingChange[] {
  const out: SettingChange[] = [];
  const walk = (path: string, a: unknown, b: unknown) => {
    if (isPlainObject(a) || isPlainObject(b)) {
      const ao = isPlainObject(a) ? a : {};
      const bo = isPlainObject(b) ? b : {};
      for (const k of new Set([...Object.keys(ao), ...Object.keys(bo)])) walk(`${path}.${k}`, ao[k], bo[k]);
      return;
    }
    if (JSON.stringify(a ?? null) === JSON.stringify(b ?? null)) return;
    out.push({ label: labelOf(path), before: show(path, a), after: show(path, b) });
  };
  walk(key, before, after);
  return out;
}

export async function listSettingsHistory(db: Db, limit = 30): Promise<SettingHistoryEntry[]> {
  const rows = await db.auditEvent.findMany({
    where: { action: SETTINGS_AUDIT_ACTION, entity: "Setting" },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    select: { id: true, createdAt: true, entityId: true, data: true, actor: { select: { fullName: true } } },
  });
  return rows.map((r) => {
    const data = (r.data ?? {}) as { old?: unknown; new?: unknown };
    return {
      id: r.id.toString(),
      at: r.createdAt,
      actorName: r.actor?.fullName ?? "Sistem",
      changes: diffSetting(r.entityId ?? "", data.old, data.new),
    };
  });
}
