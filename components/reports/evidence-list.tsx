import { formatUkuran } from "@/components/documents/document-list";
import { Badge } from "@/components/ui/badge";
import type { FormActionFn } from "@/lib/forms/action";
import { formatTanggalWaktu } from "@/lib/format";
import type { DocumentType } from "@/lib/generated/prisma/enums";
import { DOCUMENT_LABELS } from "@/lib/workflow/documents";
import { RemoveEvidenceForm } from "./remove-evidence-form";

export type EvidenceItem = {
  id: string;
  type: DocumentType;
  originalName: string;
  sizeBytes: number;
  mimeType: string;
  uploadedAt: Date;
  locked: boolean;
  uploadedBy: { fullName: string };
};

/**
 * The evidence of one report. Files sent with the report are locked ("Terkirim"); files added since
 * may be removed while the report is editable (`removeAction` given).
 */
export function EvidenceList({
  reportId, items, timeZone, removeAction,
}: {
  reportId: string;
  items: readonly EvidenceItem[];
  timeZone: string;
  removeAction?: FormActionFn;
}) {
  if (items.length === 0) return <p className="text-sm text-slate-700">Belum ada bukti yang diunggah.</p>;
  return (
    <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200">
      {items.map((doc) => {
        const label = `${DOCUMENT_LABELS[doc.type]} ${doc.originalName}`;
        return (
          <li key={doc.id} className="flex flex-col gap-2 px-4 py-3 sm:flex-row sm:items-start sm:justify-between">
            <div className="min-w-0 space-y-1">
              <p className="flex flex-wrap items-center gap-2 font-semibold text-slate-900">
                {DOCUMENT_LABELS[doc.type]}
                <Badge tone={doc.locked ? "neutral" : "warning"}>{doc.locked ? "Terkirim" : "Belum dikirim"}</Badge>
              </p>
              <p className="text-sm break-all text-slate-700">
                {doc.originalName} · {formatUkuran(doc.sizeBytes)}
              </p>
              <p className="text-sm text-slate-600">
                Diunggah oleh {doc.uploadedBy.fullName}, {formatTanggalWaktu(doc.uploadedAt, timeZone)}
              </p>
            </div>
            <div className="flex shrink-0 flex-wrap items-center gap-3 text-sm font-semibold">
              <a
                href={`/api/dokumen/${doc.id}?tampil=1`}
                target="_blank"
                rel="noopener noreferrer"
                className="text-brand-800 underline hover:text-brand-900"
                aria-label={`Lihat ${label} (tab baru)`}
              >
                Lihat
              </a>
              <a href={`/api/dokumen/${doc.id}`} className="text-brand-800 underline hover:text-brand-900" aria-label={`Unduh ${label}`}>
                Unduh
              </a>
              {removeAction && !doc.locked && (
                <RemoveEvidenceForm action={removeAction} reportId={reportId} documentId={doc.id} label={label} />
              )}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
