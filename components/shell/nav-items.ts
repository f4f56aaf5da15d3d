import type { Role } from "@/lib/auth/roles";
import type { IconName } from "@/components/ui/icons";

/** Serializable (passed to the client nav): the icon is a name, not a component. */
export type NavItem = { href: string; label: string; icon?: IconName };

export { ROLE_HOME } from "./routes";

const ALL: readonly Role[] = ["OPERATOR_OPD", "KEPALA_OPD", "STAF_KS", "KABAG_KS", "TKKSD", "PIMPINAN", "ADMIN"];

/**
 * Menu per role, in display order. This only hides links: every page and action
 * still checks `can()` on the server.
 */
const NAV: ReadonlyArray<NavItem & { roles: readonly Role[] }> = [
  { href: "/beranda", label: "Beranda", icon: "home", roles: ALL },
  { href: "/dasbor", label: "Dasbor", icon: "dashboard", roles: ["PIMPINAN", "KABAG_KS", "STAF_KS"] },
  {
    href: "/tindakan",
    label: "Perlu Tindakan",
    icon: "clipboardCheck",
    roles: ["OPERATOR_OPD", "KEPALA_OPD", "STAF_KS", "KABAG_KS", "TKKSD"],
  },
  {
    href: "/usulan",
    label: "Usulan",
    icon: "file",
    roles: ["OPERATOR_OPD", "KEPALA_OPD", "STAF_KS", "KABAG_KS", "TKKSD", "PIMPINAN"],
  },
  { href: "/kerja-sama", label: "Kerja Sama", icon: "archive", roles: ALL.filter((r) => r !== "ADMIN") },
  {
    href: "/mitra",
    label: "Mitra",
    icon: "briefcase",
    roles: ["STAF_KS", "KABAG_KS", "PIMPINAN", "OPERATOR_OPD", "KEPALA_OPD"],
  },
  {
    href: "/laporan",
    label: "Laporan",
    icon: "barChart",
    roles: ["OPERATOR_OPD", "KEPALA_OPD", "STAF_KS", "KABAG_KS", "PIMPINAN"],
  },
  { href: "/pengaturan", label: "Pengaturan", icon: "sliders", roles: ["KABAG_KS"] },
  { href: "/admin/pengguna", label: "Pengguna", icon: "users", roles: ["ADMIN"] },
  { href: "/admin/opd", label: "Perangkat Daerah", icon: "building", roles: ["ADMIN"] },
];

export function navItemsFor(role: Role): NavItem[] {
  return NAV.filter((item) => item.roles.includes(role)).map(({ href, label, icon }) => ({ href, label, icon }));
}
