/**
 * The seven roles of SIKERDA (domain.md §3). The Kepala Daerah, DPRD and partners do not
 * log in: Bagian Kerja Sama records their acts with the signed document as evidence.
 */
export const ROLES = [
  "OPERATOR_OPD",
  "KEPALA_OPD",
  "STAF_KS",
  "KABAG_KS",
  "TKKSD",
  "PIMPINAN",
  "ADMIN",
] as const;

export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  OPERATOR_OPD: "Operator OPD",
  KEPALA_OPD: "Kepala OPD",
  STAF_KS: "Staf Bagian Kerja Sama",
  KABAG_KS: "Kepala Bagian Kerja Sama",
  TKKSD: "Anggota TKKSD",
  PIMPINAN: "Pimpinan Daerah",
  ADMIN: "Administrator Sistem",
};

/** Roles whose holder must belong to exactly one OPD; everything they touch is limited to it. */
export const OPD_ROLES = ["OPERATOR_OPD", "KEPALA_OPD"] as const satisfies readonly Role[];

export type OpdRole = (typeof OPD_ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

export function isOpdRole(role: unknown): role is OpdRole {
  return typeof role === "string" && (OPD_ROLES as readonly string[]).includes(role);
}
