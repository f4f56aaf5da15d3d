import { LinkButton } from "@/components/ui/button";
import { can, type PolicyUser } from "@/lib/auth/policy";

/**
 * The two ways into the archive (for the register page's header): shown exactly when the server
 * would let the user open them — the same can() grants the pages check.
 */
export function LegacyEntryLinks({ user }: { user: PolicyUser }) {
  const register = can(user, "legacy.register");
  const importing = can(user, "legacy.import");
  if (!register && !importing) return null;
  return (
    <div className="flex flex-wrap gap-2">
      {register && <LinkButton href="/kerja-sama/arsip/baru" variant="secondary">Daftarkan Kerja Sama Arsip</LinkButton>}
      {importing && <LinkButton href="/kerja-sama/impor" variant="secondary">Impor dari Excel</LinkButton>}
    </div>
  );
}
