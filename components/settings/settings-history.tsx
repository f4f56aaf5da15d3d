import { EmptyState } from "@/components/ui/empty-state";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { formatTanggalWaktu } from "@/lib/format";
import type { SettingHistoryEntry } from "@/lib/settings/history";

/** Who changed which setting, when, from what to what (AuditEvent "settings.update"), newest first. */
export function SettingsHistory({ entries, timeZone }: { entries: SettingHistoryEntry[]; timeZone: string }) {
  if (entries.length === 0) {
    return (
      <EmptyState
        icon="sliders"
        title="Belum ada perubahan pengaturan"
        description="Semua aturan masih memakai nilai bawaan. Setiap perubahan yang disimpan dicatat di sini beserta pengubah, waktu, nilai lama, dan nilai baru."
      />
    );
  }
  const rows = entries.flatMap((e) => e.changes.map((c, i) => ({ ...c, entry: e, key: `${e.id}-${i}` })));
  return (
    <Table caption="Riwayat perubahan pengaturan" captionHidden>
      <THead>
        <TR>
          <TH>Waktu</TH>
          <TH>Diubah oleh</TH>
          <TH>Pengaturan</TH>
          <TH>Nilai lama</TH>
          <TH>Nilai baru</TH>
        </TR>
      </THead>
      <TBody>
        {rows.map((r) => (
          <TR key={r.key}>
            <TD label="Waktu" className="tabular-nums md:whitespace-nowrap">{formatTanggalWaktu(r.entry.at, timeZone)}</TD>
            <TD label="Diubah oleh">{r.entry.actorName}</TD>
            <TH scope="row" label="Pengaturan" className="font-medium">{r.label}</TH>
            <TD label="Nilai lama" className="max-w-72 break-words text-slate-600">{r.before}</TD>
            <TD label="Nilai baru" className="max-w-72 break-words">{r.after}</TD>
          </TR>
        ))}
      </TBody>
    </Table>
  );
}
