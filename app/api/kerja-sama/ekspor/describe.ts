import "server-only";
import { PARTNER_CLASS_LABELS } from "@/components/cases/labels";
import { getDb } from "@/lib/db";
import { filterParams, REGISTER_FLAG_LABELS, SORT_LABELS, type RegisterFilter } from "@/lib/register/filters";
import { parseStatusFilter, registerStateLabel, STAGE_GROUP_LABELS, type StageGroup } from "@/lib/register/status";
import { KIND_LABELS, STAGE_LABELS } from "@/lib/workflow/stages";

/** The filter in words (the export's "Keterangan" sheet) and as URL parameters (the audit row). */
export async function describeFilter(f: RegisterFilter, endingSoonDays: number): Promise<{ text: string; params: Record<string, string> }> {
  const db = getDb();
  const [opd, partner] = await Promise.all([
    f.opd ? db.opd.findUnique({ where: { id: f.opd }, select: { name: true } }) : null,
    f.mitra ? db.partner.findUnique({ where: { id: f.mitra }, select: { name: true } }) : null,
  ]);
  const parts: string[] = [];
  if (f.q) parts.push(`kata kunci "${f.q}"`);
  if (f.jenis) parts.push(`jenis ${f.jenis} (${KIND_LABELS[f.jenis]})`);
  if (f.kelas) parts.push(`kelas mitra ${PARTNER_CLASS_LABELS[f.kelas]}`);
  if (f.opd) parts.push(`OPD ${opd?.name ?? f.opd}`);
  if (f.mitra) parts.push(`mitra ${partner?.name ?? f.mitra}`);
  if (f.urusan) parts.push(`urusan ${f.urusan}`);
  if (f.status) {
    const s = parseStatusFilter(f.status);
    const label = s?.kind === "state"
      ? s.state === "AKTIF" ? "Aktif (termasuk akan berakhir)" : registerStateLabel(s.state, endingSoonDays)
      : Object.hasOwn(STAGE_GROUP_LABELS, f.status) ? STAGE_GROUP_LABELS[f.status as StageGroup] : `tahap ${STAGE_LABELS[f.status as keyof typeof STAGE_LABELS]}`;
    parts.push(`status ${label}`);
  }
  if (f.tahun) parts.push(`ditandatangani tahun ${f.tahun}`);
  if (f.sisaHari !== undefined) parts.push(`berlaku dan berakhir dalam ≤ ${f.sisaHari} hari`);
  if (f.tanda) parts.push(REGISTER_FLAG_LABELS[f.tanda].toLowerCase());
  const text = parts.length ? `${parts.join("; ")}. Urutan: ${SORT_LABELS[f.urut]}.` : "";
  return { text, params: filterParams(f) };
}
