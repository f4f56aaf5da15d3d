// Demo accounts: one operator and one head for every OPD (so each stage's actor is the right
// person), the Bagian Kerja Sama, three TKKSD members, the Sekda (PIMPINAN) and an administrator.
// Only OPERATOR_OPD and KEPALA_OPD carry an opdId (lib/auth/roles.ts OPD_ROLES).
import type { Role } from "../../lib/generated/prisma/enums";
import { OPDS, opdByKey, opdId, type OpdKey } from "./opds";

export const DEMO_PASSWORD = "Sikerda#2026";
export const EMAIL_DOMAIN = "sukamajukab.go.id";

/** NIP: YYYYMMDD (lahir) YYYYMM (TMT CPNS) S (1 pria, 2 wanita) NNN (urut). */
export function makeNip(birth: string, tmt: string, sex: 1 | 2, serial: number): string {
  const b = new Date(`${birth}T00:00:00Z`);
  const t = new Date(`${tmt}-01T00:00:00Z`);
  if (Number.isNaN(b.getTime()) || b.toISOString().slice(0, 10) !== birth) throw new Error(`Tanggal lahir NIP tidak sah: ${birth}`);
  if (Number.isNaN(t.getTime()) || t.getUTCFullYear() - b.getUTCFullYear() < 18) throw new Error(`TMT NIP tidak sah: ${tmt}`);
  const nip = `${birth.replaceAll("-", "")}${tmt.replace("-", "")}${sex}${String(serial).padStart(3, "0")}`;
  if (!/^\d{18}$/.test(nip)) throw new Error(`NIP tidak 18 digit: ${nip}`);
  return nip;
}

export type UserSeed = {
  id: string;
  username: string;
  fullName: string;
  role: Role;
  opdKey: OpdKey | null;
  nip: string | null;
  email: string;
  /** Jabatan, used for signatures and notes (not stored on User). */
  position: string;
};

export const userId = (username: string) => `user-${username.replaceAll(".", "-")}`;

/** "dr. Hj. Euis Komalasari, Sp.PD." → "euis.komalasari" */
function emailLocal(fullName: string): string {
  const words = fullName.split(",")[0].split(/\s+/).filter((w) => w && !w.endsWith("."));
  return words.slice(0, 2).join(".").toLowerCase().replace(/[^a-z.]/g, "");
}

type Person = [fullName: string, birth: string, tmt: string, sex: 1 | 2];

// [operator, kepala] per OPD (the Bagian Kerja Sama has its own roles below).
const OPD_PEOPLE: Record<Exclude<OpdKey, "ks">, [Person, Person]> = {
  dikbud: [["Nining Suryani, S.Pd.", "1990-04-17", "2014-03", 2], ["Dr. Yudi Hartono, M.Pd.", "1971-08-03", "1997-03", 1]],
  dinkes: [["Siti Nurhaliza, S.K.M.", "1992-03-15", "2019-03", 2], ["dr. Ratna Wulandari, M.Kes.", "1975-06-12", "2003-12", 2]],
  rsud: [["Ns. Rizky Ramadhan, S.Kep.", "1993-02-25", "2019-03", 1], ["dr. Hj. Euis Komalasari, Sp.PD., M.M.R.S.", "1974-11-09", "2002-04", 2]],
  dpupr: [["Ardiansyah Putra, S.T.", "1991-09-30", "2017-12", 1], ["Ir. H. Dadang Kurnia, M.T.", "1970-01-22", "1996-03", 1]],
  dinsos: [["Lina Herlina, S.Sos.", "1989-12-05", "2014-03", 2], ["Drs. Ujang Sobari, M.Si.", "1969-05-18", "1994-03", 1]],
  distan: [["Galih Permana, S.P.", "1994-07-11", "2020-12", 1], ["Ir. Tatang Suherman, M.P.", "1972-03-28", "1999-03", 1]],
  dlh: [["Dewi Anggraeni, S.Si.", "1993-10-20", "2019-03", 2], ["Dr. Ir. Neneng Hasanah, M.Sc.", "1973-02-14", "2000-03", 2]],
  disdukcapil: [["Irfan Maulana, A.Md.", "1995-06-02", "2019-03", 1], ["Hj. Yeti Rohayati, S.E., M.M.", "1971-07-07", "1998-03", 2]],
  dishub: [["Rudi Setiawan, S.T.", "1990-11-12", "2015-03", 1], ["Drs. Cecep Supriatna, M.T.", "1970-09-25", "1996-03", 1]],
  diskominfo: [["Annisa Rahmawati, S.Kom.", "1996-01-19", "2020-12", 2], ["Agus Wibisono, S.T., M.Kom.", "1976-04-08", "2003-03", 1]],
  dpmptsp: [["Hendra Saputra, S.E.", "1991-05-23", "2017-12", 1], ["Hj. Sri Mulyani Rahayu, S.H., M.H.", "1972-12-01", "1999-03", 2]],
  dispar: [["Dimas Prasetyo, S.Par.", "1994-07-21", "2020-12", 1], ["Drs. Asep Saepuloh, M.M.", "1973-06-16", "2000-03", 1]],
  bappeda: [["Putri Maharani, S.T., M.Eng.", "1992-08-08", "2017-12", 2], ["Dr. Ir. Rahmat Hidayat, M.T.", "1971-10-30", "1998-03", 1]],
  bpkad: [["Yusuf Firmansyah, S.Ak.", "1993-03-03", "2019-03", 1], ["Hj. Nurlela Kartika, S.E., M.Ak., Ak.", "1974-05-26", "2001-03", 2]],
};

// Users outside any OPD: [username, role, person|null (no NIP), jabatan].
const CENTRAL: [string, Role, Person, string, boolean][] = [
  ["staf.ks", "STAF_KS", ["Rina Marlina, S.H.", "1990-11-08", "2015-03", 2], "Analis Kerja Sama, Bagian Kerja Sama Setda", true],
  ["staf.ks2", "STAF_KS", ["Fajar Nugraha, S.IP.", "1995-02-14", "2020-12", 1], "Pengelola Kerja Sama, Bagian Kerja Sama Setda", true],
  ["kabag.ks", "KABAG_KS", ["Drs. Bambang Hermawan, M.Si.", "1972-09-14", "1998-03", 1], "Kepala Bagian Kerja Sama Setda", true],
  ["tkksd", "TKKSD", ["H. Agus Salim, S.Sos., M.Si.", "1968-04-10", "1993-03", 1], "Asisten Pemerintahan dan Kesejahteraan Rakyat (Sekretaris TKKSD)", true],
  ["tkksd.hukum", "TKKSD", ["Andri Kurniawan, S.H., M.H.", "1980-06-30", "2006-04", 1], "Kepala Bagian Hukum Setda (Anggota TKKSD)", true],
  ["tkksd.bappeda", "TKKSD", ["Ir. Lilis Suryani, M.T.", "1975-09-09", "2002-03", 2], "Sekretaris Bappeda (Anggota TKKSD)", true],
  ["pimpinan", "PIMPINAN", ["Dr. H. Dedi Supriadi, M.Si.", "1967-03-21", "1992-03", 1], "Sekretaris Daerah Kabupaten Sukamaju", true],
  // The administrator is a contract IT specialist: no NIP (the field is optional).
  ["admin", "ADMIN", ["Yoga Pratama, S.Kom.", "1997-05-05", "2021-01", 1], "Pengelola Sistem Informasi (Diskominfo)", false],
];

function buildUsers(): UserSeed[] {
  const users: UserSeed[] = [];
  let serial = 1;
  const add = (username: string, role: Role, opdKey: OpdKey | null, p: Person, position: string, asn = true) => {
    users.push({
      id: userId(username),
      username,
      fullName: p[0],
      role,
      opdKey,
      nip: asn ? makeNip(p[1], p[2], p[3], serial++) : null,
      email: `${emailLocal(p[0])}@${EMAIL_DOMAIN}`,
      position,
    });
  };
  for (const [username, role, person, position, asn] of CENTRAL) add(username, role, null, person, position, asn);
  for (const opd of OPDS) {
    if (opd.key === "ks") continue;
    const [operator, kepala] = OPD_PEOPLE[opd.key];
    add(`operator.${opd.key}`, "OPERATOR_OPD", opd.key, operator, `Pengelola Kerja Sama (PPKSD) ${opd.name}`);
    const head = opd.key === "rsud" ? `Direktur ${opd.name}` : `Kepala ${opd.name}`;
    add(`kepala.${opd.key}`, "KEPALA_OPD", opd.key, kepala, head);
  }
  return users;
}

export const USERS: readonly UserSeed[] = buildUsers();

export function userByUsername(username: string): UserSeed {
  const user = USERS.find((u) => u.username === username);
  if (!user) throw new Error(`Pengguna demo tidak dikenal: ${username}`);
  return user;
}

export const operatorOf = (key: OpdKey) => userByUsername(`operator.${key}`);
export const kepalaOf = (key: OpdKey) => userByUsername(`kepala.${key}`);
export const TKKSD_MEMBERS = ["tkksd", "tkksd.hukum", "tkksd.bappeda"].map(userByUsername);

export function userRows(passwordHash: string, createdAt: Date) {
  return USERS.map((u) => ({
    id: u.id,
    username: u.username,
    fullName: u.fullName,
    nip: u.nip,
    email: u.email,
    role: u.role,
    opdId: u.opdKey ? opdId(opdByKey(u.opdKey).key) : null,
    passwordHash,
    passwordChangedAt: createdAt,
    createdAt,
  }));
}
