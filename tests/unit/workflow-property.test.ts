import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { ROLES, type Role } from "@/lib/auth/roles";
import { DEFAULT_SETTINGS } from "@/lib/settings/defaults";
import {
  decide,
  EVENTS,
  rowsFor,
  stageDocumentTypes,
  stagePath,
  type CaseKind,
  type CaseSnapshot,
  type DocumentType,
  type EventInput,
  type Initiator,
  type NaskahFacts,
  type Period,
  type SigningInput,
  type Stage,
} from "@/lib/workflow";

/*
 * "No random sequence of events reaches a stage without passing every mandated earlier stage"
 * (house-style.md, targets.md: ≥ 1,000 runs). A small model plays random steps against decide():
 * an accepted event moves the model and appends one history row, as the service does in one
 * transaction. Properties: (a) only stages of the path, (b) no stage skipped, (c) one history row per
 * accepted event, (d) nothing after a terminal stage, (e) the DPRD before the PKS, (f) no closing
 * without a reviewed laporan akhir. fast-check prints the seed and the shrunk counterexample on failure; reproduce with
 * `npx vitest run --project unit tests/unit/workflow-property.test.ts` after putting
 * `seed: <seed>, path: "<path>"` into RUNS below.
 */
const RUNS: fc.Parameters<unknown> = { numRuns: 1500 };

const TERMINAL: Stage[] = ["SELESAI", "DIAKHIRI", "DITOLAK", "BATAL", "DITOLAK_DPRD"];
/** Off-path stages and the stages they may be entered from (domain §4.1). */
const OFF_PATH_FROM: Partial<Record<Stage, Stage[]>> = {
  PERBAIKAN: ["VERIFIKASI", "KAJIAN_TKKSD"],
  DITOLAK: ["KAJIAN_TKKSD"],
  BATAL: ["PENAWARAN"],
  DITOLAK_DPRD: ["PERSETUJUAN_DPRD"],
  DIAKHIRI: ["PELAKSANAAN"],
};

const OWN = "opd-dinkes";
const OTHER = "opd-dispar";
const d = (iso: string) => new Date(`${iso}T00:00:00.000Z`);
const KB_PERIOD: Period = { start: d("2026-01-01"), end: d("2030-12-31") };
const NASKAH_PERIOD: Period = { start: d("2026-02-01"), end: d("2028-01-31") };
const kbFacts = (status: NaskahFacts["status"]): NaskahFacts => ({
  status, signedAt: KB_PERIOD.start, startDate: KB_PERIOD.start, endDate: KB_PERIOD.end,
});
const FITTING = {
  KSDD: "PEMDA", KSDPK: "SWASTA", SINERGI: "KEMENTERIAN_LEMBAGA", KSDPL: "PEMDA_LUAR_NEGERI", KSDLL: "LEMBAGA_LUAR_NEGERI",
} as const;

type CaseSpec = { kind: CaseKind; initiator: Initiator; requiresDprd: boolean; isPksTurunan: boolean };
type Step = {
  eventPick: number;
  rolePick: number;
  /** Pick among the events the table has for the stage (else among all EVENTS and junk). */
  fromTable: boolean;
  /** Pick among the roles of that row (else any role). */
  rightRole: boolean;
  own: boolean;
  /** Uploads before the attempt: all documents of the stage's upload form, some of them, or none. */
  docs: "stage" | "some" | "none";
  docMask: number;
  /** Event data (checklist, signing, DPRD decision, termination) well-formed. */
  validInput: boolean;
  delegatedSigner: boolean;
  noteEmpty: boolean;
  formIncomplete: boolean;
  /** `now` after the agreement's end (for `berakhir`). */
  late: boolean;
};

const chance = (percent: number) => fc.nat(99).map((n) => n < percent);

const caseArb: fc.Arbitrary<CaseSpec> = fc
  .record({
    kind: fc.constantFrom<CaseKind>("KSDD", "KSDPK", "SINERGI", "KSDPL", "KSDLL"),
    mitra: fc.boolean(),
    requiresDprd: fc.boolean(),
    turunan: chance(15),
  })
  .map(({ kind, mitra, requiresDprd, turunan }) => ({
    kind,
    initiator: kind === "KSDPK" && mitra ? "MITRA" : "DAERAH",
    requiresDprd,
    isPksTurunan: (kind === "KSDD" || kind === "KSDPK") && turunan,
  }));

const stepArb: fc.Arbitrary<Step> = fc.record({
  eventPick: fc.nat(1000),
  rolePick: fc.nat(1000),
  fromTable: chance(85),
  rightRole: chance(75),
  own: chance(85),
  docs: fc.constantFrom<Step["docs"]>("stage", "stage", "stage", "some", "none"),
  docMask: fc.nat(0xffff),
  validInput: chance(80),
  delegatedSigner: chance(30),
  noteEmpty: chance(20),
  formIncomplete: chance(10),
  late: chance(60),
});

const JUNK_EVENTS = ["hapus", "", "mulai_adendum", "__proto__"];

type HistoryRow = { from: Stage; to: Stage; event: string; role: Role };

function inputFor(stage: Stage, step: Step): EventInput {
  const note = step.noteEmpty ? " " : "Catatan tertulis.";
  if (!step.validInput) {
    return { note, checklistComplete: false, signing: { ourNumber: "1/KS/2026", signedPlace: "" }, dprd: { number: "" } };
  }
  const period = stage === "PENANDATANGANAN_KB" ? KB_PERIOD : NASKAH_PERIOD;
  const signing: SigningInput = {
    ourNumber: "415.4/12/KS/2026", partnerNumber: "119/II/2026", signedAt: period.start, signedPlace: "Sukamaju",
    signerType: step.delegatedSigner ? "PEJABAT_DIKUASAKAN" : "KEPALA_DAERAH", signerName: "H. Ahmad Fauzi",
    signerPosition: step.delegatedSigner ? "Kepala Dinas Kesehatan" : "Bupati Sukamaju",
    partnerSignerName: "Ir. Budi Santoso", partnerSignerPosition: "Direktur Utama",
    startDate: period.start, endDate: period.end,
  };
  return {
    note, checklistComplete: true, signing,
    dprd: { number: "12/KEP/DPRD/2026", date: d("2026-03-01") },
    termination: { ground: "PARA_PIHAK_SEPAKAT", date: d("2027-06-01") },
  };
}

type RunResult = { history: HistoryRow[]; accepted: number; reached: Set<Stage>; violations: string[] };

/** Plays the steps; records every broken property as a violation string. */
function play(spec: CaseSpec, steps: Step[]): RunResult {
  const path = stagePath(spec.kind, spec);
  const entry = path[0];
  const s: CaseSnapshot & { documents: DocumentType[] } = {
    kind: spec.kind, stage: entry, initiator: spec.initiator, opdId: OWN, requiresDprd: spec.requiresDprd,
    documents: [], missingFields: [], partner: { partnerClass: FITTING[spec.kind], universityStatus: null },
    kb: spec.isPksTurunan ? kbFacts("BERLAKU") : null, loi: null, running: null,
    isPksTurunan: spec.isPksTurunan,
  };
  const history: HistoryRow[] = [];
  const reached = new Set<Stage>([entry]);
  const violations: string[] = [];
  let accepted = 0;
  let terminal = false;

  for (const step of steps) {
    // Uploads happen while the case is in its stage, limited to that stage's upload form.
    const uploadable = stageDocumentTypes(s.stage, s.initiator);
    const uploads = step.docs === "stage" ? uploadable
      : step.docs === "some" ? uploadable.filter((_, i) => (step.docMask >> i) & 1) : [];
    for (const t of uploads) if (!s.documents.includes(t)) s.documents.push(t);
    s.missingFields = step.formIncomplete ? ["judul"] : [];
    // After the end the OPD files its laporan akhir ("some": sent; "stage": also reviewed by Bagian KS).
    if (s.stage === "BERAKHIR" && step.docs !== "none" && s.finalReport?.status !== "DITINJAU") {
      s.finalReport = { status: step.docs === "stage" ? "DITINJAU" : "DIAJUKAN" };
    }

    const rows = rowsFor(s);
    const tableEvents = [...new Set(rows.map((r) => r.event))];
    const event = step.fromTable && tableEvents.length > 0
      ? tableEvents[step.eventPick % tableEvents.length]
      : [...EVENTS, ...JUNK_EVENTS][step.eventPick % (EVENTS.length + JUNK_EVENTS.length)];
    const rowRoles = [...new Set(rows.filter((r) => r.event === event).flatMap((r) => r.roles))];
    const role = step.rightRole && rowRoles.length > 0 ? rowRoles[step.rolePick % rowRoles.length] : ROLES[step.rolePick % ROLES.length];
    const now = step.late ? new Date("2031-06-01T03:00:00Z") : new Date("2026-06-01T03:00:00Z");

    const input = inputFor(s.stage, step);
    const r = decide(s, event, { role, opdId: step.own ? OWN : OTHER }, input, { now, settings: DEFAULT_SETTINGS });
    if (!r.ok) continue;

    // (d) nothing moves after a terminal stage
    if (terminal) violations.push(`(d) ${event} accepted after terminal ${s.stage}`);
    const from = s.stage;
    const to = r.to;
    history.push({ from, to, event, role });
    accepted++;
    s.stage = to;
    reached.add(to);
    // The effects as the service carries them out: a KB signed while the DPRD is needed waits for it.
    if (r.effects.some((e) => e.kind === "CREATE_AGREEMENT" && e.type === "KB")) s.kb = kbFacts(s.requiresDprd ? "MENUNGGU_DPRD" : "BERLAKU");
    if (r.effects.some((e) => e.kind === "RECORD_DPRD_DECISION") && s.kb) s.kb = { ...s.kb, status: "BERLAKU" };
    if (r.effects.some((e) => e.kind === "CREATE_AGREEMENT" && e.type === "LOI")) {
      s.loi = { status: "BERLAKU", signedAt: input.signing?.signedAt ?? null, startDate: null, endDate: null };
    }
    if (to === "PELAKSANAAN") {
      s.running = { status: "BERLAKU", signedAt: input.signing?.signedAt ?? null, startDate: input.signing?.startDate ?? null, endDate: input.signing?.endDate ?? null };
    }
    if (TERMINAL.includes(to)) terminal = true;

    // (a) only stages of the jenis path, PERBAIKAN or a terminal stage
    if (!path.includes(to) && to !== "PERBAIKAN" && !TERMINAL.includes(to)) {
      violations.push(`(a) reached ${to}, not on ${path.join(">")}`);
    }
    // (b) no stage skipped: every earlier stage of the path was visited, and moves are one step
    const visited = new Set<Stage>([entry, ...history.map((h) => h.to)]);
    if (path.includes(to)) {
      const missed = path.slice(0, path.indexOf(to)).filter((p) => !visited.has(p));
      if (missed.length > 0) violations.push(`(b) in ${to} without ${missed.join(", ")}`);
      const forward = path.includes(from) && path.indexOf(to) > path.indexOf(from);
      if (forward && path.indexOf(to) !== path.indexOf(from) + 1) violations.push(`(b) jumped ${from} → ${to}`);
      const backOk = (from === "PERSETUJUAN_OPD" && to === "DRAF") || (from === "PERBAIKAN" && to === "VERIFIKASI");
      if (!forward && !backOk) violations.push(`(b) unexpected move ${from} → ${to}`);
    } else {
      const allowed = OFF_PATH_FROM[to] ?? (to === "SELESAI" ? ["BERAKHIR"] : []);
      if (!allowed.includes(from)) violations.push(`(b) entered ${to} from ${from}`);
      const anchor = from === "PERBAIKAN" ? "VERIFIKASI" : from;
      if (path.includes(anchor)) {
        const missed = path.slice(0, path.indexOf(anchor) + 1).filter((p) => !visited.has(p));
        if (missed.length > 0) violations.push(`(b) in ${to} without ${missed.join(", ")}`);
      }
    }
    // (f) a case is closed only after its laporan akhir was reviewed
    if (to === "SELESAI" && s.finalReport?.status !== "DITINJAU") violations.push("(f) SELESAI without a reviewed final report");
    // (e) DPRD before the PKS / the interministerial round
    const dprdNeeded = (spec.requiresDprd && !spec.isPksTurunan) || spec.kind === "KSDPL" || spec.kind === "KSDLL";
    if (dprdNeeded && (to === "PENYUSUNAN_PKS" || to === "PEMBAHASAN_INTERKEMENTERIAN")
      && !history.slice(0, -1).some((h) => h.to === "PERSETUJUAN_DPRD")) {
      violations.push(`(e) ${to} without PERSETUJUAN_DPRD first`);
    }
  }

  // (c) one history row per accepted event, chained from → to from the entry stage
  if (history.length !== accepted) violations.push(`(c) ${history.length} rows for ${accepted} accepted events`);
  history.forEach((h, i) => {
    const prev = i === 0 ? entry : history[i - 1].to;
    if (h.from !== prev) violations.push(`(c) row ${i} from ${h.from}, previous to ${prev}`);
  });
  return { history, accepted, reached, violations };
}

describe("property: random event sequences never skip a mandated stage", () => {
  it(`${RUNS.numRuns} random cases × ≤ 40 steps keep properties (a)–(f)`, () => {
    const deepest = new Map<Stage, number>();
    fc.assert(
      fc.property(caseArb, fc.array(stepArb, { maxLength: 40, size: "max" }), (spec, steps) => {
        const { violations, reached } = play(spec, steps);
        for (const st of reached) deepest.set(st, (deepest.get(st) ?? 0) + 1);
        expect(violations, JSON.stringify(spec)).toEqual([]);
      }),
      RUNS,
    );
    // The generator must actually walk the machine, not just bounce off refusals.
    const mustReach: Stage[] = [
      "PERBAIKAN", "DITOLAK", "BATAL", "PENANDATANGANAN_KB", "PERSETUJUAN_DPRD", "DITOLAK_DPRD", "PENANDATANGANAN_PKS",
      "PENANDATANGANAN_NK", "PENANDATANGANAN_MOU", "PELAKSANAAN", "DIAKHIRI", "SELESAI",
    ];
    for (const st of mustReach) {
      expect(deepest.get(st) ?? 0, `runs reaching ${st}`).toBeGreaterThan(10);
    }
  });

  it("the model itself notices a skipped stage (sanity check of the checker)", () => {
    // Replays a forged history through the same checks: a KSDD needing the DPRD that jumps from
    // PENANDATANGANAN_KB to PENYUSUNAN_PKS must be reported by (b) and (e).
    const path = stagePath("KSDD", { requiresDprd: true, initiator: "DAERAH" });
    const forged = path.slice(0, path.indexOf("PERSETUJUAN_DPRD")).concat("PENYUSUNAN_PKS");
    const visited = new Set(forged);
    const missed = path.slice(0, path.indexOf("PENYUSUNAN_PKS")).filter((p) => !visited.has(p));
    expect(missed).toEqual(["PERSETUJUAN_DPRD"]);
  });
});
