import { describe, expect, it } from "vitest";
import {
  CaseKind as CASE_KIND,
  DocumentType as DOCUMENT_TYPE,
  Stage as STAGE,
} from "@/lib/generated/prisma/enums";
import { ROLES, type Role } from "@/lib/auth/roles";
import { POLICY } from "@/lib/auth/policy";
import { DEFAULT_SETTINGS } from "@/lib/settings/defaults";
import {
  availableEvents,
  decide,
  EVENTS,
  rowsFor,
  stagePath,
  TERMINAL_STAGES,
  TRANSITIONS,
  type CaseKind,
  type CaseSnapshot,
  type DecideContext,
  type EventInput,
  type Initiator,
  type Stage,
  type WorkflowActor,
} from "@/lib/workflow";

/*
 * The transition table checked exhaustively against an expectation typed by hand from
 * domain.md §3–§4 (NOT derived from lib/workflow/transitions.ts). Every jenis × stage × event ×
 * role × initiator × own/other OPD × requiresDprd is decided with a snapshot that satisfies every
 * guard and document requirement, so only availability, role and OPD decide the outcome.
 */

const KINDS = Object.values(CASE_KIND) as CaseKind[];
const STAGES = Object.values(STAGE) as Stage[];
const ALL_DOCS = Object.values(DOCUMENT_TYPE);

const REGION: CaseKind[] = ["KSDD", "KSDPK"];
const FOREIGN: CaseKind[] = ["KSDPL", "KSDLL"];
const ALLK: CaseKind[] = ["KSDD", "KSDPK", "SINERGI", "KSDPL", "KSDLL"];
const OPERATOR: Role[] = ["OPERATOR_OPD"];
const KEPALA_OPD: Role[] = ["KEPALA_OPD"];
const KS: Role[] = ["STAF_KS", "KABAG_KS"];
const KABAG: Role[] = ["KABAG_KS"];
/** §3: these roles act on their own OPD's cases only. */
const OWN_OPD_ONLY: Role[] = ["OPERATOR_OPD", "KEPALA_OPD"];
/** §3 terminal outcomes. */
const TERMINAL: Stage[] = ["SELESAI", "DIAKHIRI", "DITOLAK", "BATAL", "DITOLAK_DPRD"];

type To = Stage | ((requiresDprd: boolean) => Stage);
/** [jenis, from, event, who may record it, to, initiator (omitted = either)] */
type Law = [readonly CaseKind[], Stage, string, readonly Role[], To, Initiator?];

const LAW: Law[] = [
  // §4.1 rows 1–3 (+ partner-initiated KSDPK enters at VERIFIKASI)
  [ALLK, "DRAF", "ajukan", OPERATOR, "PERSETUJUAN_OPD", "DAERAH"],
  [["KSDPK"], "DRAF", "registrasi_penawaran_mitra", KS, "VERIFIKASI", "MITRA"],
  [ALLK, "PERSETUJUAN_OPD", "setujui", KEPALA_OPD, "VERIFIKASI"],
  [ALLK, "PERSETUJUAN_OPD", "kembalikan", KEPALA_OPD, "DRAF"],
  [ALLK, "VERIFIKASI", "lengkap", KABAG, "KAJIAN_TKKSD"],
  [ALLK, "VERIFIKASI", "perlu_perbaikan", KABAG, "PERBAIKAN"],
  [ALLK, "PERBAIKAN", "ajukan_ulang", OPERATOR, "VERIFIKASI", "DAERAH"],
  [["KSDPK"], "PERBAIKAN", "ajukan_ulang", KS, "VERIFIKASI", "MITRA"],
  // row 4: TKKSD result recorded by the Kabag
  [REGION, "KAJIAN_TKKSD", "layak", KABAG, "PENAWARAN"],
  [["SINERGI"], "KAJIAN_TKKSD", "layak", KABAG, "PENYUSUNAN_NK"],
  [FOREIGN, "KAJIAN_TKKSD", "layak", KABAG, "PENJAJAKAN_LOI"],
  [ALLK, "KAJIAN_TKKSD", "tidak_layak", KABAG, "DITOLAK"],
  [ALLK, "KAJIAN_TKKSD", "perlu_perbaikan", KABAG, "PERBAIKAN"],
  // rows 5–10
  [REGION, "PENAWARAN", "mitra_setuju", KS, "PENYUSUNAN_KB"],
  [REGION, "PENAWARAN", "mitra_menolak", KS, "BATAL"],
  [REGION, "PENAWARAN", "batal", KABAG, "BATAL"],
  [REGION, "PENYUSUNAN_KB", "final", KS, "PENANDATANGANAN_KB"],
  [REGION, "PENANDATANGANAN_KB", "tandatangani", KABAG, (dprd) => (dprd ? "PERSETUJUAN_DPRD" : "PENYUSUNAN_PKS")],
  [REGION, "PERSETUJUAN_DPRD", "dprd_setuju", KABAG, "PENYUSUNAN_PKS"],
  // §4.2: SINERGI has "no DPRD step" — so no DPRD refusal either.
  [[...REGION, ...FOREIGN], "PERSETUJUAN_DPRD", "dprd_tolak", KABAG, "DITOLAK_DPRD"],
  [REGION, "PENYUSUNAN_PKS", "final", KS, "PENANDATANGANAN_PKS"],
  [REGION, "PENANDATANGANAN_PKS", "tandatangani", KABAG, "PELAKSANAAN"],
  // §4.2 SINERGI
  [["SINERGI"], "PENYUSUNAN_NK", "final", KS, "PENANDATANGANAN_NK"],
  [["SINERGI"], "PENANDATANGANAN_NK", "tandatangani", KABAG, "PELAKSANAAN"],
  // §4.3 KSDPL/KSDLL
  [FOREIGN, "PENJAJAKAN_LOI", "loi_ditandatangani", KS, "KONSULTASI_KEMENDAGRI"],
  [FOREIGN, "KONSULTASI_KEMENDAGRI", "konsultasi_selesai", KS, "PERSETUJUAN_DPRD"],
  [FOREIGN, "PERSETUJUAN_DPRD", "dprd_setuju", KABAG, "PEMBAHASAN_INTERKEMENTERIAN"],
  [FOREIGN, "PEMBAHASAN_INTERKEMENTERIAN", "pembahasan_selesai", KS, "PERSETUJUAN_PUSAT"],
  [FOREIGN, "PERSETUJUAN_PUSAT", "pusat_setuju", KS, "PENANDATANGANAN_MOU"],
  [FOREIGN, "PENANDATANGANAN_MOU", "tandatangani", KABAG, "PELAKSANAAN"],
  // rows 11–12
  [ALLK, "PELAKSANAAN", "berakhir", KABAG, "BERAKHIR"],
  [ALLK, "PELAKSANAAN", "akhiri", KABAG, "DIAKHIRI"],
  [ALLK, "BERAKHIR", "selesai", KABAG, "SELESAI"],
  // §5 adendum: drafted (the OPD may start it), TKKSD review, DPRD again when the change needs it,
  // signed, back to PELAKSANAAN; abandoned, refused or overtaken by the end of the naskah.
  [ALLK, "PELAKSANAAN", "mulai_adendum", [...OPERATOR, ...KS], "ADENDUM_PENYUSUNAN"],
  [ALLK, "ADENDUM_PENYUSUNAN", "final", KS, "ADENDUM_KAJIAN"],
  [ALLK, "ADENDUM_PENYUSUNAN", "batalkan_adendum", KABAG, "PELAKSANAAN"],
  [ALLK, "ADENDUM_KAJIAN", "layak", KABAG, (dprd) => (dprd ? "ADENDUM_DPRD" : "ADENDUM_PENANDATANGANAN")],
  [ALLK, "ADENDUM_KAJIAN", "perlu_perbaikan", KABAG, "ADENDUM_PENYUSUNAN"],
  [ALLK, "ADENDUM_KAJIAN", "tidak_layak", KABAG, "PELAKSANAAN"],
  [ALLK, "ADENDUM_DPRD", "dprd_setuju", KABAG, "ADENDUM_PENANDATANGANAN"],
  [ALLK, "ADENDUM_DPRD", "dprd_tolak", KABAG, "PELAKSANAAN"],
  [ALLK, "ADENDUM_PENANDATANGANAN", "tandatangani", KABAG, "PELAKSANAAN"],
  [ALLK, "ADENDUM_PENYUSUNAN", "berakhir", KABAG, "BERAKHIR"],
  [ALLK, "ADENDUM_KAJIAN", "berakhir", KABAG, "BERAKHIR"],
  [ALLK, "ADENDUM_DPRD", "berakhir", KABAG, "BERAKHIR"],
  [ALLK, "ADENDUM_PENANDATANGANAN", "berakhir", KABAG, "BERAKHIR"],
];

/** §4.1–§4.3 paths typed out by hand (without the PERBAIKAN loop). */
const FRONT: Stage[] = ["DRAF", "PERSETUJUAN_OPD", "VERIFIKASI", "KAJIAN_TKKSD"];
const BACK: Stage[] = ["PELAKSANAAN", "BERAKHIR", "SELESAI"];
function lawPath(kind: CaseKind, initiator: Initiator, requiresDprd: boolean, turunan: boolean): Stage[] {
  if (turunan) return ["PENYUSUNAN_PKS", "PENANDATANGANAN_PKS", ...BACK];
  if (kind === "SINERGI") return [...FRONT, "PENYUSUNAN_NK", "PENANDATANGANAN_NK", ...BACK];
  if (kind === "KSDPL" || kind === "KSDLL") {
    return [...FRONT, "PENJAJAKAN_LOI", "KONSULTASI_KEMENDAGRI", "PERSETUJUAN_DPRD",
      "PEMBAHASAN_INTERKEMENTERIAN", "PERSETUJUAN_PUSAT", "PENANDATANGANAN_MOU", ...BACK];
  }
  const front: Stage[] = initiator === "MITRA" ? ["DRAF", "VERIFIKASI", "KAJIAN_TKKSD"] : FRONT;
  return [...front, "PENAWARAN", "PENYUSUNAN_KB", "PENANDATANGANAN_KB",
    ...(requiresDprd ? ["PERSETUJUAN_DPRD" as Stage] : []), "PENYUSUNAN_PKS", "PENANDATANGANAN_PKS", ...BACK];
}

const initiatorsOf = (kind: CaseKind): Initiator[] => (kind === "KSDPK" ? ["DAERAH", "MITRA"] : ["DAERAH"]);

const OWN = "opd-dinkes";
const OTHER = "opd-dispar";
const d = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

const FITTING = {
  KSDD: "PEMDA", KSDPK: "SWASTA", SINERGI: "KEMENTERIAN_LEMBAGA", KSDPL: "PEMDA_LUAR_NEGERI", KSDLL: "LEMBAGA_LUAR_NEGERI",
} as const;

/**
 * A snapshot satisfying every guard of `event`. Two guards depend on the calendar in opposite ways:
 * "Berakhir" needs the running naskah ended (CTX is after its end), an adendum needs it in force.
 */
function satisfiedSnapshot(kind: CaseKind, stage: Stage, initiator: Initiator, requiresDprd: boolean, event = ""): CaseSnapshot {
  const runningEnd = event === "mulai_adendum" ? d("2030-12-31") : d("2027-12-31");
  return {
    kind, stage, initiator, requiresDprd, opdId: OWN,
    documents: ALL_DOCS,
    missingFields: [],
    partner: { partnerClass: FITTING[kind], universityStatus: null },
    kb: { status: "BERLAKU", signedAt: d("2026-01-01"), startDate: d("2026-01-01"), endDate: d("2030-12-31") },
    running: { status: "BERLAKU", signedAt: d("2026-02-01"), startDate: d("2026-02-01"), endDate: runningEnd },
    finalReport: { status: "DITINJAU" },
    isPksTurunan: false,
    // The adendum in progress follows the same DPRD answer as the variant under test.
    adendum: { requiresDprd, amends: { type: "PKS", signedAt: d("2026-02-01") } },
  };
}

const SATISFIED_INPUT: EventInput = {
  note: "Catatan dan alasan tertulis.",
  checklistComplete: true,
  signing: {
    ourNumber: "415.4/12/KS/2026", partnerNumber: "119/PKS/II/2026", signedAt: d("2026-02-01"),
    signedPlace: "Sukamaju", signerType: "KEPALA_DAERAH", signerName: "H. Ahmad Fauzi, S.H.",
    signerPosition: "Bupati Sukamaju", partnerSignerName: "Ir. Budi Santoso", partnerSignerPosition: "Direktur Utama",
    startDate: d("2026-02-01"), endDate: d("2028-01-31"),
  },
  dprd: { number: "12/KEP/DPRD/2026", date: d("2026-03-01") },
  termination: { ground: "PARA_PIHAK_SEPAKAT", date: d("2027-06-01") },
  adendum: { changes: ["Penambahan lokasi layanan"], burdensPublic: false, budgetedInApbd: true },
};

const CTX: DecideContext = { now: new Date("2028-06-01T03:00:00Z"), settings: DEFAULT_SETTINGS };

function expected(kind: CaseKind, initiator: Initiator, stage: Stage, event: string, role: Role, own: boolean, dprd: boolean): string {
  if (!(EVENTS as readonly string[]).includes(event)) return "UNKNOWN_EVENT";
  const rows = LAW.filter(([kinds, from, ev, , , ini]) =>
    kinds.includes(kind) && from === stage && ev === event && (ini === undefined || ini === initiator));
  if (rows.length === 0) return "NOT_AVAILABLE";
  const row = rows.find(([, , , roles]) => roles.includes(role));
  if (!row) return "ROLE_NOT_ALLOWED";
  if (OWN_OPD_ONLY.includes(role) && !own) return "NOT_OWN_OPD";
  const to = row[4];
  return `ok→${typeof to === "function" ? to(dprd) : to}`;
}

const EVENT_CANDIDATES: string[] = [...EVENTS, "hapus", "", "constructor", "AJUKAN", "adendum"];

describe("transition table, exhaustively against domain.md §4", () => {
  for (const kind of KINDS) {
    for (const stage of STAGES) {
      it(`${kind} × ${stage}: every event × role × initiator × own/other OPD × DPRD`, () => {
        const mismatches: string[] = [];
        let checked = 0;
        for (const initiator of initiatorsOf(kind)) {
          for (const dprd of [false, true]) {
            for (const event of EVENT_CANDIDATES) {
              const snapshot = satisfiedSnapshot(kind, stage, initiator, dprd, event);
              for (const role of ROLES) {
                for (const own of [true, false]) {
                  const actor: WorkflowActor = { role, opdId: own ? OWN : OTHER };
                  const got = decide(snapshot, event, actor, SATISFIED_INPUT, CTX);
                  const actual = got.ok ? `ok→${got.to}` : got.code;
                  const want = expected(kind, initiator, stage, event, role, own, dprd);
                  checked++;
                  if (!got.ok) expect(got.message.length, `${event}: Indonesian message`).toBeGreaterThan(0);
                  if (actual !== want) {
                    mismatches.push(`${initiator} dprd=${dprd} "${event}" ${role} ${own ? "own" : "other"} OPD: expected ${want}, got ${actual}`);
                  }
                }
              }
            }
          }
        }
        expect(checked).toBeGreaterThan(0);
        expect(mismatches).toEqual([]);
      });
    }
  }
});

describe("table and authorization matrix agree", () => {
  it("each row's roles hold the row's action in lib/auth/policy-table.ts, with OWN_OPD scope for OPD roles", () => {
    const problems: string[] = [];
    for (const t of TRANSITIONS) {
      const holders = Object.keys(POLICY[t.action].roles);
      for (const role of t.roles) {
        if (!holders.includes(role)) problems.push(`${t.kinds.join("/")} ${t.from} ${t.event}: ${role} lacks ${t.action}`);
        const scope = (POLICY[t.action].roles as Partial<Record<Role, string>>)[role];
        const want = OWN_OPD_ONLY.includes(role) ? "OWN_OPD" : "ALL";
        if (scope !== want) problems.push(`${t.from} ${t.event}: ${role} holds ${t.action} with scope ${scope}, expected ${want}`);
      }
      if (t.roles.length === 0) problems.push(`${t.from} ${t.event}: no role may record it`);
    }
    expect(problems).toEqual([]);
  });

  it("no workflow event may be recorded by TKKSD, PIMPINAN or ADMIN (§3: opinion, read-only, no workflow)", () => {
    const offenders = TRANSITIONS.filter((t) => t.roles.some((r) => ["TKKSD", "PIMPINAN", "ADMIN"].includes(r)));
    expect(offenders.map((t) => `${t.from} ${t.event}`)).toEqual([]);
  });
});

describe("paths: every stage has a way out, terminals have none", () => {
  const variants: { kind: CaseKind; initiator: Initiator; dprd: boolean; turunan: boolean }[] = [];
  for (const kind of KINDS) {
    for (const initiator of initiatorsOf(kind)) {
      for (const dprd of [false, true]) {
        for (const turunan of REGION.includes(kind) ? [false, true] : [false]) variants.push({ kind, initiator, dprd, turunan });
      }
    }
  }

  it("stagePath() lists the stages of §4.1–§4.3 in order", () => {
    for (const v of variants) {
      expect(stagePath(v.kind, { requiresDprd: v.dprd, initiator: v.initiator, isPksTurunan: v.turunan }), JSON.stringify(v))
        .toEqual(lawPath(v.kind, v.initiator, v.dprd, v.turunan));
    }
  });

  it("TERMINAL_STAGES are exactly the terminal outcomes of §4.1", () => {
    expect([...TERMINAL_STAGES].sort()).toEqual([...TERMINAL].sort());
  });

  it("each non-terminal stage on a path (and PERBAIKAN) lets some role move on to the next stage of the path", () => {
    const problems: string[] = [];
    for (const v of variants) {
      const path = lawPath(v.kind, v.initiator, v.dprd, v.turunan);
      const stages = v.turunan ? path : [...path, "PERBAIKAN" as Stage];
      for (const stage of stages) {
        if (TERMINAL.includes(stage)) continue;
        const snapshot = { ...satisfiedSnapshot(v.kind, stage, v.initiator, v.dprd), isPksTurunan: v.turunan };
        const outs = new Set<Stage>();
        for (const event of EVENTS) {
          for (const role of ROLES) {
            const r = decide(snapshot, event, { role, opdId: OWN }, SATISFIED_INPUT, CTX);
            if (r.ok) outs.add(r.to);
          }
        }
        const next = stage === "PERBAIKAN" ? "VERIFIKASI" : path[path.indexOf(stage) + 1];
        if (!outs.has(next)) problems.push(`${JSON.stringify(v)} ${stage}: no way to ${next} (ways out: ${[...outs].join(", ") || "none"})`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("no event is accepted in a terminal stage, for any jenis, role or initiator", () => {
    const problems: string[] = [];
    for (const kind of KINDS) {
      for (const initiator of initiatorsOf(kind)) {
        for (const stage of TERMINAL) {
          expect(rowsFor({ kind, stage, initiator })).toEqual([]);
          for (const event of EVENTS) {
            for (const role of ROLES) {
              const r = decide(satisfiedSnapshot(kind, stage, initiator, true), event, { role, opdId: OWN }, SATISFIED_INPUT, CTX);
              if (r.ok || r.code !== "NOT_AVAILABLE") problems.push(`${kind} ${stage} ${event} ${role}: ${r.ok ? r.to : r.code}`);
            }
          }
        }
      }
    }
    expect(problems).toEqual([]);
  });
});

describe("availableEvents() and decide() share one source", () => {
  const AUTH_REFUSALS = new Set(["NOT_AVAILABLE", "ROLE_NOT_ALLOWED", "NOT_OWN_OPD", "UNKNOWN_EVENT"]);

  it("with every guard satisfied: the offered events are exactly those decide() accepts, with the same target", () => {
    const problems: string[] = [];
    for (const kind of KINDS) {
      for (const initiator of initiatorsOf(kind)) {
        for (const stage of STAGES) {
          for (const dprd of [false, true]) {
            const s = satisfiedSnapshot(kind, stage, initiator, dprd);
            for (const role of ROLES) {
              for (const opdId of [OWN, OTHER, null]) {
                const actor = { role, opdId };
                const offered = availableEvents(s, actor, CTX).map((a) => `${a.event}→${a.to}`).sort();
                const accepted = EVENTS.flatMap((e) => {
                  const r = decide(s, e, actor, SATISFIED_INPUT, CTX);
                  return r.ok ? [`${e}→${r.to}`] : [];
                }).sort();
                if (JSON.stringify(offered) !== JSON.stringify(accepted)) {
                  problems.push(`${kind} ${initiator} ${stage} dprd=${dprd} ${role} ${opdId}: offered [${offered}] accepted [${accepted}]`);
                }
              }
            }
          }
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it("with no documents and no input: offered = events refused only for guards/documents", () => {
    const problems: string[] = [];
    for (const kind of KINDS) {
      for (const initiator of initiatorsOf(kind)) {
        for (const stage of STAGES) {
          const s: CaseSnapshot = { ...satisfiedSnapshot(kind, stage, initiator, true), documents: [] };
          for (const role of ROLES) {
            const actor = { role, opdId: OWN };
            const offered = availableEvents(s, actor, CTX);
            const authorized = EVENTS.filter((e) => {
              const r = decide(s, e, actor, {}, CTX);
              return r.ok || !AUTH_REFUSALS.has(r.code);
            });
            const names = offered.map((a) => a.event);
            if (JSON.stringify([...names].sort()) !== JSON.stringify([...authorized].sort())) {
              problems.push(`${kind} ${stage} ${role}: offered [${names}] authorized [${authorized}]`);
            }
          }
        }
      }
    }
    expect(problems).toEqual([]);
  });

  // The button lists missingDocuments; when decide() then refuses with DOCUMENTS_MISSING, the two
  // lists must be the same, or the UI shows "complete" and the server says "missing".
  it("missingDocuments of an offered event equals decide()'s DOCUMENTS_MISSING list", () => {
    const problems: string[] = [];
    for (const kind of KINDS) {
      for (const initiator of initiatorsOf(kind)) {
        for (const stage of STAGES) {
          const s: CaseSnapshot = { ...satisfiedSnapshot(kind, stage, initiator, true), documents: [] };
          for (const role of ROLES) {
            const actor = { role, opdId: OWN };
            for (const a of availableEvents(s, actor, CTX)) {
              const r = decide(s, a.event, actor, SATISFIED_INPUT, CTX);
              if (!r.ok && r.code === "DOCUMENTS_MISSING" && JSON.stringify(r.missing) !== JSON.stringify(a.missingDocuments)) {
                problems.push(`${kind}/${initiator} ${stage} ${a.event} (${role}): availableEvents says [${a.missingDocuments}], decide says [${r.missing}]`);
              }
            }
          }
        }
      }
    }
    expect(problems).toEqual([]);
  });
});

describe("domain §5 (adendum)", () => {
  // Not in the machine yet: the adendum path (PELAKSANAAN → draft → TKKSD → DPRD if it adds burden
  // → signed adendum → PELAKSANAAN, versi + 1) belongs to the "life after signing" work. Until then
  // the seed's case in ADENDUM_PENYUSUNAN has no way out; this todo keeps the gap visible.
  it.todo("PELAKSANAAN offers an adendum and every ADENDUM_* stage has a way out");
});
