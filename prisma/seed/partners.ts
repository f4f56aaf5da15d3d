// Mitra of every PartnerClass. Ids are fixed (`mitra-…`). `head` is who signs for the partner;
// `numbering` is the partner's own number pattern ({n} urut, {m} bulan Romawi, {y} tahun).
import type { PartnerClass, UniversityStatus } from "../../lib/generated/prisma/enums";

/** The status of each university partner (it decides SINERGI or KSDPK, domain §2). */
const UNIVERSITY_STATUS: Record<string, UniversityStatus> = {
  "mitra-univ-sukamaju-raya": "PTN_BH",
  "mitra-polnes-priangan": "PTN_BLU",
  "mitra-stikes-bhakti-husada": "PTS",
};

type Contact = [name: string, position: string, phone: string, email: string];

export type PartnerSeed = {
  id: string;
  partnerClass: PartnerClass;
  name: string;
  legalForm: string;
  address: string;
  regency: string | null;
  province: string | null;
  country: string;
  phone: string;
  email: string;
  website: string | null;
  registrationNumber: string | null;
  contacts: [Contact, Contact];
  head: [name: string, position: string];
  numbering: string;
};

type Row = [
  id: string, cls: PartnerClass, name: string, legalForm: string,
  where: [address: string, regency: string | null, province: string | null, country?: string],
  reach: [phone: string, email: string, website: string | null, reg: string | null],
  contacts: [Contact, Contact], head: [string, string], numbering: string,
];

const ROWS: Row[] = [
  ["mitra-kab-sukamakmur", "PEMDA", "Pemerintah Kabupaten Sukamakmur", "Pemerintah Kabupaten",
    ["Jl. Raya Sukamakmur No. 1, Sukamakmur", "Kabupaten Sukamakmur", "Jawa Barat"], ["(0263) 512001", "setda@sukamakmurkab.go.id", "https://sukamakmurkab.go.id", null],
    [["Hj. Tuti Alawiyah, S.IP., M.Si.", "Kepala Bagian Pemerintahan dan Kerja Sama", "0812-2145-7781", "tuti.alawiyah@sukamakmurkab.go.id"], ["Deni Ruswandi, S.H.", "Analis Kerja Sama", "0813-2011-4590", "deni.ruswandi@sukamakmurkab.go.id"]],
    ["H. Yayat Hidayat, S.E., M.M.", "Bupati Sukamakmur"], "130/{n}/Pem/{y}"],
  ["mitra-kab-cibiru-raya", "PEMDA", "Pemerintah Kabupaten Cibiru Raya", "Pemerintah Kabupaten",
    ["Jl. Jenderal Sudirman No. 45, Cibiru", "Kabupaten Cibiru Raya", "Jawa Barat"], ["(022) 7801234", "kerjasama@cibirurayakab.go.id", "https://cibirurayakab.go.id", null],
    [["Drs. Dudi Mulyadi, M.Si.", "Kepala Bagian Kerja Sama", "0811-2200-3456", "dudi.mulyadi@cibirurayakab.go.id"], ["Fitri Handayani, S.Sos.", "Pengelola Kerja Sama", "0857-2234-8812", "fitri.handayani@cibirurayakab.go.id"]],
    ["Dr. H. Rachmat Saleh, M.Si.", "Bupati Cibiru Raya"], "119/{n}/KS-Setda/{y}"],
  ["mitra-kota-sukasari", "PEMDA", "Pemerintah Kota Sukasari", "Pemerintah Kota",
    ["Jl. Merdeka No. 10, Sukasari", "Kota Sukasari", "Jawa Barat"], ["(0265) 331122", "pemkot@sukasarikota.go.id", "https://sukasarikota.go.id", null],
    [["Iwan Setiawan, S.STP., M.Si.", "Kepala Bagian Tata Pemerintahan", "0812-8765-1200", "iwan.setiawan@sukasarikota.go.id"], ["Rani Oktaviani, S.H.", "Analis Hukum", "0878-2100-3321", "rani.oktaviani@sukasarikota.go.id"]],
    ["H. M. Yusuf Effendi, S.T.", "Wali Kota Sukasari"], "180/{n}-Huk/{y}"],
  ["mitra-prov-jabar", "PEMDA", "Pemerintah Daerah Provinsi Jawa Barat", "Pemerintah Provinsi",
    ["Jl. Diponegoro No. 22, Citarum, Bandung Wetan", "Kota Bandung", "Jawa Barat"], ["(022) 4232448", "biropemotda@jabarprov.go.id", "https://jabarprov.go.id", null],
    [["Rd. Heri Kusnadi, S.H., M.H.", "Kepala Bagian Kerja Sama, Biro Pemerintahan dan Otonomi Daerah", "0812-2011-7788", "heri.kusnadi@jabarprov.go.id"], ["Sarah Amelia, S.IP.", "Analis Kerja Sama", "0821-1555-0098", "sarah.amelia@jabarprov.go.id"]],
    ["Dr. H. Anton Kusumah, M.Si.", "Gubernur Jawa Barat"], "{n}/PKS.{m}/PEMOTDA/{y}"],
  ["mitra-kab-mekarsari", "PEMDA", "Pemerintah Kabupaten Mekarsari", "Pemerintah Kabupaten",
    ["Jl. Pemuda No. 3, Mekarsari", "Kabupaten Mekarsari", "Jawa Tengah"], ["(0282) 691001", "kerjasama@mekarsarikab.go.id", "https://mekarsarikab.go.id", null],
    [["Bambang Sutrisno, S.Sos., M.M.", "Kepala Bagian Pemerintahan", "0813-2777-1102", "bambang.sutrisno@mekarsarikab.go.id"], ["Endah Prasetyowati, S.P.", "Penyuluh Pertanian Ahli Muda", "0852-2900-7713", "endah.p@mekarsarikab.go.id"]],
    ["Drs. H. Slamet Riyadi, M.Si.", "Bupati Mekarsari"], "075/{n}/{y}"],
  ["mitra-bps-sukamaju", "KEMENTERIAN_LEMBAGA", "Badan Pusat Statistik Kabupaten Sukamaju", "Instansi Vertikal",
    ["Jl. Veteran No. 17, Sukamaju", "Kabupaten Sukamaju", "Jawa Barat"], ["(0264) 200117", "bps3299@bps.go.id", "https://sukamajukab.bps.go.id", null],
    [["Nurul Fadilah, S.ST., M.Si.", "Kepala Subbagian Umum", "0812-1133-4455", "nurul.fadilah@bps.go.id"], ["Arif Budiman, S.Tr.Stat.", "Statistisi Ahli Pertama", "0896-1234-5566", "arif.budiman@bps.go.id"]],
    ["Ir. Widodo Santoso, M.Si.", "Kepala Badan Pusat Statistik Kabupaten Sukamaju"], "B-{n}/32990/HK.500/{y}"],
  ["mitra-kemenkes", "KEMENTERIAN_LEMBAGA", "Kementerian Kesehatan Republik Indonesia", "Kementerian",
    ["Jl. H.R. Rasuna Said Blok X.5 Kav. 4-9, Kuningan", "Kota Administrasi Jakarta Selatan", "DKI Jakarta"], ["(021) 5201590", "kontak@kemkes.go.id", "https://kemkes.go.id", null],
    [["dr. Maya Sari Dewi, M.P.H.", "Ketua Tim Kerja Integrasi Layanan Primer", "0811-1900-2233", "maya.dewi@kemkes.go.id"], ["Bagus Pranoto, S.K.M.", "Epidemiolog Kesehatan Ahli Muda", "0812-9100-4411", "bagus.pranoto@kemkes.go.id"]],
    ["dr. Hendrawan Saputra, M.Kes.", "Direktur Jenderal Kesehatan Primer dan Komunitas"], "HK.03.01/B.II/{n}/{y}"],
  ["mitra-bpjs-kesehatan", "KEMENTERIAN_LEMBAGA", "BPJS Kesehatan Kantor Cabang Sukamaju", "Badan Hukum Publik",
    ["Jl. Ahmad Yani No. 88, Sukamaju", "Kabupaten Sukamaju", "Jawa Barat"], ["(0264) 223344", "kc-sukamaju@bpjs-kesehatan.go.id", "https://bpjs-kesehatan.go.id", null],
    [["Yeni Marlina, S.E., A.A.A.K.", "Kepala Bidang Kepesertaan", "0812-2299-6655", "yeni.marlina@bpjs-kesehatan.go.id"], ["Reza Pahlevi, S.Kom.", "Staf Kepesertaan", "0838-1100-2299", "reza.pahlevi@bpjs-kesehatan.go.id"]],
    ["dr. Andi Kurniawan, M.M.", "Kepala Kantor Cabang Sukamaju"], "{n}/KC-XII/{m}/{y}"],
  ["mitra-bpn-sukamaju", "KEMENTERIAN_LEMBAGA", "Kantor Pertanahan Kabupaten Sukamaju", "Instansi Vertikal (Kementerian ATR/BPN)",
    ["Jl. Siliwangi No. 9, Sukamaju", "Kabupaten Sukamaju", "Jawa Barat"], ["(0264) 211909", "kantah.sukamaju@atrbpn.go.id", "https://atrbpn.go.id", null],
    [["Eko Prasetyo, S.SiT., M.H.", "Kepala Seksi Penetapan Hak dan Pendaftaran", "0813-9988-1122", "eko.prasetyo@atrbpn.go.id"], ["Nia Kurniasih, A.Ptnh.", "Analis Hukum Pertanahan", "0815-6677-8899", "nia.kurniasih@atrbpn.go.id"]],
    ["Hadi Sucipto, S.H., M.Kn.", "Kepala Kantor Pertanahan Kabupaten Sukamaju"], "{n}/NK-32.99/{m}/{y}"],
  ["mitra-univ-sukamaju-raya", "PERGURUAN_TINGGI", "Universitas Sukamaju Raya", "PTN Badan Hukum",
    ["Jl. Raya Kampus No. 1, Jatiluhur", "Kabupaten Sukamaju", "Jawa Barat"], ["(0264) 400100", "humas@usr.ac.id", "https://usr.ac.id", null],
    [["Prof. Dr. Lina Marliana, M.Pd.", "Wakil Rektor Bidang Kerja Sama", "0812-2233-1100", "lina.marliana@usr.ac.id"], ["Taufik Hidayat, S.IP., M.A.", "Kepala Kantor Urusan Internasional dan Kerja Sama", "0813-2299-7711", "taufik.hidayat@usr.ac.id"]],
    ["Prof. Dr. Ir. Suryadi Kartasasmita, M.Sc.", "Rektor Universitas Sukamaju Raya"], "{n}/UN99/KS.00.01/{y}"],
  ["mitra-polnes-priangan", "PERGURUAN_TINGGI", "Politeknik Negeri Priangan Timur", "PTN Satker (BLU)",
    ["Jl. Mayor Abdurahman No. 211, Cikaso", "Kabupaten Sukamaju", "Jawa Barat"], ["(0264) 455211", "info@polnespt.ac.id", "https://polnespt.ac.id", null],
    [["Dr. Eng. Fauzan Akbar, S.T., M.T.", "Wakil Direktur Bidang Kerja Sama", "0812-7766-5544", "fauzan.akbar@polnespt.ac.id"], ["Intan Permatasari, S.TP., M.Si.", "Ketua Pusat Inkubator Teknologi", "0822-1144-3322", "intan.permatasari@polnespt.ac.id"]],
    ["Dr. Ir. Joko Susilo, M.T.", "Direktur Politeknik Negeri Priangan Timur"], "{n}/PL.77/HK.07/{y}"],
  ["mitra-stikes-bhakti-husada", "PERGURUAN_TINGGI", "Sekolah Tinggi Ilmu Kesehatan Bhakti Husada Sukamaju", "Perguruan Tinggi Swasta (Yayasan Bhakti Husada)",
    ["Jl. Cut Nyak Dien No. 27, Sukamaju", "Kabupaten Sukamaju", "Jawa Barat"], ["(0264) 311277", "stikes@bhaktihusada.ac.id", "https://bhaktihusada.ac.id", "AHU-0012874.AH.01.04.Tahun 2009"],
    [["Ns. Wiwin Winarsih, M.Kep.", "Wakil Ketua I Bidang Akademik", "0812-2244-6688", "wiwin@bhaktihusada.ac.id"], ["Hari Purnomo, S.K.M., M.Kes.", "Koordinator Praktik Klinik", "0819-1100-5577", "hari.purnomo@bhaktihusada.ac.id"]],
    ["Dr. Hj. Ai Rohmah, S.Kp., M.Kes.", "Ketua STIKes Bhakti Husada Sukamaju"], "{n}/STIKES-BH/PKS/{m}/{y}"],
  ["mitra-bank-negara-nusantara", "BUMN", "PT Bank Negara Nusantara (Persero) Tbk", "Persero Terbuka",
    ["Jl. Pahlawan No. 5, Sukamaju (Kantor Cabang Sukamaju)", "Kabupaten Sukamaju", "Jawa Barat"], ["(0264) 202020", "kc.sukamaju@bnn-bank.co.id", "https://bnn-bank.co.id", "NIB 8120008812345"],
    [["Rizal Fahmi", "Pemimpin Cabang Sukamaju", "0811-2020-3030", "rizal.fahmi@bnn-bank.co.id"], ["Melati Puspita", "Relationship Manager Institusi", "0812-3030-4040", "melati.puspita@bnn-bank.co.id"]],
    ["Rizal Fahmi", "Pemimpin Cabang Sukamaju"], "SKM/{n}/PKS/{y}"],
  ["mitra-telekomunikasi-nusantara", "BUMN", "PT Telekomunikasi Nusantara (Persero) Tbk", "Persero Terbuka",
    ["Jl. Japati No. 1, Bandung (Witel Priangan Timur)", "Kota Bandung", "Jawa Barat"], ["(022) 4521000", "witel.pt@telnus.co.id", "https://telnus.co.id", "NIB 9120301123456"],
    [["Andika Pratama", "General Manager Witel Priangan Timur", "0811-2210-1234", "andika.pratama@telnus.co.id"], ["Sinta Dewanti", "Account Manager Pemerintahan", "0812-2210-5678", "sinta.dewanti@telnus.co.id"]],
    ["Andika Pratama", "General Manager Witel Priangan Timur"], "K.TEL.{n}/HK.810/WPT/{y}"],
  ["mitra-pupuk-nusantara", "BUMN", "PT Pupuk Nusantara Raya (Persero)", "Persero",
    ["Jl. Industri No. 12, Cikampek", "Kabupaten Karawang", "Jawa Barat"], ["(0264) 301700", "tjsl@pupuknusantara.co.id", "https://pupuknusantara.co.id", "NIB 8120112233445"],
    [["Dian Kartika, S.E.", "Kepala Departemen Tanggung Jawab Sosial dan Lingkungan", "0812-8899-0011", "dian.kartika@pupuknusantara.co.id"], ["Galang Saputra", "Officer TJSL", "0813-8899-2233", "galang.saputra@pupuknusantara.co.id"]],
    ["Ir. Bayu Anggoro, M.M.", "Direktur Sumber Daya Manusia dan Umum"], "{n}/TJSL/PNR/{y}"],
  ["mitra-tirta-sukamaju", "BUMD", "Perumda Air Minum Tirta Sukamaju", "Perusahaan Umum Daerah",
    ["Jl. Tirta No. 2, Sukamaju", "Kabupaten Sukamaju", "Jawa Barat"], ["(0264) 210210", "info@tirtasukamaju.co.id", "https://tirtasukamaju.co.id", "Perda Kab. Sukamaju No. 5 Tahun 2020"],
    [["Ir. Yana Sumarna", "Direktur Teknik", "0812-2110-9988", "yana.sumarna@tirtasukamaju.co.id"], ["Euis Nurjanah, S.E.", "Kepala Bagian Hubungan Langganan", "0813-2110-7766", "euis.nurjanah@tirtasukamaju.co.id"]],
    ["H. Dede Rosada, S.E., M.M.", "Direktur Utama Perumda Air Minum Tirta Sukamaju"], "690/{n}/PERUMDA-TS/{m}/{y}"],
  ["mitra-bpr-sukamaju", "BUMD", "PT BPR Sukamaju (Perseroda)", "Perseroan Daerah",
    ["Jl. Kartini No. 14, Sukamaju", "Kabupaten Sukamaju", "Jawa Barat"], ["(0264) 225514", "sekper@bprsukamaju.co.id", "https://bprsukamaju.co.id", "NIB 9120004455667"],
    [["Asep Kurniawan, S.E.", "Direktur Operasional", "0812-2225-5140", "asep.kurniawan@bprsukamaju.co.id"], ["Ratih Purnamasari, S.H.", "Kepala Bagian Hukum dan Kepatuhan", "0813-2225-5141", "ratih.p@bprsukamaju.co.id"]],
    ["Hj. Iis Aisyah, S.E., M.M.", "Direktur Utama PT BPR Sukamaju (Perseroda)"], "{n}/DIR-BPRS/{m}/{y}"],
  ["mitra-jasa-sarana-priangan", "BUMD", "PT Jasa Sarana Priangan (Perseroda)", "Perseroan Daerah (BUMD Provinsi)",
    ["Jl. Soekarno-Hatta No. 455, Bandung", "Kota Bandung", "Jawa Barat"], ["(022) 7320455", "corsec@jasasarana-priangan.co.id", "https://jasasarana-priangan.co.id", "NIB 8120506677889"],
    [["Ir. Agung Wicaksono, M.T.", "Direktur Pengembangan Usaha", "0811-2345-0455", "agung.w@jasasarana-priangan.co.id"], ["Nadia Safitri, S.E., M.B.A.", "Manajer Investasi", "0812-2345-0456", "nadia.safitri@jasasarana-priangan.co.id"]],
    ["Dr. Ir. Hikmat Mulyana, M.T.", "Direktur Utama PT Jasa Sarana Priangan (Perseroda)"], "{n}/JSP-DIR/{m}/{y}"],
  ["mitra-medika-husada", "SWASTA", "PT Medika Husada Utama", "Perseroan Terbatas",
    ["Jl. Gatot Subroto No. 210, Bandung", "Kota Bandung", "Jawa Barat"], ["(022) 7301210", "kerjasama@medikahusada.co.id", "https://medikahusada.co.id", "NIB 9120210987654"],
    [["dr. Teddy Gunawan, Sp.PD-KGH", "Direktur Medis", "0812-2121-0210", "teddy.gunawan@medikahusada.co.id"], ["Yuliana Sari, S.H.", "Legal Officer", "0813-2121-0211", "yuliana.sari@medikahusada.co.id"]],
    ["Hendrik Wijaya, M.B.A.", "Direktur Utama PT Medika Husada Utama"], "MHU/LGL/{n}/{m}/{y}"],
  ["mitra-graha-wisata", "SWASTA", "PT Graha Wisata Parahyangan", "Perseroan Terbatas",
    ["Jl. Setiabudi No. 186, Bandung", "Kota Bandung", "Jawa Barat"], ["(022) 2031860", "info@grahawisata.co.id", "https://grahawisata.co.id", "NIB 9120186543210"],
    [["Ricky Hartanto", "Direktur Pengembangan Bisnis", "0811-2186-0186", "ricky.hartanto@grahawisata.co.id"], ["Maya Anggraini, S.E.", "Manajer Proyek", "0812-2186-0187", "maya.anggraini@grahawisata.co.id"]],
    ["Lukas Santoso", "Direktur Utama PT Graha Wisata Parahyangan"], "GWP/{n}/DIR/{m}/{y}"],
  ["mitra-sinar-pangan", "SWASTA", "PT Sinar Pangan Nusantara", "Perseroan Terbatas",
    ["Kawasan Industri Jababeka Blok C-12, Cikarang", "Kabupaten Bekasi", "Jawa Barat"], ["(021) 8934012", "corporate@sinarpangan.co.id", "https://sinarpangan.co.id", "NIB 8120301234567"],
    [["Wahyu Hidayat, S.TP., M.M.", "Head of Partnership", "0811-8934-0120", "wahyu.hidayat@sinarpangan.co.id"], ["Clara Hutapea, S.H.", "Legal Manager", "0812-8934-0121", "clara.hutapea@sinarpangan.co.id"]],
    ["Benny Tanuwijaya", "Presiden Direktur PT Sinar Pangan Nusantara"], "SPN/{n}/{y}"],
  ["mitra-energi-hijau", "SWASTA", "PT Energi Hijau Lestari", "Perseroan Terbatas",
    ["Menara Kuningan Lt. 18, Jl. H.R. Rasuna Said Kav. 5", "Kota Administrasi Jakarta Selatan", "DKI Jakarta"], ["(021) 5208181", "info@energihijau.co.id", "https://energihijau.co.id", "NIB 9120789012345"],
    [["Ir. Arman Siregar", "Direktur Proyek", "0811-9181-8181", "arman.siregar@energihijau.co.id"], ["Kevin Wirawan, M.Eng.", "Manajer Teknis", "0812-9181-8182", "kevin.wirawan@energihijau.co.id"]],
    ["Ir. Arman Siregar", "Direktur Proyek PT Energi Hijau Lestari"], "EHL/BD/{n}/{y}"],
  ["mitra-arena-olahraga", "SWASTA", "PT Arena Olahraga Nusantara", "Perseroan Terbatas",
    ["Jl. Pajajaran No. 77, Bogor", "Kota Bogor", "Jawa Barat"], ["(0251) 8377077", "event@arenaolahraga.co.id", "https://arenaolahraga.co.id", "NIB 9120077001122"],
    [["Rangga Aditya", "Direktur Event", "0812-8377-0770", "rangga.aditya@arenaolahraga.co.id"], ["Sheila Putri", "Project Officer", "0813-8377-0771", "sheila.putri@arenaolahraga.co.id"]],
    ["Rangga Aditya", "Direktur Event PT Arena Olahraga Nusantara"], "AON/{n}/{m}/{y}"],
  ["mitra-yayasan-peduli-anak", "ORMAS_LSM", "Yayasan Peduli Anak Negeri", "Yayasan",
    ["Jl. Melati No. 8, Sukamaju", "Kabupaten Sukamaju", "Jawa Barat"], ["(0264) 230808", "sekretariat@pedulianak.or.id", "https://pedulianak.or.id", "AHU-0034512.AH.01.04.Tahun 2016"],
    [["Hj. Rosmawati, S.Pd.", "Ketua Pengurus", "0812-2308-0808", "rosmawati@pedulianak.or.id"], ["Yudha Permana, S.Sos.", "Koordinator Program", "0813-2308-0809", "yudha.permana@pedulianak.or.id"]],
    ["Hj. Rosmawati, S.Pd.", "Ketua Pengurus Yayasan Peduli Anak Negeri"], "{n}/YPAN/{m}/{y}"],
  ["mitra-lingkar-hijau", "ORMAS_LSM", "Perkumpulan Lingkar Hijau Priangan", "Perkumpulan Berbadan Hukum",
    ["Kp. Cisalak RT 02/RW 05, Desa Sukaresmi, Kecamatan Cikaso", "Kabupaten Sukamaju", "Jawa Barat"], ["0812-2000-1357", "lingkarhijau.priangan@gmail.com", null, "AHU-0001289.AH.01.07.Tahun 2019"],
    [["Dadan Ramdani", "Ketua", "0812-2000-1357", "dadan.ramdani@lingkarhijau.or.id"], ["Sri Wahyuni, S.Hut.", "Sekretaris", "0813-2000-2468", "sri.wahyuni@lingkarhijau.or.id"]],
    ["Dadan Ramdani", "Ketua Perkumpulan Lingkar Hijau Priangan"], "{n}/LHP/{y}"],
  ["mitra-sutisna-wiradinata", "PERORANGAN", "Ir. H. Sutisna Wiradinata", "Perorangan (pemilik lahan)",
    ["Jl. Cikaso Indah No. 3, Desa Cikaso, Kecamatan Cikaso", "Kabupaten Sukamaju", "Jawa Barat"], ["0812-2003-4567", "sutisna.wiradinata@gmail.com", null, "NIK 3299011207590001"],
    [["Ir. H. Sutisna Wiradinata", "Pemilik lahan", "0812-2003-4567", "sutisna.wiradinata@gmail.com"], ["Fahmi Wiradinata, S.H., M.Kn.", "Kuasa hukum", "0813-2003-8899", "fahmi.wiradinata@gmail.com"]],
    ["Ir. H. Sutisna Wiradinata", "Pemilik Lahan"], "-"],
  ["mitra-gimhae", "PEMDA_LUAR_NEGERI", "Gimhae City, Republik Korea", "Local Government (Gimhae-si)",
    ["11 Gimhae-daero 2401, Gimhae-si, Gyeongsangnam-do", null, null, "Korea Selatan"], ["+82 55 330 3000", "intl@gimhae.go.kr", "https://www.gimhae.go.kr", null],
    [["Kim Min-jun", "Director, International Cooperation Division", "+82 55 330 3120", "minjun.kim@gimhae.go.kr"], ["Park Ji-yeon", "Officer, Sister City Affairs", "+82 55 330 3125", "jiyeon.park@gimhae.go.kr"]],
    ["Hong Tae-yong", "Mayor of Gimhae City"], "GH-IC-{y}-{n}"],
  ["mitra-kakegawa", "PEMDA_LUAR_NEGERI", "Kakegawa City, Jepang", "Local Government (Kakegawa-shi)",
    ["1-1-1 Nagaya, Kakegawa-shi, Shizuoka", null, null, "Jepang"], ["+81 537 21 1111", "kokusai@city.kakegawa.shizuoka.jp", "https://www.city.kakegawa.shizuoka.jp", null],
    [["Suzuki Haruto", "Director, International Exchange Section", "+81 537 21 1130", "h.suzuki@city.kakegawa.shizuoka.jp"], ["Tanaka Yui", "Coordinator for International Relations", "+81 537 21 1131", "y.tanaka@city.kakegawa.shizuoka.jp"]],
    ["Kubo Yasuhiro", "Mayor of Kakegawa City"], "KKG-IE No. {n}/{y}"],
  ["mitra-kota-kinabalu", "PEMDA_LUAR_NEGERI", "Dewan Bandaraya Kota Kinabalu, Malaysia", "Local Authority (City Hall)",
    ["Jalan Tun Fuad Stephens, 88400 Kota Kinabalu, Sabah", null, null, "Malaysia"], ["+60 88 521 800", "pro@dbkk.sabah.gov.my", "https://dbkk.sabah.gov.my", null],
    [["Azman bin Hassan", "Pengarah Perancangan Korporat", "+60 88 521 820", "azman.hassan@dbkk.sabah.gov.my"], ["Nur Aisyah binti Karim", "Pegawai Perhubungan Antarabangsa", "+60 88 521 821", "nuraisyah@dbkk.sabah.gov.my"]],
    ["Datuk Seri Mohd Rizal bin Yusof", "Datuk Bandar Kota Kinabalu"], "DBKK.IR.{y}/{n}"],
  ["mitra-waterpartners-nl", "LEMBAGA_LUAR_NEGERI", "Stichting Waterpartners Nederland", "Stichting (Yayasan)",
    ["Bezuidenhoutseweg 2, 2594 AV Den Haag", null, null, "Belanda"], ["+31 70 304 3700", "info@waterpartners.nl", "https://waterpartners.nl", "KvK 41155330"],
    [["Jan de Vries", "Programme Director Asia", "+31 70 304 3711", "j.devries@waterpartners.nl"], ["Anneke Bakker", "Country Coordinator Indonesia", "+62 811 800 3712", "a.bakker@waterpartners.nl"]],
    ["Pieter van den Berg", "Executive Director"], "WPN/ID/{y}/{n}"],
  ["mitra-univ-northern-queensland", "LEMBAGA_LUAR_NEGERI", "University of Northern Queensland, Australia", "Public University",
    ["1 University Drive, Townsville QLD 4811", null, null, "Australia"], ["+61 7 4781 4111", "global@unq.edu.au", "https://unq.edu.au", "ABN 46 253 211 955"],
    [["Prof. Sarah Mitchell", "Pro Vice-Chancellor (Global Engagement)", "+61 7 4781 4120", "sarah.mitchell@unq.edu.au"], ["Dr. Daniel Wong", "Director, Rural Health Partnerships", "+61 7 4781 4135", "daniel.wong@unq.edu.au"]],
    ["Prof. Michael Harrington", "Vice-Chancellor and President"], "UNQ-GE-{y}-{n}"],
  ["mitra-jsdr", "LEMBAGA_LUAR_NEGERI", "Japan Society for Disaster Resilience", "General Incorporated Association",
    ["2-1-2 Kasumigaseki, Chiyoda-ku, Tokyo", null, null, "Jepang"], ["+81 3 5253 8111", "intl@jsdr.or.jp", "https://jsdr.or.jp", "Corporate No. 5010005012345"],
    [["Yamamoto Kenji", "Senior Program Officer", "+81 3 5253 8120", "k.yamamoto@jsdr.or.jp"], ["Watanabe Aiko", "Project Coordinator for Indonesia", "+62 812 1000 8121", "a.watanabe@jsdr.or.jp"]],
    ["Prof. Sato Hiroshi", "President, Japan Society for Disaster Resilience"], "JSDR-IDN-{y}-{n}"],
];

export const PARTNERS: readonly PartnerSeed[] = ROWS.map(([id, partnerClass, name, legalForm, where, reach, contacts, head, numbering]) => ({
  id, partnerClass, name, legalForm,
  address: where[0], regency: where[1], province: where[2], country: where[3] ?? "Indonesia",
  phone: reach[0], email: reach[1], website: reach[2], registrationNumber: reach[3],
  contacts, head, numbering,
}));

export function partnerById(id: string): PartnerSeed {
  const p = PARTNERS.find((x) => x.id === id);
  if (!p) throw new Error(`Mitra tidak dikenal: ${id}`);
  return p;
}

const ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"];

/** The partner's own number for a naskah it signs (their register, their style). */
export function partnerNumber(p: PartnerSeed, serial: number, date: Date): string {
  if (p.numbering === "-") return "-";
  return p.numbering
    .replace("{n}", String(serial).padStart(3, "0"))
    .replace("{m}", ROMAN[date.getUTCMonth()])
    .replace("{y}", String(date.getUTCFullYear()));
}

export function partnerRows(createdAt: Date, createdById: string) {
  return PARTNERS.map((p) => ({
    id: p.id, name: p.name, partnerClass: p.partnerClass, universityStatus: UNIVERSITY_STATUS[p.id] ?? null,
    legalForm: p.legalForm, address: p.address,
    province: p.province, regency: p.regency, country: p.country, email: p.email, phone: p.phone,
    website: p.website, registrationNumber: p.registrationNumber,
    contact1Name: p.contacts[0][0], contact1Position: p.contacts[0][1], contact1Phone: p.contacts[0][2], contact1Email: p.contacts[0][3],
    contact2Name: p.contacts[1][0], contact2Position: p.contacts[1][1], contact2Phone: p.contacts[1][2], contact2Email: p.contacts[1][3],
    verified: true, createdById, createdAt,
  }));
}
