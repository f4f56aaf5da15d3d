// Upload quotas (targets.md: uploads are limited): one user cannot fill the disk, and one case
// cannot grow without bound. Checked inside the upload's transaction under the case row lock.
export const QUOTA = {
  /** Documents of one case, every version counted. */
  perCaseFiles: 400,
  /** Bytes stored for one case. */
  perCaseBytes: 2 * 1024 ** 3,
  /** Uploads by one user in 24 hours. */
  perUserDailyFiles: 300,
  /** Bytes uploaded by one user in 24 hours. */
  perUserDailyBytes: 3 * 1024 ** 3,
} as const;

export type QuotaUse = { caseFiles: number; caseBytes: number; userFiles: number; userBytes: number };

const gb = (bytes: number) => `${(bytes / 1024 ** 3).toLocaleString("id-ID", { maximumFractionDigits: 1 })} GB`;

/** null when one more file of `size` bytes fits, else the Indonesian refusal. */
export function quotaRefusal(use: QuotaUse, size: number, quota = QUOTA): string | null {
  if (use.caseFiles + 1 > quota.perCaseFiles || use.caseBytes + size > quota.perCaseBytes) {
    return `Kuota dokumen usulan ini telah penuh (paling banyak ${quota.perCaseFiles.toLocaleString("id-ID")} berkas atau ${gb(quota.perCaseBytes)}). Hubungi Bagian Kerja Sama.`;
  }
  if (use.userFiles + 1 > quota.perUserDailyFiles || use.userBytes + size > quota.perUserDailyBytes) {
    return `Kuota unggahan Anda untuk 24 jam terakhir telah habis (paling banyak ${quota.perUserDailyFiles.toLocaleString("id-ID")} berkas atau ${gb(quota.perUserDailyBytes)}). Coba lagi besok.`;
  }
  return null;
}
