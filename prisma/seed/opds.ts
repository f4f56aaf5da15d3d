// Perangkat Daerah of the fictional Kabupaten Sukamaju. Ids are fixed (`opd-<key>`) so tests, e2e
// fixtures and the README can name them; codes follow the SIPD unit nomenclature.

export type OpdKey =
  | "dikbud" | "dinkes" | "rsud" | "dpupr" | "dinsos" | "distan" | "dlh" | "disdukcapil"
  | "dishub" | "diskominfo" | "dpmptsp" | "dispar" | "bappeda" | "bpkad" | "ks";

export type OpdSeed = { key: OpdKey; name: string; shortName: string; code: string };

export const OPDS: readonly OpdSeed[] = [
  { key: "dikbud", name: "Dinas Pendidikan dan Kebudayaan", shortName: "DIKBUD", code: "1.01.2.22.0.00.01.0000" },
  { key: "dinkes", name: "Dinas Kesehatan", shortName: "DINKES", code: "1.02.0.00.0.00.01.0000" },
  { key: "rsud", name: "Rumah Sakit Umum Daerah Sukamaju", shortName: "RSUD", code: "1.02.0.00.0.00.01.0001" },
  { key: "dpupr", name: "Dinas Pekerjaan Umum dan Penataan Ruang", shortName: "DPUPR", code: "1.03.1.04.0.00.01.0000" },
  { key: "dinsos", name: "Dinas Sosial", shortName: "DINSOS", code: "1.06.0.00.0.00.01.0000" },
  { key: "distan", name: "Dinas Pertanian dan Ketahanan Pangan", shortName: "DISTAN", code: "2.09.3.27.0.00.01.0000" },
  { key: "dlh", name: "Dinas Lingkungan Hidup", shortName: "DLH", code: "2.11.0.00.0.00.01.0000" },
  { key: "disdukcapil", name: "Dinas Kependudukan dan Pencatatan Sipil", shortName: "DISDUKCAPIL", code: "2.12.0.00.0.00.01.0000" },
  { key: "dishub", name: "Dinas Perhubungan", shortName: "DISHUB", code: "2.15.0.00.0.00.01.0000" },
  { key: "diskominfo", name: "Dinas Komunikasi dan Informatika", shortName: "DISKOMINFO", code: "2.16.2.20.2.21.01.0000" },
  { key: "dpmptsp", name: "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", shortName: "DPMPTSP", code: "2.18.0.00.0.00.01.0000" },
  { key: "dispar", name: "Dinas Pariwisata, Pemuda dan Olahraga", shortName: "DISPAR", code: "3.26.2.19.0.00.01.0000" },
  { key: "bappeda", name: "Badan Perencanaan Pembangunan Daerah", shortName: "BAPPEDA", code: "5.01.5.05.0.00.01.0000" },
  { key: "bpkad", name: "Badan Pengelolaan Keuangan dan Aset Daerah", shortName: "BPKAD", code: "5.02.0.00.0.00.01.0000" },
  { key: "ks", name: "Sekretariat Daerah — Bagian Kerja Sama", shortName: "KS", code: "4.01.0.00.0.00.01.0011" },
];

export const opdId = (key: OpdKey) => `opd-${key}`;

export function opdByKey(key: OpdKey): OpdSeed {
  const opd = OPDS.find((o) => o.key === key);
  if (!opd) throw new Error(`OPD tidak dikenal: ${key}`);
  return opd;
}
