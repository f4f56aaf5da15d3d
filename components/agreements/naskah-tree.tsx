import Link from "@/components/ui/link";
import { AgreementCard } from "@/components/cases/agreement-list";
import { StageBadge } from "@/components/cases/stage-badge";
import type { NaskahNode } from "@/lib/agreements/queries";
import type { Stage } from "@/lib/generated/prisma/enums";
import { DOCUMENT_LABELS } from "@/lib/workflow/documents";

function Changes({ content }: { content: unknown }) {
  const changes = (content as { perubahan?: unknown } | null)?.perubahan;
  if (!Array.isArray(changes) || changes.length === 0) return null;
  return (
    <div className="mt-3">
      <p className="text-sm font-semibold text-slate-900">Pokok perubahan</p>
      <ul className="mt-1 list-disc space-y-0.5 pl-5 text-sm text-slate-800">
        {changes.map((c, i) => (
          <li key={i}>{String(c)}</li>
        ))}
      </ul>
    </div>
  );
}

function Documents({ documents }: { documents: NaskahNode["documents"] }) {
  if (documents.length === 0) return null;
  return (
    <div className="mt-3">
      <p className="text-sm font-semibold text-slate-900">Dokumen naskah</p>
      <ul className="mt-1 space-y-1 text-sm">
        {documents.map((d) => (
          <li key={d.id}>
            <a href={`/api/dokumen/${d.id}`} className="text-brand-800 underline [overflow-wrap:anywhere] hover:no-underline">
              {DOCUMENT_LABELS[d.type]}
              {d.version > 1 && ` (versi ${d.version})`}
            </a>{" "}
            <span className="text-slate-600">— {d.originalName}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

function Node({ node, today, depth }: { node: NaskahNode; today: Date; depth: number }) {
  const a = node.agreement;
  return (
    <li>
      <AgreementCard a={a} today={today}>
        {a.type === "ADENDUM" && <Changes content={a.content} />}
        <Documents documents={node.documents} />
      </AgreementCard>
      {(node.children.length > 0 || node.turunan.length > 0) && (
        <ul
          className="mt-3 space-y-3 border-l-2 border-slate-200 pl-4 sm:pl-6"
          aria-label={`Di bawah ${a.title}`}
        >
          {node.children.map((child) => (
            <Node key={child.agreement.id} node={child} today={today} depth={depth + 1} />
          ))}
          {node.turunan.map((t) => (
            <li key={t.id} className="rounded-lg border border-dashed border-slate-300 p-4">
              <p className="text-sm font-semibold text-slate-900">
                PKS turunan:{" "}
                <Link href={`/kerja-sama/${t.id}`} className="text-brand-800 underline hover:no-underline">
                  {t.code}
                </Link>{" "}
                <span className="font-normal">· {t.title}</span>
              </p>
              <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-slate-700">
                <StageBadge stage={t.stage as Stage} /> OPD pelaksana {t.opd.shortName}
                {t.pks?.ourNumber && <span>· nomor {t.pks.ourNumber}</span>}
              </p>
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

/** The naskah of a cooperation as a tree: KB → PKS (and PKS turunan) → adendum versions; LoI → MoU; NK → RK. */
export function NaskahTree({ roots, today }: { roots: readonly NaskahNode[]; today: Date }) {
  return (
    <ul className="space-y-4">
      {roots.map((n) => (
        <Node key={n.agreement.id} node={n} today={today} depth={0} />
      ))}
    </ul>
  );
}
