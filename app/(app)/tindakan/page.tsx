import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { LinkButton } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Breadcrumbs, PageHeader } from "@/components/ui/page-header";
import { CappedPagination } from "@/components/register/register-pagination";
import type { Role } from "@/lib/auth/roles";
import { requirePermission } from "@/lib/auth/session";
import { inboxAll, inboxPage, inboxSummary, INBOX_PAGE_SIZE, type GroupSummary, type InboxRow } from "@/lib/cases/inbox";
import { hidesEmptyGroups } from "@/lib/cases/inbox-groups";
import { formatTanggal, hariMenuju } from "@/lib/format";
import { Stage } from "@/lib/generated/prisma/enums";
import { getSettings } from "@/lib/settings/service";
import { KIND_LABELS, STAGE_LABELS } from "@/lib/workflow";
import { StageBadge } from "@/components/cases/stage-badge";

export const metadata: Metadata = { title: "Perlu Tindakan" };

type Params = Record<string, string | string[] | undefined>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** The list of one stage of one group: /tindakan?kelompok=…&tahap=…&halaman=… */
function listHref(group: string, stage: Stage, page = 1): string {
  const qs = new URLSearchParams({ kelompok: group, tahap: stage });
  if (page > 1) qs.set("halaman", String(page));
  return `/tindakan?${qs}`;
}

const nf = new Intl.NumberFormat("id-ID");
const countText = (n: number, capped: boolean) => (capped ? `lebih dari ${nf.format(n)}` : nf.format(n));

const EMPTY_HINT: Partial<Record<Role, string>> = {
  OPERATOR_OPD: "Semua draf sudah diajukan dan tidak ada usulan yang dikembalikan untuk perbaikan. Usulan baru dapat dibuat dari halaman Usulan.",
  KEPALA_OPD: "Tidak ada usulan OPD Anda yang menunggu persetujuan. Usulan tampil di sini setelah operator mengajukannya.",
  STAF_KS: "Tidak ada usulan pada tahap yang dikerjakan Bagian Kerja Sama.",
  KABAG_KS: "Tidak ada usulan yang menunggu keputusan atau pencatatan Bagian Kerja Sama.",
  TKKSD: "Tidak ada usulan yang sedang dibahas TKKSD.",
};

function waited(days: number): string {
  if (days <= 0) return "masuk hari ini";
  return `menunggu ${days.toLocaleString("id-ID")} hari`;
}

function Item({ item, now, tz, showStage, showReason }: { item: InboxRow; now: Date; tz: string; showStage: boolean; showReason: boolean }) {
  const days = -hariMenuju(item.stageEnteredAt, now, tz);
  return (
    <li className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <div className="flex flex-wrap items-start justify-between gap-x-4 gap-y-1">
        <Link href={`/usulan/${item.id}`} className="font-semibold text-brand-800 underline hover:text-brand-950">
          {item.title}
        </Link>
        <span className={days >= 14 ? "text-sm font-semibold whitespace-nowrap text-amber-900" : "text-sm whitespace-nowrap text-slate-700"}>
          {waited(days)}
        </span>
      </div>
      <p className="mt-1 flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-slate-700">
        <span className="font-mono text-[13px]">{item.code}</span>
        <span aria-hidden="true">·</span>
        <abbr title={KIND_LABELS[item.kind]} className="no-underline">
          {item.kind}
        </abbr>
        <span aria-hidden="true">·</span>
        <span>{item.opdShortName}</span>
        {item.partnerName && (
          <>
            <span aria-hidden="true">·</span>
            <span>{item.partnerName}</span>
          </>
        )}
        <span aria-hidden="true">·</span>
        <span>sejak {formatTanggal(item.stageEnteredAt, tz)}</span>
        {showStage && <StageBadge stage={item.stage} initiator={item.initiator} />}
      </p>
      {showReason && item.lastReason && (
        <p className="mt-2 rounded-md border-l-4 border-amber-400 bg-amber-50 px-3 py-2 text-sm whitespace-pre-line text-amber-950">
          <span className="font-semibold">Catatan: </span>
          {item.lastReason}
        </p>
      )}
    </li>
  );
}

export default async function TindakanPage({ searchParams }: { searchParams: Promise<Params> }) {
  const actor = await requirePermission("case.list");
  const now = new Date();
  const params = await searchParams;
  const stageParam = first(params.tahap);
  const groupParam = first(params.kelompok);
  const settings = await getSettings();
  const tz = settings.region.timeZone;

  if (groupParam && stageParam && (Object.values(Stage) as string[]).includes(stageParam)) {
    const pageNo = Math.min(Math.max(1, Number.parseInt(first(params.halaman) ?? "1", 10) || 1), 10_000);
    const result = await inboxPage(actor, now, { group: groupParam, stage: stageParam as Stage, page: pageNo });
    if (result) return <StageList result={result} now={now} tz={tz} />;
  }

  const summary = await inboxSummary(actor, now);
  const total = summary.reduce((n, g) => n + g.total, 0);
  const small = total <= INBOX_PAGE_SIZE && !summary.some((g) => g.capped);
  const items = small && total > 0 ? await inboxAll(actor, now) : [];
  const shown = hidesEmptyGroups(actor.role) ? summary.filter((g) => g.total > 0) : summary;

  return (
    <>
      <PageHeader
        title="Perlu Tindakan"
        description={
          small
            ? "Usulan yang menunggu tindakan Anda, yang paling lama menunggu lebih dulu. Buka usulan untuk melihat dokumen dan tombol tindakannya."
            : "Usulan yang menunggu tindakan Anda, per jenis pekerjaan dan tahap. Pilih tahap untuk melihat daftarnya, yang paling lama menunggu lebih dulu."
        }
      />
      {total === 0 ? (
        <EmptyState
          icon="checkCircle"
          title="Tidak ada yang menunggu tindakan Anda."
          description={EMPTY_HINT[actor.role] ?? "Halaman ini menampilkan usulan yang menunggu tindakan sesuai peran Anda."}
          action={<LinkButton href="/usulan">Lihat Semua Usulan</LinkButton>}
        />
      ) : (
        <div className="space-y-8">
          <nav aria-label="Ringkasan tindakan">
            <ul className="flex flex-wrap gap-2">
              {shown.map((g) => (
                <li key={g.key}>
                  <a
                    href={`#${g.key}`}
                    className="inline-flex min-h-10 items-center gap-2 rounded-md border border-slate-300 bg-white px-3 text-sm font-semibold text-brand-800 hover:bg-slate-50"
                  >
                    {g.title}
                    <span className="rounded-full bg-slate-100 px-2 text-slate-800">{countText(g.total, g.capped)}</span>
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          {shown.map((g) => (
            <GroupSection key={g.key} group={g} items={small ? items.filter((i) => inGroup(g, i)) : null} now={now} tz={tz} />
          ))}
        </div>
      )}
    </>
  );
}

function inGroup(g: GroupSummary, i: InboxRow): boolean {
  if (!g.stages.includes(i.stage)) return false;
  return g.opinionGiven === undefined || g.opinionGiven === Boolean(i.opinionGiven);
}

/** A group: its waiting cases when the inbox is small, else one link per stage with its count. */
function GroupSection({ group: g, items, now, tz }: { group: GroupSummary; items: InboxRow[] | null; now: Date; tz: string }) {
  const multiStage = g.key === "lainnya" || new Set((items ?? []).map((i) => i.stage)).size > 1;
  return (
    <section id={g.key} aria-labelledby={`${g.key}-judul`} className="scroll-mt-20">
      <h2 id={`${g.key}-judul`} className="text-lg font-semibold text-slate-900">
        {g.title} <span className="text-base font-normal text-slate-600">({countText(g.total, g.capped)})</span>
      </h2>
      <p className="mt-1 mb-3 text-sm text-slate-600">{g.hint}</p>
      {g.total === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white px-4 py-3 text-sm text-slate-700">Tidak ada.</p>
      ) : items ? (
        <ul className="space-y-3">
          {items.map((i) => (
            <Item key={i.id} item={i} now={now} tz={tz} showStage={multiStage} showReason={i.stage === "PERBAIKAN" || i.stage === "DRAF"} />
          ))}
        </ul>
      ) : (
        <ul className="grid gap-2 sm:grid-cols-2 xl:grid-cols-3">
          {g.counts.filter((c) => c.count > 0).map((c) => (
            <li key={c.stage}>
              <Link
                href={listHref(g.key, c.stage)}
                className="flex min-h-12 items-center justify-between gap-3 rounded-lg border border-slate-200 bg-white px-4 py-3 font-medium text-brand-800 shadow-sm hover:bg-slate-50"
              >
                <span className="underline">{STAGE_LABELS[c.stage]}</span>
                <span className="rounded-full bg-slate-100 px-2 text-sm font-semibold text-slate-800">{countText(c.count, c.capped)}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function StageList({ result, now, tz }: { result: NonNullable<Awaited<ReturnType<typeof inboxPage>>>; now: Date; tz: string }) {
  const { group, stage, items, page, hasNext, count, capped } = result;
  const title = `${group.title} — ${STAGE_LABELS[stage]}`;
  return (
    <>
      <PageHeader
        breadcrumb={<Breadcrumbs items={[{ label: "Perlu Tindakan", href: "/tindakan" }, { label: group.title }]} />}
        title={`${title} (${countText(count, capped)})`}
        description={`${group.hint} Yang paling lama menunggu lebih dulu.`}
      />
      {items.length === 0 ? (
        <EmptyState
          icon="checkCircle"
          title="Tidak ada usulan pada halaman ini."
          description="Usulan mungkin sudah diproses. Kembali ke ringkasan untuk melihat yang masih menunggu."
          action={<LinkButton href="/tindakan">Kembali ke Perlu Tindakan</LinkButton>}
        />
      ) : (
        <>
          <ul className="space-y-3">
            {items.map((i) => (
              <Item key={i.id} item={i} now={now} tz={tz} showStage={false} showReason={i.stage === "PERBAIKAN" || i.stage === "DRAF"} />
            ))}
          </ul>
          <CappedPagination
            page={page}
            pageSize={INBOX_PAGE_SIZE}
            shown={items.length}
            total={count}
            capped={capped}
            hasNext={hasNext}
            href={(p) => listHref(group.key, stage, p)}
          />
        </>
      )}
    </>
  );
}
