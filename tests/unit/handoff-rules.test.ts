import { describe, expect, it } from "vitest";
import { nextActorRoles } from "@/lib/notifications/handoff-rules";
import { TRANSITIONS } from "@/lib/workflow";

// Who is told when a case reaches a stage: the roles that can record an event there (the inbox
// rules over the transition table), plus the TKKSD members during a review.
describe("nextActorRoles", () => {
  it("names the next actor of the region's path", () => {
    expect(nextActorRoles({ stage: "PERSETUJUAN_OPD", kind: "KSDD", initiator: "DAERAH" })).toEqual(["KEPALA_OPD"]);
    expect(nextActorRoles({ stage: "VERIFIKASI", kind: "KSDD", initiator: "DAERAH" })).toEqual(["KABAG_KS"]);
    expect(nextActorRoles({ stage: "PERBAIKAN", kind: "KSDD", initiator: "DAERAH" })).toContain("OPERATOR_OPD");
    expect(nextActorRoles({ stage: "KAJIAN_TKKSD", kind: "KSDD", initiator: "DAERAH" })).toEqual(expect.arrayContaining(["KABAG_KS", "TKKSD"]));
  });

  it("tells nobody on a running agreement or a final stage (reminders cover those)", () => {
    for (const stage of ["PELAKSANAAN", "SELESAI", "DITOLAK", "BATAL"] as const) {
      expect(nextActorRoles({ stage, kind: "KSDD", initiator: "DAERAH" })).toEqual([]);
    }
  });

  it("every role it names holds an event of the table at that stage (never a role that can do nothing)", () => {
    for (const t of TRANSITIONS) {
      for (const kind of t.kinds) {
        const roles = nextActorRoles({ stage: t.from, kind, initiator: t.initiator ?? "DAERAH" });
        for (const role of roles) {
          if (role === "TKKSD") continue;
          const acts = TRANSITIONS.some((r) => r.from === t.from && r.kinds.includes(kind) && r.roles.includes(role));
          expect(acts, `${role} at ${t.from} (${kind})`).toBe(true);
        }
      }
    }
  });
});
