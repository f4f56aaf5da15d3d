"use client";

import { CheckboxField, SelectField, TextField } from "@/components/forms/fields";
import {
  MONEV_PERIODS, NUMBER_KINDS, PTN_BH_KINDS, REGION_LEVELS, TIME_ZONES,
  keamananSchema, naskahSchema, nomorSchema, pemantauanSchema, wilayahSchema,
} from "@/lib/settings/groups";
import { SettingsForm, type GroupFormProps } from "./settings-form";

const options = (o: Record<string, string>) => Object.entries(o).map(([value, label]) => ({ value, label }));
const num = { type: "number", inputMode: "numeric" } as const;

export function RegionForm(props: GroupFormProps) {
  return (
    <SettingsForm id="pengaturan-wilayah" schema={wilayahSchema} {...props}>
      {(f) => (
        <div className="grid gap-5 md:grid-cols-2">
          <TextField meta={f.regionName} label="Nama daerah" hint="Tampil pada kepala halaman, ekspor, dan rekap. Mis. Kabupaten Sukamaju." autoComplete="off" />
          <SelectField meta={f.regionLevel} label="Tingkat daerah" options={options(REGION_LEVELS)} />
          <TextField meta={f.headTitle} label="Sebutan Kepala Daerah" hint="Bupati, Wali Kota, atau Gubernur: penanda tangan KB dan PKS." autoComplete="off" />
          <SelectField
            meta={f.timeZone}
            label="Zona waktu daerah"
            hint="Menentukan tanggal &quot;hari ini&quot; (berakhir hari ini, terlambat) dan jam yang ditampilkan. Jadwal tugas harian (pukul 01.00) mengikuti zona baru setelah aplikasi dimulai ulang."
            options={options(TIME_ZONES)}
          />
        </div>
      )}
    </SettingsForm>
  );
}

export function MonitoringForm(props: GroupFormProps) {
  return (
    <SettingsForm id="pengaturan-pemantauan" schema={pemantauanSchema} {...props}>
      {(f) => (
        <div className="grid gap-5 md:grid-cols-2">
          <TextField
            meta={f.reminderOffsetsDays}
            label="Jarak pengingat sebelum berakhir (hari)"
            hint="Bilangan hari dipisah koma, mis. 180, 90, 30, 7."
            autoComplete="off"
          />
          <TextField meta={f.endingSoonDays} label="Batas status &quot;Akan Berakhir&quot; (hari)" hint="Register dan beranda menandai kerja sama yang berakhir dalam jumlah hari ini." {...num} />
          <SelectField meta={f.monevPeriod} label="Periode laporan pelaksanaan" hint="Berlaku untuk periode yang dihitung sejak perubahan disimpan." options={options(MONEV_PERIODS)} />
          <TextField meta={f.monevGraceDays} label="Tenggang laporan berkala (hari)" hint="Laporan terlambat setelah sekian hari sejak periode berakhir." {...num} />
          <TextField meta={f.monevFinalReportDays} label="Tenggat laporan akhir (hari)" hint="Sejak hari terakhir kerja sama." {...num} />
          <TextField meta={f.kbWithoutPksMonths} label="KB belum ditindaklanjuti setelah (bulan)" hint="KB tanpa PKS setelah sekian bulan ditandai pada dasbor dan pengingat." {...num} />
          <TextField meta={f.stageWaitDays} label="Pengingat usulan tertahan di satu tahapan (hari)" hint="Pihak yang harus bertindak diingatkan bila usulan menunggu lebih lama dari ini." {...num} />
        </div>
      )}
    </SettingsForm>
  );
}

export function NaskahForm(props: GroupFormProps) {
  return (
    <SettingsForm id="pengaturan-naskah" schema={naskahSchema} {...props}>
      {(f) => (
        <div className="grid gap-5 md:grid-cols-2">
          <TextField meta={f.pksMaxYears} label="Jangka waktu PKS terlama (tahun)" hint="Lebih lama dari ini hanya dengan dasar peraturan yang disebutkan." {...num} />
          <TextField
            meta={f.dprdResponseDays}
            label="Batas jawaban DPRD (hari)"
            hint="Kosongkan bila tidak ada batas. Lewat batas tidak pernah dianggap disetujui: hanya ditandai."
            {...num}
          />
          <SelectField meta={f.ptnBhKind} label="Jenis kerja sama dengan PTN badan hukum (PTN-BH)" options={options(PTN_BH_KINDS)} />
          <CheckboxField
            meta={f.ksdpkDprdFollowsQuestions}
            label="KSDPK memerlukan persetujuan DPRD menurut dua pertanyaan yang sama dengan KSDD"
            hint="Membebani masyarakat dan daerah, atau belum teranggarkan dalam APBD tahun berjalan."
            className="md:col-span-2"
          />
        </div>
      )}
    </SettingsForm>
  );
}

export function NumberPatternsForm(props: GroupFormProps) {
  return (
    <SettingsForm id="pengaturan-nomor" schema={nomorSchema} {...props}>
      {(f) => (
        <div className="grid gap-5 md:grid-cols-2">
          {Object.entries(NUMBER_KINDS).map(([kind, label]) => (
            <TextField key={kind} meta={f[kind]} label={`Pola nomor ${label}`} autoComplete="off" />
          ))}
        </div>
      )}
    </SettingsForm>
  );
}

export function SecurityForm(props: GroupFormProps) {
  return (
    <SettingsForm id="pengaturan-keamanan" schema={keamananSchema} {...props}>
      {(f) => (
        <CheckboxField
          meta={f.requireSecondFactor}
          label="Wajibkan verifikasi dua langkah (TOTP) untuk Kepala Bagian Kerja Sama dan Administrator"
          hint="Pengguna yang belum mendaftarkan aplikasi autentikator diminta mendaftar pada permintaan berikutnya, sebelum dapat membuka halaman lain."
        />
      )}
    </SettingsForm>
  );
}
