import type { Metadata } from "next";
import Link from "next/link";
import { LinkButton } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import type { Role } from "@/lib/auth/roles";
import { requirePermission } from "@/lib/auth/session";
import { inbox, type InboxItem } from "@/lib/cases/queries";
import { formatTanggal, hariMenuju } from "@/lib/format";
import type { Stage } from "@/lib/generated/prisma/enums";
import { getSettings } from "@/lib/settings/service";
import { KIND_LABELS } from "@/lib/workflow";
import { StageBadge } from "@/components/cases/stage-badge";

export const metadata: Metadata = { title: "Perlu Tindakan" };

type Group = { key: string; title: string; hint: string; match: (i: InboxItem) => boolean };

const stageIn = (...stages: Stage[]) => (i: InboxItem) => stages.includes(i.stage);

/** Bagian Kerja Sama's work, in the order of the stages (domain §4). */
const KS_GROUPS: Group[] = [
  { key: "penawaran-mitra", title: "Penawaran mitra belum diteruskan", hint: "Unggah surat penawaran dan studi kelayakan mitra, lalu daftarkan ke verifikasi.", match: stageIn("DRAF", "PERBAIKAN") },
  { key: "verifikasi", title: "Verifikasi", hint: "Periksa kelengkapan usulan dengan daftar periksa; Kepala Bagian menyatakan lengkap atau mengembalikan untuk perbaikan.", match: stageIn("VERIFIKASI") },
  { key: "kajian", title: "Kajian TKKSD — catat hasil rapat", hint: "Unggah berita acara rapat TKKSD dan catat rekomendasinya.", match: stageIn("KAJIAN_TKKSD") },
  { key: "penawaran", title: "Penawaran", hint: "Catat surat penawaran Kepala Daerah (atau surat jawaban) dan jawaban mitra.", match: stageIn("PENAWARAN") },
  { key: "penyusunan", title: "Penyusunan naskah", hint: "Unggah draf KB, PKS, atau Nota Kesepakatan dan tetapkan versi final.", match: stageIn("PENYUSUNAN_KB", "PENYUSUNAN_PKS", "PENYUSUNAN_NK") },
  { key: "penandatanganan", title: "Penandatanganan", hint: "Unggah naskah yang telah ditandatangani beserta nomor kedua pihak.", match: stageIn("PENANDATANGANAN_KB", "PENANDATANGANAN_PKS", "PENANDATANGANAN_NK", "PENANDATANGANAN_MOU") },
  { key: "dprd", title: "Persetujuan DPRD", hint: "Catat surat permohonan dan keputusan DPRD.", match: stageIn("PERSETUJUAN_DPRD") },
  { key: "luar-negeri", title: "Kerja sama luar negeri", hint: "Letter of Intent, konsultasi Kemendagri, pembahasan interkementerian, dan persetujuan pusat.", match: stageIn("PENJAJAKAN_LOI", "KONSULTASI_KEMENDAGRI", "PEMBAHASAN_INTERKEMENTERIAN", "PERSETUJUAN_PUSAT") },
  { key: "adendum", title: "Adendum", hint: "Adendum yang sedang disusun, dikaji, atau menunggu persetujuan dan penandatanganan.", match: stageIn("ADENDUM_PENYUSUNAN", "ADENDUM_KAJIAN", "ADENDUM_DPRD", "ADENDUM_PENANDATANGANAN") },
  { key: "berakhir", title: "Jangka waktu berakhir", hint: "Kerja sama yang telah lewat tanggal berakhirnya, atau menunggu laporan akhir sebelum ditutup.", match: stageIn("PELAKSANAAN", "BERAKHIR") },
];

const GROUPS: Partial<Record<Role, Group[]>> = {
  OPERATOR_OPD: [
    { key: "perbaikan", title: "Perlu perbaikan", hint: "Perbaiki isian dan dokumen sesuai catatan verifikator, lalu ajukan ulang.", match: stageIn("PERBAIKAN") },
    { key: "draf", title: "Draf belum diajukan", hint: "Lengkapi isian, unggah KAK (dan Studi Kelayakan untuk KSDPK), lalu ajukan kepada Kepala OPD.", match: stageIn("DRAF") },
  ],
  KEPALA_OPD: [
    { key: "persetujuan", title: "Menunggu persetujuan Anda", hint: "Periksa usulan, unggah surat inisiasi yang Anda tandatangani, lalu setujui — atau kembalikan ke operator dengan alasan.", match: stageIn("PERSETUJUAN_OPD") },
  ],
  TKKSD: [
    { key: "belum", title: "Menunggu pendapat Anda", hint: "Baca usulan dan dokumennya, lalu berikan pendapat tertulis: layak, tidak layak, atau perlu perbaikan.", match: (i) => !i.opinionGiven },
    { key: "sudah", title: "Sudah memberi pendapat", hint: "Pendapat Anda tercatat; usulan menunggu rapat TKKSD. Pendapat masih dapat diubah selama pembahasan.", match: (i) => Boolean(i.opinionGiven) },
  ],
  STAF_KS: KS_GROUPS,
  KABAG_KS: KS_GROUPS,
};

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

function Item({ item, now, tz, showStage, showReason }: { item: InboxItem; now: Date; tz: string; showStage: boolean; showReason: boolean }) {
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

export default async function TindakanPage() {
  const actor = await requirePermission("case.list");
  const now = new Date();
  const [items, settings] = await Promise.all([inbox(actor, now), getSettings()]);
  const tz = settings.region.timeZone;
  const groups = GROUPS[actor.role] ?? [];
  const placed = new Set<string>();
  const sections = groups.map((g) => {
    const list = items.filter((i) => !placed.has(i.id) && g.match(i));
    list.forEach((i) => placed.add(i.id));
    return { ...g, list };
  });
  const rest = items.filter((i) => !placed.has(i.id));
  if (rest.length > 0) sections.push({ key: "lainnya", title: "Lainnya", hint: "Usulan lain yang menunggu tindakan Anda.", match: () => true, list: rest });
  // Bagian Kerja Sama has many kinds of work (groups of KS_GROUPS): show only those with something waiting.
  const shown = groups === KS_GROUPS ? sections.filter((s) => s.list.length > 0) : sections;
  const multiStage = (s: (typeof sections)[number]) => new Set(s.list.map((i) => i.stage)).size > 1 || s.key === "lainnya";

  return (
    <>
      <PageHeader
        title="Perlu Tindakan"
        description="Usulan yang menunggu tindakan Anda, yang paling lama menunggu lebih dulu. Buka usulan untuk melihat dokumen dan tombol tindakannya."
      />
      {items.length === 0 ? (
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
              {shown.map((s) => (
                <li key={s.key}>
                  <a
                    href={`#${s.key}`}
                    className="inline-flex min-h-10 items-center gap-2 rounded-md border border-slate-300 bg-white px-3 text-sm font-semibold text-brand-800 hover:bg-slate-50"
                  >
                    {s.title}
                    <span className="rounded-full bg-slate-100 px-2 text-slate-800">{s.list.length.toLocaleString("id-ID")}</span>
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          {shown.map((s) => (
            <section key={s.key} id={s.key} aria-labelledby={`${s.key}-judul`} className="scroll-mt-20">
              <h2 id={`${s.key}-judul`} className="text-lg font-semibold text-slate-900">
                {s.title}{" "}
                <span className="text-base font-normal text-slate-600">({s.list.length.toLocaleString("id-ID")})</span>
              </h2>
              <p className="mt-1 mb-3 text-sm text-slate-600">{s.hint}</p>
              {s.list.length === 0 ? (
                <p className="rounded-lg border border-dashed border-slate-300 bg-white px-4 py-3 text-sm text-slate-700">Tidak ada.</p>
              ) : (
                <ul className="space-y-3">
                  {s.list.map((i) => (
                    <Item key={i.id} item={i} now={now} tz={tz} showStage={multiStage(s)} showReason={i.stage === "PERBAIKAN" || i.stage === "DRAF"} />
                  ))}
                </ul>
              )}
            </section>
          ))}
        </div>
      )}
    </>
  );
}
