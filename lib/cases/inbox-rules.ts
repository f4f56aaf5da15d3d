import type { Prisma } from "@/lib/generated/prisma/client";
import type { CaseKind, Initiator, Stage } from "@/lib/generated/prisma/enums";
import type { PolicyUser } from "@/lib/auth/policy";
import type { Role } from "@/lib/auth/roles";
import { TRANSITIONS } from "@/lib/workflow";

/*
 * Which cases wait for a role, derived from the transition table (the same rows decide() and
 * availableEvents() use), so the inbox can never disagree with the buttons on the case page.
 * Every condition is on indexed columns (stage, kind, opdId).
 */

/** Stages where STAF_KS works without recording a transition (the verification checklist). */
const STAFF_EXTRA: Stage[] = ["VERIFIKASI"];

/** Where `role` may record an event: one condition per (stage, initiator), kinds merged. */
export function tableConditions(role: Role): Prisma.CaseWhereInput[] {
  const groups = new Map<string, { stage: Stage; initiator?: Initiator; kinds: Set<CaseKind> }>();
  for (const t of TRANSITIONS) {
    if (!t.roles.includes(role) || t.from === "PELAKSANAAN") continue;
    const key = `${t.from}:${t.initiator ?? "*"}`;
    const g = groups.get(key) ?? { stage: t.from, initiator: t.initiator, kinds: new Set<CaseKind>() };
    for (const k of t.kinds) g.kinds.add(k);
    groups.set(key, g);
  }
  return [...groups.values()].map((g) => ({
    stage: g.stage,
    kind: { in: [...g.kinds] },
    ...(g.initiator ? { initiator: g.initiator } : {}),
  }));
}

/** The role-specific part of the inbox WHERE clause (null: this role has no inbox). */
export function inboxWhere(user: PolicyUser, today: Date): Prisma.CaseWhereInput | null {
  switch (user.role) {
    case "OPERATOR_OPD":
      return user.opdId ? { opdId: user.opdId, stage: { in: ["DRAF", "PERBAIKAN"] }, initiator: "DAERAH" } : null;
    case "KEPALA_OPD":
      return user.opdId ? { opdId: user.opdId, stage: "PERSETUJUAN_OPD" } : null;
    case "TKKSD":
      return { stage: "KAJIAN_TKKSD" };
    case "STAF_KS":
      return { OR: [...tableConditions("STAF_KS"), { stage: { in: STAFF_EXTRA } }] };
    case "KABAG_KS":
      return {
        OR: [
          ...tableConditions("KABAG_KS"),
          // A running agreement whose end date has passed waits to be marked BERAKHIR.
          {
            stage: "PELAKSANAAN",
            agreements: { some: { status: "BERLAKU", type: { in: ["PKS", "NK", "MOU"] }, deletedAt: null, endDate: { lt: today } } },
          },
        ],
      };
    default:
      return null;
  }
}
