import { can, type PolicyUser } from "@/lib/auth/policy";
import { hasInbox } from "@/lib/cases/inbox-rules";
import type { IconName } from "@/components/ui/icons";

/** Serializable (passed to the client nav): the icon is a name, not a component. */
export type NavItem = { href: string; label: string; icon?: IconName };

export { ROLE_HOME } from "./routes";

/**
 * The menu, in display order. Each item is shown exactly when the server would let the user open
 * its page: the same can() grant the page checks (or the inbox rule), never a list of roles.
 */
const NAV: ReadonlyArray<NavItem & { allowed: (user: PolicyUser) => boolean }> = [
  { href: "/beranda", label: "Beranda", icon: "home", allowed: () => true },
  { href: "/dasbor", label: "Dasbor", icon: "dashboard", allowed: (u) => can(u, "dashboard.view") },
  { href: "/tindakan", label: "Perlu Tindakan", icon: "clipboardCheck", allowed: (u) => can(u, "case.list") && hasInbox(u) },
  { href: "/usulan", label: "Usulan", icon: "file", allowed: (u) => can(u, "case.list") },
  { href: "/kerja-sama", label: "Kerja Sama", icon: "archive", allowed: (u) => can(u, "register.view") },
  { href: "/mitra", label: "Mitra", icon: "briefcase", allowed: (u) => can(u, "partner.read") },
  { href: "/laporan", label: "Laporan", icon: "barChart", allowed: (u) => can(u, "report.list") },
  { href: "/pengaturan", label: "Pengaturan", icon: "sliders", allowed: (u) => can(u, "settings.read") },
  { href: "/admin/pengguna", label: "Pengguna", icon: "users", allowed: (u) => can(u, "user.manage") },
  { href: "/admin/opd", label: "Perangkat Daerah", icon: "building", allowed: (u) => can(u, "opd.manage") },
];

export function navItemsFor(user: PolicyUser): NavItem[] {
  return NAV.filter((item) => item.allowed(user)).map(({ href, label, icon }) => ({ href, label, icon }));
}
