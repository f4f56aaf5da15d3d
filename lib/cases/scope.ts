import type { Prisma } from "@/lib/generated/prisma/client";
import type { Stage } from "@/lib/generated/prisma/enums";
import { caseScope, type PolicyUser } from "@/lib/auth/policy";

/** WHERE clause limiting cases to what the user may see (OPD users: their OPD only). Fail closed. */
export function caseWhereFor(user: PolicyUser): Prisma.CaseWhereInput {
  const scope = caseScope(user);
  const notDeleted: Prisma.CaseWhereInput = { deletedAt: null };
  switch (scope.kind) {
    case "all":
      return notDeleted;
    case "opd":
      return { ...notDeleted, opdId: scope.opdId };
    case "stages":
      return { ...notDeleted, stage: { in: scope.stages as Stage[] } };
    case "signedOrStages":
      // A signed naskah: the register summary's main naskah is past DRAF (lib/register/scope.ts).
      return { ...notDeleted, OR: [{ stage: { in: scope.stages as Stage[] } }, { AND: [{ mainStatus: { not: null } }, { mainStatus: { not: "DRAF" } }] }] };
    default:
      return { id: { in: [] } };
  }
}
