import Link from "@/components/ui/link";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { formatTanggal } from "@/lib/format";
import { mayDraftOn } from "@/lib/reports/periods";
import type { ReportTimeline as Timeline } from "@/lib/reports/queries";
import { isEditable } from "@/lib/reports/rules";
import { ReportStatusBadge } from "./report-status-badge";

/** Date-only values are UTC midnight: formatted in UTC so the calendar date never shifts. */
const tanggal = (d: Date) => formatTanggal(d, "UTC");

type Entry = Timeline["entries"][number];

/** What the user can do with one period, from the same rules the services apply. */
function actionOf(entry: Entry, t: Pick<Timeline, "may" | "today">): { label: string; primary: boolean } | null {
  const report = entry.report;
  if (t.may.write && (!report || isEditable(report.status)) && mayDraftOn(entry.period, t.today)) {
    if (report?.status === "DIKEMBALIKAN") return { label: "Perbaiki laporan", primary: true };
    if (report) return { label: "Lanjutkan draf", primary: true };
    return { label: "Isi laporan", primary: entry.status !== "BELUM_JATUH_TEMPO" };
  }
  if (t.may.review && entry.status === "DIKIRIM") return { label: "Telaah laporan", primary: true };
  if (report) return { label: "Lihat laporan", primary: false };
  return null;
}

/**
 * The reporting periods of one agreement with their status (belum jatuh tempo, jatuh tempo,
 * terlambat, dikirim, ditinjau, dikembalikan), the deadline of each, the rating once reviewed, and a
 * link to write, review or read each report. A table at desktop widths, cards on a phone.
 */
export function ReportTimeline({
  timeline,
  caption = "Laporan pelaksanaan per periode",
  focus = false,
}: {
  timeline: Pick<Timeline, "case" | "entries" | "today" | "may">;
  caption?: string;
  /**
   * Only what matters now (the case page): every period that is due, late, sent or returned, the
   * last reviewed one, the next one and the final report; the rest stays on /laporan/<case>.
   */
  focus?: boolean;
}) {
  const entries = focus ? focused(timeline.entries) : timeline.entries;
  const hidden = timeline.entries.length - entries.length;
  return (
    <>
      {hidden > 0 && (
        <p className="mb-3 text-sm text-slate-700">
          Ditampilkan {entries.length} dari {timeline.entries.length} periode; {hidden} periode lain telah ditinjau atau belum jatuh tempo.{" "}
          <Link href={`/laporan/${encodeURIComponent(timeline.case.id)}`} className="font-semibold text-brand-800 underline hover:text-brand-950">
            Lihat semua periode
          </Link>
        </p>
      )}
      <EntriesTable timeline={timeline} entries={entries} caption={caption} />
    </>
  );
}

function focused(entries: readonly Entry[]): Entry[] {
  const lastReviewed = entries.findLast((e) => !e.period.isFinal && e.status === "DITINJAU");
  const next = entries.find((e) => !e.period.isFinal && e.status === "BELUM_JATUH_TEMPO");
  return entries.filter((e) =>
    e === lastReviewed || e === next || e.period.isFinal || (e.status !== "DITINJAU" && e.status !== "BELUM_JATUH_TEMPO"));
}

function EntriesTable({ timeline, entries, caption }: {
  timeline: Pick<Timeline, "case" | "entries" | "today" | "may">;
  entries: readonly Entry[];
  caption: string;
}) {
  return (
    <Table caption={caption} captionHidden>
      <THead>
        <TR>
          <TH className="w-[26%]">Periode</TH>
          <TH>Batas penyampaian</TH>
          <TH className="w-[24%]">Status</TH>
          <TH>Nilai</TH>
          <TH>
            <span className="sr-only">Tindakan</span>
          </TH>
        </TR>
      </THead>
      <TBody>
        {entries.map((entry) => {
          const action = actionOf(entry, timeline);
          const href = `/laporan/${encodeURIComponent(timeline.case.id)}/${entry.period.key}`;
          return (
            <TR key={entry.period.key}>
              <TH scope="row" label="Periode">
                {entry.period.label}
                <span className="mt-0.5 block text-xs font-normal text-slate-700">
                  {tanggal(entry.period.start)} – {tanggal(entry.period.end)}
                </span>
              </TH>
              <TD label="Batas" className="md:whitespace-nowrap">
                {tanggal(entry.dueBy)}
              </TD>
              <TD label="Status">
                <ReportStatusBadge status={entry.status} draft={entry.draft} />
              </TD>
              <TD label="Nilai" className="md:whitespace-nowrap">
                {entry.report?.rating ? `${entry.report.rating} dari 5` : "—"}
              </TD>
              <TD label="Tindakan" className="md:text-right">
                {action ? (
                  <Link
                    href={href}
                    className={
                      action.primary
                        ? "font-semibold text-brand-800 underline hover:text-brand-950"
                        : "text-brand-800 underline hover:text-brand-950"
                    }
                  >
                    {action.label}
                    <span className="sr-only"> {entry.period.label}</span>
                  </Link>
                ) : (
                  <span className="text-slate-600">—</span>
                )}
              </TD>
            </TR>
          );
        })}
      </TBody>
    </Table>
  );
}
