import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { DocumentPreviewRow } from "./document-preview";
import { isPreviewable } from "@/lib/documents/http";
import { formatTanggalWaktu } from "@/lib/format";
import type { DocumentType, Stage } from "@/lib/generated/prisma/enums";
import { DOCUMENT_LABELS } from "@/lib/workflow/documents";
import { STAGE_LABELS } from "@/lib/workflow/stages";

export type DocumentListItem = {
  id: string;
  stage: Stage;
  type: DocumentType;
  version: number;
  locked: boolean;
  originalName: string;
  sizeBytes: number;
  mimeType: string;
  uploadedAt: Date;
  correctionReason: string | null;
  uploadedBy: { fullName: string };
};

const decimal = new Intl.NumberFormat("id-ID", { maximumFractionDigits: 1 });

/** "850 KB", "1,5 MB" (Indonesian decimal comma); anything under 0,1 KB shows as "0,1 KB". */
export function formatUkuran(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${decimal.format(bytes / (1024 * 1024))} MB`;
  return `${decimal.format(Math.max(bytes / 1024, 0.1))} KB`;
}

const STAGE_ORDER = Object.keys(STAGE_LABELS) as Stage[];

function groupByStage(documents: readonly DocumentListItem[]): [Stage, DocumentListItem[]][] {
  const groups = new Map<Stage, DocumentListItem[]>();
  for (const doc of documents) groups.set(doc.stage, [...(groups.get(doc.stage) ?? []), doc]);
  return STAGE_ORDER.filter((s) => groups.has(s)).map((s) => [
    s,
    groups.get(s)!.toSorted((a, b) => a.type.localeCompare(b.type) || b.version - a.version),
  ]);
}

function DocumentRow({ doc, timeZone }: { doc: DocumentListItem; timeZone: string }) {
  const label = `${DOCUMENT_LABELS[doc.type]} versi ${doc.version}`;
  const inlineUrl = `/api/dokumen/${doc.id}?tampil=1`;
  const summary = (
    <div className="min-w-0 space-y-1">
      <p className="flex flex-wrap items-center gap-2 font-semibold text-slate-900">
        {DOCUMENT_LABELS[doc.type]}
        <span className="font-normal text-slate-700">Versi {doc.version}</span>
        <Badge tone={doc.locked ? "warning" : "success"}>{doc.locked ? "Terkunci" : "Dapat diubah"}</Badge>
      </p>
      <p className="text-sm break-all text-slate-700">
        {doc.originalName} · {formatUkuran(doc.sizeBytes)}
      </p>
      <p className="text-sm text-slate-600">
        Diunggah oleh {doc.uploadedBy.fullName}, {formatTanggalWaktu(doc.uploadedAt, timeZone)}
      </p>
      {doc.correctionReason && (
        <p className="text-sm text-slate-700">
          <span className="font-semibold">Alasan koreksi:</span> {doc.correctionReason}
        </p>
      )}
    </div>
  );
  const download = (
    <a href={`/api/dokumen/${doc.id}`} className="text-brand-800 underline hover:text-brand-900" aria-label={`Unduh ${label}`}>
      Unduh
    </a>
  );
  if (isPreviewable(doc.mimeType)) {
    const newTab = (
      <a
        href={inlineUrl}
        target="_blank"
        rel="noopener noreferrer"
        className="text-brand-800 underline hover:text-brand-900"
        aria-label={`Buka di tab baru: ${label}`}
      >
        Buka di tab baru
      </a>
    );
    return (
      <DocumentPreviewRow
        summary={summary}
        actions={
          <>
            {newTab}
            {download}
          </>
        }
        src={inlineUrl}
        label={label}
      />
    );
  }
  return (
    <li className="flex flex-col gap-2 px-4 py-3 sm:flex-row sm:items-start sm:justify-between">
      {summary}
      <div className="flex shrink-0 gap-3 text-sm font-semibold">{download}</div>
    </li>
  );
}

/** Documents of a case grouped by the stage they belong to (newest version first within a type). */
export function DocumentList({
  documents,
  timeZone,
  emptyHint = "Dokumen yang diunggah pada setiap tahap akan tampil di sini.",
}: {
  documents: readonly DocumentListItem[];
  /** settings.region.timeZone: upload times are shown in the region's zone. */
  timeZone: string;
  emptyHint?: string;
}) {
  if (documents.length === 0) {
    return <EmptyState titleAs="h3" icon="file" title="Belum ada dokumen" description={emptyHint} />;
  }
  return (
    <div className="space-y-4">
      {groupByStage(documents).map(([stage, docs]) => (
        <section key={stage} aria-labelledby={`dokumen-tahap-${stage}`} className="rounded-lg border border-slate-200 bg-white">
          <h3 id={`dokumen-tahap-${stage}`} className="border-b border-slate-200 px-4 py-2 text-sm font-semibold text-slate-900">
            Tahap: {STAGE_LABELS[stage]}
          </h3>
          <ul className="divide-y divide-slate-200">
            {docs.map((doc) => (
              <DocumentRow key={doc.id} doc={doc} timeZone={timeZone} />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
