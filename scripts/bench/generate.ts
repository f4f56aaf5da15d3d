// Set-based generation of the benchmark data set at the scale of targets.md (one session, temp
// tables, generate_series / INSERT … SELECT; nothing row by row):
//   60 OPD · 500 users (all roles) · 10,000 partners · 100,000 cases over every jenis and stage
//   (most in PELAKSANAAN/SELESAI) · ~1,000,000 StageHistory rows forming consistent from→to chains
//   · ~120,000 agreements (KB/PKS/NK/MoU, dated, some ending within 90 days) · ~300,000 documents
//   (metadata only, unique storage keys, no files).
// Ids are 25 characters like Prisma's cuid() (md5-derived, so unordered like random ids).
// Every generated timestamp is before `cutoff` (generation time − 1 day): rows written by the
// benchmark's own transitions are newer, which is how they are rewound afterwards (see dataset.ts).
import type pg from "pg";

export const GENERATOR_VERSION = "5";
export const TARGET = { opd: 60, partners: 10_000, cases: 100_000, history: 1_000_000, documents: 300_000 };

type Chain = { grp: number; stages: string[] };

// grp 1 = KSDD/KSDPK without DPRD, 2 = KSDD/KSDPK with DPRD, 3 = SINERGI, 4 = KSDPL/KSDLL.
const REGION_HEAD = ["DRAF", "PERSETUJUAN_OPD", "VERIFIKASI", "KAJIAN_TKKSD", "PENAWARAN", "PENYUSUNAN_KB", "PENANDATANGANAN_KB"];
const TAIL = ["PELAKSANAAN", "BERAKHIR", "SELESAI"];
const CHAINS: Chain[] = [
  { grp: 1, stages: [...REGION_HEAD, "PENYUSUNAN_PKS", "PENANDATANGANAN_PKS", ...TAIL] },
  { grp: 2, stages: [...REGION_HEAD, "PERSETUJUAN_DPRD", "PENYUSUNAN_PKS", "PENANDATANGANAN_PKS", ...TAIL] },
  { grp: 3, stages: ["DRAF", "PERSETUJUAN_OPD", "VERIFIKASI", "KAJIAN_TKKSD", "PENYUSUNAN_NK", "PENANDATANGANAN_NK", ...TAIL] },
  {
    grp: 4,
    stages: [
      "DRAF", "PERSETUJUAN_OPD", "VERIFIKASI", "KAJIAN_TKKSD", "PENJAJAKAN_LOI", "KONSULTASI_KEMENDAGRI", "PERSETUJUAN_DPRD",
      "PEMBAHASAN_INTERKEMENTERIAN", "PERSETUJUAN_PUSAT", "PENANDATANGANAN_MOU", ...TAIL,
    ],
  },
];

/** Side exits: [final stage, the chain stage it leaves from, event, role, groups]. */
const SIDE: [string, string, string, string, number[]][] = [
  ["PERBAIKAN", "VERIFIKASI", "perlu_perbaikan", "KABAG_KS", [1, 2, 3, 4]],
  ["DITOLAK", "KAJIAN_TKKSD", "tidak_layak", "KABAG_KS", [1, 2, 3, 4]],
  ["BATAL", "PENAWARAN", "mitra_menolak", "STAF_KS", [1, 2]],
  ["DITOLAK_DPRD", "PERSETUJUAN_DPRD", "dprd_tolak", "KABAG_KS", [2, 4]],
  ["DIAKHIRI", "PELAKSANAAN", "akhiri", "KABAG_KS", [1, 2, 3, 4]],
];

/** Share (percent, normalised per group) of cases resting in each stage. */
const WEIGHTS: Record<string, number> = {
  DRAF: 2.5, PERSETUJUAN_OPD: 1.5, VERIFIKASI: 4.5, PERBAIKAN: 1, KAJIAN_TKKSD: 2, PENAWARAN: 1.5, PENYUSUNAN_KB: 4.5,
  PENANDATANGANAN_KB: 1, PERSETUJUAN_DPRD: 1, PENYUSUNAN_PKS: 1.5, PENANDATANGANAN_PKS: 1, PENYUSUNAN_NK: 2,
  PENANDATANGANAN_NK: 1, PENJAJAKAN_LOI: 1, KONSULTASI_KEMENDAGRI: 1, PEMBAHASAN_INTERKEMENTERIAN: 1,
  PERSETUJUAN_PUSAT: 1, PENANDATANGANAN_MOU: 1, PELAKSANAAN: 40, BERAKHIR: 3, SELESAI: 28, DIAKHIRI: 1.5,
  DITOLAK: 1.5, BATAL: 1, DITOLAK_DPRD: 0.5,
};

/** Event and role that move a case INTO `to` from `from` (same codes as prisma/seed/history.ts). */
function eventInto(from: string | null, to: string): [string, string] {
  if (from === null) return ["buat", "OPERATOR_OPD"];
  const specific: Record<string, [string, string]> = {
    "DRAF>PERSETUJUAN_OPD": ["ajukan", "OPERATOR_OPD"],
    "PERSETUJUAN_OPD>VERIFIKASI": ["setujui", "KEPALA_OPD"],
    "VERIFIKASI>KAJIAN_TKKSD": ["lengkap", "KABAG_KS"],
    "PENAWARAN>PENYUSUNAN_KB": ["mitra_setuju", "STAF_KS"],
    "PENJAJAKAN_LOI>KONSULTASI_KEMENDAGRI": ["loi_ditandatangani", "STAF_KS"],
    "KONSULTASI_KEMENDAGRI>PERSETUJUAN_DPRD": ["konsultasi_selesai", "STAF_KS"],
    "PEMBAHASAN_INTERKEMENTERIAN>PERSETUJUAN_PUSAT": ["pembahasan_selesai", "STAF_KS"],
    "PERSETUJUAN_PUSAT>PENANDATANGANAN_MOU": ["pusat_setuju", "STAF_KS"],
    "PELAKSANAAN>BERAKHIR": ["berakhir", "KABAG_KS"],
    "BERAKHIR>SELESAI": ["selesai", "KABAG_KS"],
  };
  const key = `${from}>${to}`;
  if (specific[key]) return specific[key];
  if (from === "KAJIAN_TKKSD") return ["layak", "KABAG_KS"];
  if (from === "PERSETUJUAN_DPRD") return ["dprd_setuju", "KABAG_KS"];
  if (from.startsWith("PENYUSUNAN_")) return ["final", "STAF_KS"];
  if (from.startsWith("PENANDATANGANAN_")) return ["tandatangani", "KABAG_KS"];
  throw new Error(`bench generator: no event for ${key}`);
}

/** Documents uploaded while a case is in a stage (the required ones first). */
const STAGE_DOCS: Record<string, string[]> = {
  DRAF: ["KAK", "STUDI_KELAYAKAN"],
  PERSETUJUAN_OPD: ["SURAT_INISIASI"],
  KAJIAN_TKKSD: ["BERITA_ACARA_TKKSD", "DAFTAR_HADIR_TKKSD"],
  PENAWARAN: ["SURAT_PENAWARAN", "SURAT_JAWABAN"],
  PENYUSUNAN_KB: ["DRAF_KB"],
  PENANDATANGANAN_KB: ["KB_DITANDATANGANI"],
  PERSETUJUAN_DPRD: ["SURAT_PERMOHONAN_DPRD", "PERSETUJUAN_DPRD"],
  PENYUSUNAN_PKS: ["DRAF_PKS"],
  PENANDATANGANAN_PKS: ["PKS_DITANDATANGANI"],
  PENYUSUNAN_NK: ["DRAF_NK", "RENCANA_KERJA"],
  PENANDATANGANAN_NK: ["NK_DITANDATANGANI"],
  PENJAJAKAN_LOI: ["LOI"],
  KONSULTASI_KEMENDAGRI: ["HASIL_KONSULTASI_KEMENDAGRI"],
  PEMBAHASAN_INTERKEMENTERIAN: ["HASIL_PEMBAHASAN_INTERKEMENTERIAN"],
  PERSETUJUAN_PUSAT: ["PERSETUJUAN_PUSAT", "FULL_POWER"],
  PENANDATANGANAN_MOU: ["MOU_DITANDATANGANI"],
  PELAKSANAAN: ["LAPORAN_BERKALA", "BUKTI_KEGIATAN"],
  BERAKHIR: ["LAPORAN_AKHIR"],
};

const lit = (s: string) => `'${s.replaceAll("'", "''")}'`;

function valuesChain(): string {
  const rows: string[] = [];
  for (const c of CHAINS) {
    c.stages.forEach((stage, pos) => {
      const prev = pos === 0 ? null : c.stages[pos - 1];
      const [event, role] = eventInto(prev, stage);
      rows.push(`(${c.grp}, ${pos}, ${lit(stage)}::"Stage", ${prev ? `${lit(prev)}::"Stage"` : "NULL::\"Stage\""}, ${lit(event)}, ${lit(role)}::"Role")`);
    });
  }
  return rows.join(",\n");
}

function valuesTargets(): string {
  const rows: string[] = [];
  for (const c of CHAINS) {
    const entries: [string, number, string | null, string | null][] = [];
    c.stages.forEach((stage, pos) => entries.push([stage, pos, null, null]));
    for (const [stage, from, event, role, groups] of SIDE) {
      if (groups.includes(c.grp)) entries.push([stage, c.stages.indexOf(from), event, role]);
    }
    const total = entries.reduce((s, [stage]) => s + (WEIGHTS[stage] ?? 0), 0);
    const kept = entries.filter(([stage]) => (WEIGHTS[stage] ?? 0) > 0);
    let acc = 0;
    kept.forEach(([stage, pos, event, role], k) => {
      const w = (WEIGHTS[stage] ?? 0) / total;
      const hi = k === kept.length - 1 ? 2 : acc + w; // random() < 1: the last bucket takes the rounding rest
      rows.push(
        `(${c.grp}, ${lit(stage)}::"Stage", ${pos}, ${event ? lit(event) : "NULL"}, ${role ? `${lit(role)}::"Role"` : "NULL::\"Role\""}, ${acc}, ${hi})`,
      );
      acc += w;
    });
  }
  return rows.join(",\n");
}

function valuesStageDocs(): string {
  const rows: string[] = [];
  for (const [stage, types] of Object.entries(STAGE_DOCS)) {
    types.forEach((type, n) => rows.push(`(${lit(stage)}::"Stage", ${lit(type)}::"DocumentType", ${n})`));
  }
  return rows.join(",\n");
}

// Deterministic 25-character ids (like cuid) derivable from a number.
const ID_FUNCTIONS = `
CREATE FUNCTION pg_temp.bid(kind text, n bigint) RETURNS text
  LANGUAGE sql IMMUTABLE AS $$ SELECT 'c' || substr(md5(kind || ':' || n), 1, 24) $$;
CREATE FUNCTION pg_temp.operator_of(opd int, n int) RETURNS text
  LANGUAGE sql IMMUTABLE AS $$ SELECT pg_temp.bid('op', opd * 10 + (n % 6)) $$;
CREATE FUNCTION pg_temp.actor(role "Role", opd int, n int) RETURNS text
  LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE role
      WHEN 'OPERATOR_OPD' THEN pg_temp.bid('op', opd * 10 + (n % 6))
      WHEN 'KEPALA_OPD' THEN pg_temp.bid('kp', opd)
      WHEN 'KABAG_KS' THEN pg_temp.bid('kb', n % 2)
      ELSE pg_temp.bid('ks', n % 20) END $$;
`;

export type GenerationReport = { seconds: number; steps: [string, number][] };

export async function generate(client: pg.Client, log: (line: string) => void): Promise<GenerationReport> {
  const steps: [string, number][] = [];
  const t0 = performance.now();
  const step = async (name: string, sql: string, params: unknown[] = []) => {
    const s = performance.now();
    const r = await client.query(sql, params);
    const ms = performance.now() - s;
    steps.push([name, ms]);
    log(`  ${name.padEnd(34)} ${(ms / 1000).toFixed(1).padStart(6)} s${r.rowCount != null && r.command === "INSERT" ? `  (${r.rowCount.toLocaleString("en-US")} rows)` : ""}`);
    return r;
  };

  // Bulk load: no FK/trigger checks per row (the data is consistent by construction; superuser only).
  const replica = await client.query("SET session_replication_role = replica").then(() => true, () => false);
  if (!replica) log("  (not a superuser: foreign keys are checked row by row — slower)");
  await client.query("SET synchronous_commit = off; SET work_mem = '256MB'; SET maintenance_work_mem = '512MB'; SET TIME ZONE 'UTC'");
  await client.query("SELECT setseed(0.4242)");

  await step("truncate", `DO $$
    DECLARE tables text;
    BEGIN
      SELECT string_agg(format('%I.%I', schemaname, tablename), ', ') INTO tables
        FROM pg_tables WHERE schemaname = 'public' AND tablename NOT IN ('_prisma_migrations');
      IF tables IS NOT NULL THEN EXECUTE 'TRUNCATE TABLE ' || tables || ' RESTART IDENTITY CASCADE'; END IF;
    END $$`);
  await client.query(ID_FUNCTIONS);
  await client.query(`
    CREATE TEMP TABLE chain (grp int, pos int, stage "Stage", prev "Stage", event text, role "Role");
    INSERT INTO chain VALUES ${valuesChain()};
    CREATE TEMP TABLE target (grp int, stage "Stage", base_pos int, side_event text, side_role "Role", lo float8, hi float8);
    INSERT INTO target VALUES ${valuesTargets()};
    CREATE TEMP TABLE stage_doc (stage "Stage", type "DocumentType", n int);
    INSERT INTO stage_doc VALUES ${valuesStageDocs()};
  `);

  await step("Opd", `
    INSERT INTO "Opd" (id, name, "shortName", code, "updatedAt")
    SELECT pg_temp.bid('opd', i), 'Perangkat Daerah Uji ' || lpad(i::text, 2, '0'), 'PDU' || lpad(i::text, 2, '0'),
           '4.01.' || lpad(i::text, 2, '0'), now()
    FROM generate_series(1, ${TARGET.opd}) i`);

  await step("User", `
    INSERT INTO "User" (id, username, "fullName", nip, email, role, "opdId", "passwordHash", "updatedAt")
    SELECT id, username, 'Pengguna ' || username, NULL, username || '@bench.invalid', role, opd, '$argon2id$v=19$bench$not-a-real-hash', now()
    FROM (
      SELECT pg_temp.bid('op', o * 10 + k) AS id, 'operator.' || o || '.' || k AS username, 'OPERATOR_OPD'::"Role" AS role, pg_temp.bid('opd', o) AS opd
        FROM generate_series(1, ${TARGET.opd}) o, generate_series(0, 5) k
      UNION ALL
      SELECT pg_temp.bid('kp', o), 'kepala.' || o, 'KEPALA_OPD', pg_temp.bid('opd', o) FROM generate_series(1, ${TARGET.opd}) o
      UNION ALL SELECT pg_temp.bid('ks', n), 'staf.ks.' || n, 'STAF_KS', NULL FROM generate_series(0, 19) n
      UNION ALL SELECT pg_temp.bid('kb', n), 'kabag.ks.' || n, 'KABAG_KS', NULL FROM generate_series(0, 1) n
      UNION ALL SELECT pg_temp.bid('tk', n), 'tkksd.' || n, 'TKKSD', NULL FROM generate_series(0, 49) n
      UNION ALL SELECT pg_temp.bid('pm', n), 'pimpinan.' || n, 'PIMPINAN', NULL FROM generate_series(0, 4) n
      UNION ALL SELECT pg_temp.bid('ad', n), 'admin.' || n, 'ADMIN', NULL FROM generate_series(0, 2) n
    ) u`);

  // Partner classes first, so that every case gets a partner that fits its jenis (domain §2).
  await client.query(`
    CREATE TEMP TABLE pclass AS
    SELECT i, cls, CASE WHEN cls = 'PERGURUAN_TINGGI' THEN (CASE WHEN i % 2 = 0 THEN 'PTS' ELSE 'PTN_BLU' END)::"UniversityStatus" END AS ustatus
    FROM (
      SELECT i, (ARRAY['SWASTA','SWASTA','SWASTA','SWASTA','PEMDA','PEMDA','PERGURUAN_TINGGI','PERGURUAN_TINGGI','BUMN','BUMD',
                       'ORMAS_LSM','ORMAS_LSM','KEMENTERIAN_LEMBAGA','PERORANGAN','PEMDA_LUAR_NEGERI','LEMBAGA_LUAR_NEGERI'])[1 + floor(random() * 16)::int]::"PartnerClass" AS cls
      FROM generate_series(1, ${TARGET.partners}) i
    ) p;
    CREATE TEMP TABLE fit AS
    SELECT k.kind, row_number() OVER (PARTITION BY k.kind ORDER BY p.i) AS n, p.i
    FROM pclass p JOIN (VALUES
      ('KSDD', 'PEMDA'), ('KSDPK', 'SWASTA'), ('KSDPK', 'BUMN'), ('KSDPK', 'BUMD'), ('KSDPK', 'ORMAS_LSM'),
      ('KSDPK', 'PERORANGAN'), ('KSDPK', 'PERGURUAN_TINGGI'), ('SINERGI', 'KEMENTERIAN_LEMBAGA'), ('SINERGI', 'PERGURUAN_TINGGI'),
      ('KSDPL', 'PEMDA_LUAR_NEGERI'), ('KSDLL', 'LEMBAGA_LUAR_NEGERI')
    ) k(kind, cls) ON p.cls::text = k.cls
      AND (p.cls <> 'PERGURUAN_TINGGI' OR (k.kind = 'KSDPK') = (p.ustatus = 'PTS'));
    CREATE TEMP TABLE fitcount AS SELECT kind, count(*)::int AS cnt FROM fit GROUP BY kind;
    CREATE INDEX ON fit (kind, n);`);

  await step("Partner", `
    INSERT INTO "Partner" (id, name, "partnerClass", "universityStatus", "legalForm", address, province, regency, email, phone,
                           "registrationNumber", "contact1Name", "contact1Position", "contact1Phone", "updatedAt", "createdAt")
    SELECT pg_temp.bid('partner', i),
           (ARRAY['PT','CV','Universitas','Yayasan','Pemerintah Kabupaten','Perseroda','Koperasi'])[1 + i % 7] || ' Mitra Uji ' || i,
           cls, ustatus, (ARRAY['PT','CV','PTN BH','Yayasan','Pemda','Perseroda','Koperasi'])[1 + i % 7],
           'Jl. Uji No. ' || i, 'Provinsi ' || (i % 38), 'Kabupaten ' || (i % 514), 'mitra' || i || '@bench.invalid',
           '0812' || lpad(i::text, 8, '0'), 'NIB' || lpad(i::text, 13, '0'), 'Kontak ' || i, 'Direktur', '0813' || lpad(i::text, 8, '0'),
           now(), now() - (random() * interval '2000 days')
    FROM pclass`);

  // The case plan: jenis, path group, resting stage, OPD (skewed: some OPDs are much busier), timeline.
  await step("plan cases", `
    CREATE TEMP TABLE plan AS
    WITH base AS (
      SELECT i, random() AS rk, random() AS rs, random() AS rd, random() AS ro, random() AS rp, random() AS rt, random() AS rx
      FROM generate_series(1, ${TARGET.cases}) i
    ), kinded AS (
      SELECT *, CASE WHEN rk < 0.40 THEN 'KSDD' WHEN rk < 0.70 THEN 'KSDPK' WHEN rk < 0.90 THEN 'SINERGI'
                     WHEN rk < 0.95 THEN 'KSDPL' ELSE 'KSDLL' END::"CaseKind" AS kind
      FROM base
    ), grouped AS (
      SELECT *, CASE WHEN kind IN ('KSDD','KSDPK') THEN CASE WHEN rd < 0.3 THEN 2 ELSE 1 END
                     WHEN kind = 'SINERGI' THEN 3 ELSE 4 END AS grp
      FROM kinded
    )
    SELECT g.i, pg_temp.bid('case', g.i) AS id, g.kind, g.grp, t.stage, t.base_pos, t.side_event, t.side_role,
           1 + floor(${TARGET.opd} * power(g.ro, 1.7))::int AS opd,
           f.i AS partner,
           (3 + g.rt * 27) * interval '1 day' AS step,
           g.rx
    FROM grouped g JOIN target t ON t.grp = g.grp AND g.rs >= t.lo AND g.rs < t.hi
      JOIN fitcount fc ON fc.kind = g.kind::text
      JOIN fit f ON f.kind = g.kind::text AND f.n = 1 + floor(g.rp * fc.cnt)::int`);
  // Timeline: the case rests in its stage since ts(base_pos [+1 for a side exit]) ≤ cutoff.
  await client.query(`
    ALTER TABLE plan ADD COLUMN created_at timestamp, ADD COLUMN entered_at timestamp, ADD COLUMN moves int;
    UPDATE plan SET
      created_at = date_trunc('second', now() AT TIME ZONE 'UTC') - interval '1 day'
                   - (base_pos + 2) * step - rx * interval '500 days',
      moves = base_pos + (side_event IS NOT NULL)::int;
    UPDATE plan SET entered_at = created_at + moves * step;
    CREATE UNIQUE INDEX ON plan (i); ANALYZE plan;`);

  await step("Case", `
    INSERT INTO "Case" (id, code, title, kind, "ksddNature", "ksdpkForm", initiator, "opdId", "partnerId", subject,
      "governmentAffair", purpose, scope, benefits, "fundingSource", "fundingAmount", "fundingYear", "burdensPublic",
      "budgetedInApbd", "requiresDprd", "proposedStart", "proposedEnd", stage, "stageEnteredAt", version, "lastReason",
      "submittedAt", "closedAt", "createdById", "createdAt", "updatedAt")
    SELECT p.id, 'KS-' || extract(year FROM p.created_at)::int || '-B' || lpad(p.i::text, 6, '0'),
      'Kerja Sama ' || a.affair || ' dengan Mitra Uji ' || p.partner, p.kind,
      CASE WHEN p.kind = 'KSDD' THEN (CASE WHEN p.i % 3 = 0 THEN 'WAJIB' ELSE 'SUKARELA' END)::"KsddNature" END,
      CASE WHEN p.kind = 'KSDPK' THEN (ARRAY['PELAYANAN_PUBLIK','PENGELOLAAN_ASET','INVESTASI','LAINNYA'])[1 + p.i % 4]::"KsdpkForm" END,
      'DAERAH', pg_temp.bid('opd', p.opd), pg_temp.bid('partner', p.partner),
      'Objek kerja sama bidang ' || a.affair, a.affair,
      'Meningkatkan kualitas layanan ' || a.affair || ' melalui kerja sama dengan mitra; usulan nomor ' || p.i || '.',
      'Ruang lingkup: perencanaan, pelaksanaan, pemantauan dan evaluasi kegiatan ' || a.affair || ' di wilayah daerah.',
      'Manfaat: efisiensi anggaran, peningkatan kapasitas aparatur dan pelayanan publik di bidang ' || a.affair || '.',
      (ARRAY['APBD','APBN','MITRA','CSR','CAMPURAN','TANPA_BIAYA'])[1 + p.i % 6]::"FundingSource",
      round((p.rx * 5000000000)::numeric, 2), extract(year FROM p.created_at)::int,
      p.grp = 2, p.grp <> 2, p.grp IN (2, 4),
      (p.created_at + interval '60 days')::date, (p.created_at + interval '60 days' + interval '3 years')::date,
      p.stage, p.entered_at, p.moves,
      CASE WHEN p.side_event IS NOT NULL THEN 'Alasan uji: ' || p.side_event END,
      CASE WHEN p.base_pos >= 1 THEN p.created_at + p.step END,
      CASE WHEN p.stage IN ('SELESAI','DIAKHIRI','DITOLAK','BATAL','DITOLAK_DPRD') THEN p.entered_at END,
      pg_temp.operator_of(p.opd, p.i), p.created_at, p.entered_at
    FROM plan p
    CROSS JOIN LATERAL (SELECT (ARRAY['Kesehatan','Pendidikan','Pariwisata','Pekerjaan Umum','Perhubungan','Pertanian',
      'Lingkungan Hidup','Kependudukan','Sosial','Koperasi dan UKM','Penanaman Modal','Kominfo'])[1 + p.i % 12] AS affair) a
    ORDER BY p.created_at`);

  // History: creation row + one row per move along the chain (+ the side exit), then revision
  // rounds VERIFIKASI ⇄ PERBAIKAN (between the VERIFIKASI and KAJIAN_TKKSD rows) up to the target.
  const chainRows = Number(
    (await client.query<{ n: string }>(`SELECT sum(moves + 1) AS n FROM plan`)).rows[0].n,
  );
  const pairs = Math.max(0, Math.floor((TARGET.history - chainRows) / 2));
  await step("plan history", `
    CREATE TEMP TABLE hist AS
    SELECT p.id AS case_id, c.prev AS from_stage, c.stage AS to_stage, c.event, c.role, p.opd, p.i,
           p.created_at + c.pos * p.step AS at
    FROM plan p JOIN chain c ON c.grp = p.grp AND c.pos <= p.base_pos
    UNION ALL
    SELECT p.id, c.stage, p.stage, p.side_event, p.side_role, p.opd, p.i, p.entered_at
    FROM plan p JOIN chain c ON c.grp = p.grp AND c.pos = p.base_pos
    WHERE p.side_event IS NOT NULL`);
  if (pairs > 0) {
    await step("plan revision rounds", `
      WITH eligible AS (
        SELECT p.*, row_number() OVER (ORDER BY md5(p.id)) - 1 AS rn, count(*) OVER () AS total
        FROM plan p WHERE p.base_pos >= 3
      ), rounds AS (
        SELECT e.*, ($1::bigint / e.total) + (e.rn < $1::bigint % e.total)::int AS k FROM eligible e
      )
      INSERT INTO hist
      SELECT r.id, x.from_stage, x.to_stage, x.event, x.role, r.opd, r.i,
             r.created_at + 2 * r.step + r.step * (2 * n - 2 + x.half) / (2 * r.k + 1)
      FROM rounds r, generate_series(1, r.k) n,
           (VALUES ('VERIFIKASI'::"Stage", 'PERBAIKAN'::"Stage", 'perlu_perbaikan', 'KABAG_KS'::"Role", 1),
                   ('PERBAIKAN'::"Stage", 'VERIFIKASI'::"Stage", 'ajukan_ulang', 'OPERATOR_OPD'::"Role", 2)) x(from_stage, to_stage, event, role, half)
      WHERE r.k > 0`, [pairs]);
    await client.query(`
      UPDATE plan p SET moves = p.moves + 2 * r.k
      FROM (SELECT case_id, count(*) / 2 AS k FROM hist WHERE event = 'ajukan_ulang' GROUP BY case_id) r
      WHERE r.case_id = p.id;
      UPDATE "Case" c SET version = p.moves FROM plan p WHERE p.id = c.id AND c.version <> p.moves`);
  }
  await step("StageHistory", `
    INSERT INTO "StageHistory" ("caseId", "fromStage", "toStage", event, "actorId", "actorRole", note, "createdAt")
    SELECT case_id, from_stage, to_stage, event, pg_temp.actor(role, opd, i), role,
           CASE WHEN event IN ('perlu_perbaikan','tidak_layak','mitra_menolak','dprd_tolak','akhiri')
                THEN 'Catatan uji untuk ' || event || ': kelengkapan dan kesesuaian berkas perlu ditindaklanjuti.' END,
           at
    FROM hist ORDER BY at`);

  // Agreements of signed stages. KB (region) once past PENANDATANGANAN_KB; PKS/NK/MoU once in PELAKSANAAN.
  await step("Agreement", `
    WITH signed AS (
      SELECT p.*, a.type, a.sign_pos,
             CASE WHEN p.stage = 'PELAKSANAAN' THEN 'BERLAKU' WHEN p.stage IN ('BERAKHIR','SELESAI') THEN 'BERAKHIR'
                  WHEN p.stage = 'DIAKHIRI' THEN 'DIAKHIRI' WHEN p.stage = 'DITOLAK_DPRD' THEN 'DITOLAK_DPRD'
                  -- a KB signed while the case waits for the DPRD is not in force yet (domain §4.1)
                  WHEN p.stage = 'PERSETUJUAN_DPRD' THEN 'MENUNGGU_DPRD'
                  ELSE 'BERLAKU' END::"AgreementStatus" AS status
      FROM plan p
      JOIN chain cp ON cp.grp = p.grp AND cp.stage = 'PELAKSANAAN'
      CROSS JOIN LATERAL (
        SELECT 'KB'::"AgreementType" AS type, ck.pos AS sign_pos FROM chain ck
          WHERE p.grp IN (1, 2) AND ck.grp = p.grp AND ck.stage = 'PENANDATANGANAN_KB' AND p.base_pos > ck.pos
        UNION ALL
        SELECT CASE p.grp WHEN 3 THEN 'NK' WHEN 4 THEN 'MOU' ELSE 'PKS' END::"AgreementType", cp.pos - 1
          WHERE p.base_pos >= cp.pos
      ) a
    ), dated AS (
      SELECT s.*, (s.created_at + (s.sign_pos + 1) * s.step)::date AS signed_at,
        CASE WHEN s.status = 'BERLAKU' AND s.stage = 'PELAKSANAAN' THEN
               current_date + CASE WHEN s.rx < 0.06 THEN 1 + floor(s.rx / 0.06 * 90)::int
                                   WHEN s.rx < 0.16 THEN 91 + floor((s.rx - 0.06) / 0.10 * 275)::int
                                   ELSE 366 + floor((s.rx - 0.16) / 0.84 * 1460)::int END
                 + CASE WHEN s.type = 'KB' THEN 30 + (s.i % 300) ELSE 0 END
             WHEN s.status = 'BERLAKU' THEN (s.created_at + (s.sign_pos + 1) * s.step)::date + 1826
             ELSE (s.entered_at)::date - 1 + CASE WHEN s.type = 'KB' THEN (s.i % 200) ELSE 0 END END AS end_date
      FROM signed s
    )
    INSERT INTO "Agreement" (id, "caseId", type, title, kind, "opdId", "partnerId", status, "ourNumber", "partnerNumber",
      "signedAt", "signedPlace", "signerType", "signerName", "signerPosition", "partnerSignerName", "partnerSignerPosition",
      "startDate", "endDate", version, "fundingSource", "terminatedAt", "terminationGround", "createdAt", "updatedAt")
    SELECT pg_temp.bid('agr-' || d.type, d.i), d.id, d.type, d.type || ' Kerja Sama Uji ' || d.i, d.kind,
      pg_temp.bid('opd', d.opd), pg_temp.bid('partner', d.partner), d.status,
      '180/' || d.i || '/' || d.type || '/' || extract(year FROM d.signed_at)::int, 'MTR/' || d.i || '/' || d.type,
      d.signed_at, 'Kantor Bupati', 'KEPALA_DAERAH', 'Bupati Uji', 'Bupati', 'Direktur Mitra ' || d.partner, 'Direktur',
      d.signed_at, greatest(d.end_date, d.signed_at + 30), 1, 'APBD',
      CASE WHEN d.status = 'DIAKHIRI' THEN d.entered_at::date END,
      CASE WHEN d.status = 'DIAKHIRI' THEN 'PARA_PIHAK_SEPAKAT'::"TerminationGround" END,
      d.created_at + (d.sign_pos + 1) * d.step, d.entered_at
    FROM dated d ORDER BY d.signed_at`);
  // Drafts of the naskah being prepared or awaiting signature (no numbers, no dates yet), and the
  // signed LoI of the foreign chain: the register's main naskah and number search see what a real
  // office has. The register summary on "Case" is kept by the database's triggers (they fire under
  // session_replication_role = replica too), not by this generator.
  await step("Agreement (drafts, LoI)", `
    INSERT INTO "Agreement" (id, "caseId", type, title, kind, "opdId", "partnerId", status, "ourNumber", "partnerNumber",
      "signedAt", "startDate", "endDate", version, "createdAt", "updatedAt")
    SELECT pg_temp.bid('agr-' || x.type, p.i), p.id, x.type, x.type || ' Kerja Sama Uji ' || p.i, p.kind,
      pg_temp.bid('opd', p.opd), pg_temp.bid('partner', p.partner), x.status,
      CASE WHEN x.status <> 'DRAF' THEN '180/' || p.i || '/' || x.type || '/' || extract(year FROM p.entered_at)::int END,
      CASE WHEN x.status <> 'DRAF' THEN 'MTR/' || p.i || '/' || x.type END,
      CASE WHEN x.status <> 'DRAF' THEN (p.entered_at - p.step)::date END,
      CASE WHEN x.status <> 'DRAF' THEN (p.entered_at - p.step)::date END,
      CASE WHEN x.status <> 'DRAF' THEN (p.entered_at - p.step)::date + 365 END,
      1, p.entered_at, p.entered_at
    FROM plan p
    CROSS JOIN LATERAL (
      SELECT 'KB'::"AgreementType" AS type, 'DRAF'::"AgreementStatus" AS status WHERE p.stage IN ('PENYUSUNAN_KB', 'PENANDATANGANAN_KB')
      UNION ALL SELECT 'PKS', 'DRAF' WHERE p.stage IN ('PENYUSUNAN_PKS', 'PENANDATANGANAN_PKS')
      UNION ALL SELECT 'NK', 'DRAF' WHERE p.stage IN ('PENYUSUNAN_NK', 'PENANDATANGANAN_NK')
      UNION ALL SELECT 'MOU', 'DRAF' WHERE p.stage IN ('PERSETUJUAN_PUSAT', 'PENANDATANGANAN_MOU')
      UNION ALL SELECT 'LOI', 'BERLAKU' WHERE p.grp = 4 AND p.base_pos > 4 AND p.stage NOT IN ('PELAKSANAAN', 'BERAKHIR', 'SELESAI', 'DIAKHIRI')
    ) x`);
  await client.query(`
    UPDATE "Agreement" p SET "parentId" = k.id
    FROM "Agreement" k WHERE p.type = 'PKS' AND k.type = 'KB' AND k."caseId" = p."caseId"`);

  // Documents: every document of every stage passed, sampled down to the target; the documents of
  // the stage a case rests in are always present (so PENYUSUNAN_KB cases have their DRAF_KB).
  await step("plan documents", `
    CREATE TEMP TABLE doc_plan AS
    SELECT p.id AS case_id, p.i, p.opd, c.pos, c.stage, d.type, d.n, (c.pos = p.base_pos) AS current,
           p.created_at + c.pos * p.step + p.step * (0.2 + 0.1 * d.n) AS at
    FROM plan p JOIN chain c ON c.grp = p.grp AND c.pos <= p.base_pos
    JOIN stage_doc d ON d.stage = c.stage
    WHERE NOT (d.type = 'STUDI_KELAYAKAN' AND p.kind <> 'KSDPK')`);
  const { rows: dp } = await client.query<{ total: string; current: string }>(
    `SELECT count(*) AS total, count(*) FILTER (WHERE current) AS current FROM doc_plan`,
  );
  const keep = Math.min(1, Math.max(0, (TARGET.documents - Number(dp[0].current)) / (Number(dp[0].total) - Number(dp[0].current))));
  await step("Document", `
    INSERT INTO "Document" (id, "caseId", stage, type, version, locked, "storageKey", sha256, "sizeBytes", "mimeType",
                            "originalName", "uploadedById", "uploadedAt")
    SELECT pg_temp.bid('doc', row_number() OVER ()), case_id, stage, type, 1, NOT current,
           'bench/' || case_id || '/' || type || '-v1-' || substr(md5(case_id || type), 1, 12) || '.pdf',
           encode(sha256(convert_to(case_id || type, 'UTF8')), 'hex'),
           50000 + (hashtext(case_id || type) & 4194303), 'application/pdf', lower(type::text) || '.pdf',
           CASE WHEN pos <= 1 THEN pg_temp.operator_of(opd, i) ELSE pg_temp.actor('STAF_KS', opd, i) END, at
    FROM doc_plan
    WHERE current OR (hashtext(case_id || type || 'keep') & 1048575) < $1::float8 * 1048576
    ORDER BY at`, [keep]);

  await client.query("RESET session_replication_role");
  // VACUUM sets the visibility map (index-only scans) and keeps autovacuum from starting on the
  // fresh tables in the middle of the measurements; CHECKPOINT flushes the load before timing.
  await step("VACUUM (ANALYZE)", "VACUUM (ANALYZE)");
  await step("CHECKPOINT", "CHECKPOINT");
  await client.query("RESET ALL");
  await client.query(`
    CREATE TABLE IF NOT EXISTS bench_meta (key text PRIMARY KEY, value text NOT NULL);
    CREATE TABLE IF NOT EXISTS bench_moves (case_id text PRIMARY KEY, from_stage "Stage" NOT NULL);
    TRUNCATE bench_meta, bench_moves;`);
  const seconds = (performance.now() - t0) / 1000;
  await client.query(
    `INSERT INTO bench_meta VALUES ('version', $1), ('generated_at', now()::text), ('seconds', $2),
       ('cutoff', (SELECT max(t)::text FROM (SELECT max("createdAt") t FROM "StageHistory" UNION ALL SELECT max("uploadedAt") FROM "Document"
                    UNION ALL SELECT max("stageEnteredAt") FROM "Case") x))`,
    [GENERATOR_VERSION, seconds.toFixed(1)],
  );
  return { seconds, steps };
}
