import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { can, registerScope } from "@/lib/auth/policy";
import { ROLES, type Role } from "@/lib/auth/roles";
import type { AgreementStatus, Stage } from "@/lib/generated/prisma/enums";
import { filterParams, registerFilterSchema, registerHref } from "@/lib/register/filters";
import { registerRowHref } from "@/lib/register/rules";
import {
  AGREEMENT_STATES, FILTER_STAGES, parseStatusFilter, registerState, STAGE_GROUPS, statusMatches, type StatusRow,
} from "@/lib/register/status";
import { STAGE_LABELS, TERMINAL_STAGES } from "@/lib/workflow/stages";

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const TODAY = d("2026-06-15");
const row = (stage: Stage, mainStatus: AgreementStatus | null, start?: string, end?: string): StatusRow => ({
  stage, mainStatus, mainStartDate: start ? d(start) : null, mainEndDate: end ? d(end) : null,
});

describe("registerState: one status per row (lib/register/status.ts)", () => {
  it("a closed case shows its ending, whatever its naskah says", () => {
    for (const stage of TERMINAL_STAGES) expect(registerState(row(stage, "BERLAKU", "2025-01-01", "2030-01-01"), TODAY, 90)).toBe(stage);
  });
  it("a signed naskah decides: in force, ending within the window (inclusive), not started, ended", () => {
    expect(registerState(row("PELAKSANAAN", "BERLAKU", "2025-01-01", "2027-01-01"), TODAY, 90)).toBe("AKTIF");
    expect(registerState(row("PELAKSANAAN", "BERLAKU", "2025-01-01", "2026-09-13"), TODAY, 90)).toBe("AKAN_BERAKHIR");
    expect(registerState(row("PELAKSANAAN", "BERLAKU", "2025-01-01", "2026-09-14"), TODAY, 90)).toBe("AKTIF");
    expect(registerState(row("PELAKSANAAN", "BERLAKU", "2025-01-01", "2026-06-15"), TODAY, 90)).toBe("AKAN_BERAKHIR");
    expect(registerState(row("PELAKSANAAN", "BERLAKU", "2025-01-01", "2026-06-14"), TODAY, 90)).toBe("BERAKHIR");
    expect(registerState(row("PELAKSANAAN", "BERLAKU", "2026-06-16", "2028-01-01"), TODAY, 90)).toBe("BELUM_BERLAKU");
    expect(registerState(row("PELAKSANAAN", "BERLAKU"), TODAY, 90)).toBe("AKTIF");
    expect(registerState(row("BERAKHIR", "BERAKHIR", "2020-01-01", "2025-01-01"), TODAY, 90)).toBe("BERAKHIR");
    expect(registerState(row("PELAKSANAAN", "DIAKHIRI"), TODAY, 90)).toBe("DIAKHIRI");
  });
  it("a KB waiting for the DPRD, a draft and no naskah leave the stage showing", () => {
    expect(registerState(row("PERSETUJUAN_DPRD", "MENUNGGU_DPRD", "2026-05-01", "2031-01-01"), TODAY, 90)).toBe("PERSETUJUAN_DPRD");
    expect(registerState(row("PENYUSUNAN_KB", "DRAF"), TODAY, 90)).toBe("PENYUSUNAN_KB");
    expect(registerState(row("VERIFIKASI", null), TODAY, 90)).toBe("VERIFIKASI");
    expect(registerState(row("BERAKHIR", null), TODAY, 90)).toBe("BERAKHIR");
  });
  it("the window follows the setting", () => {
    const r = row("PELAKSANAAN", "BERLAKU", "2025-01-01", "2026-07-10");
    expect(registerState(r, TODAY, 30)).toBe("AKAN_BERAKHIR");
    expect(registerState(r, TODAY, 20)).toBe("AKTIF");
  });
});

describe("the Status filter", () => {
  it("knows every agreement state, every group and every non-terminal stage; nothing else", () => {
    for (const s of AGREEMENT_STATES) expect(parseStatusFilter(s)).toEqual({ kind: "state", state: s });
    for (const g of Object.keys(STAGE_GROUPS)) expect(parseStatusFilter(g)?.kind).toBe("stages");
    expect(FILTER_STAGES).not.toContain("SELESAI");
    for (const s of FILTER_STAGES) expect(parseStatusFilter(s)).toEqual({ kind: "stages", stages: [s] });
    for (const bad of ["", "aktif", "SELESAI_X", "__proto__", undefined]) expect(parseStatusFilter(bad as string)).toBeNull();
  });
  it("'Aktif' includes 'akan berakhir'; every other state matches only itself", () => {
    const arb = fc.record({
      stage: fc.constantFrom(...(Object.keys(STAGE_LABELS) as Stage[])),
      mainStatus: fc.constantFrom<AgreementStatus | null>(null, "DRAF", "MENUNGGU_DPRD", "BERLAKU", "BERAKHIR", "DIAKHIRI", "DIGANTI", "DITOLAK_DPRD"),
      start: fc.option(fc.integer({ min: -800, max: 800 }), { nil: null }),
      length: fc.integer({ min: 0, max: 2000 }),
    });
    fc.assert(
      fc.property(arb, (a) => {
        const start = a.start === null ? null : new Date(TODAY.getTime() + a.start * 86_400_000);
        const r: StatusRow = { stage: a.stage, mainStatus: a.mainStatus, mainStartDate: start, mainEndDate: start ? new Date(start.getTime() + a.length * 86_400_000) : null };
        const state = registerState(r, TODAY, 90);
        const matching = AGREEMENT_STATES.filter((s) => statusMatches(s, r, TODAY, 90));
        if (state === "AKAN_BERAKHIR") expect(matching.sort()).toEqual(["AKAN_BERAKHIR", "AKTIF"]);
        else if ((AGREEMENT_STATES as readonly string[]).includes(state)) expect(matching).toEqual([state]);
        else expect(matching).toEqual([]);
      }),
      { numRuns: 3000 },
    );
  });
});

describe("filters in the URL", () => {
  it("round-trips through the URL: what the page writes, the page and the export read back", () => {
    const f = registerFilterSchema.parse({ q: "air minum", jenis: "KSDPK", kelas: "BUMD", status: "AKAN_BERAKHIR", tahun: "2025", urut: "berakhir", halaman: "3", urusan: "Kesehatan" });
    const back = registerFilterSchema.parse(Object.fromEntries(new URLSearchParams(filterParams(f, { page: true }))));
    expect(back).toEqual(f);
    expect(registerHref({ status: "AKAN_BERAKHIR" })).toBe("/kerja-sama?status=AKAN_BERAKHIR");
    expect(registerHref({})).toBe("/kerja-sama");
  });
  it("drops control characters and caps lengths; a repeated parameter takes its first value", () => {
    expect(registerFilterSchema.parse({ q: "air\u0000minum" }).q).toBe("air minum");
    expect(registerFilterSchema.parse({ q: "x".repeat(101) }).q).toBeUndefined();
    expect(registerFilterSchema.parse({ jenis: ["KSDD", "KSDPK"] }).jenis).toBe("KSDD");
    expect(registerFilterSchema.parse({ halaman: "401" }).halaman).toBe(1);
  });
});

describe("who sees the register (policy register.view)", () => {
  const userOf = (role: Role) => ({ role, opdId: role === "OPERATOR_OPD" || role === "KEPALA_OPD" ? "opd-a" : null });
  it("OPD users their OPD; Bagian KS and Pimpinan all; TKKSD signed + under review; Admin nothing", () => {
    const kinds = Object.fromEntries(ROLES.map((r) => [r, registerScope(userOf(r)).kind]));
    expect(kinds).toEqual({
      OPERATOR_OPD: "opd", KEPALA_OPD: "opd", STAF_KS: "all", KABAG_KS: "all", TKKSD: "signedOrStages", PIMPINAN: "all", ADMIN: "none",
    });
    for (const r of ROLES) expect(can(userOf(r), "register.export"), r).toBe(r !== "ADMIN");
  });
  it("a TKKSD member's grant on a record: signed, or under review", () => {
    const tkksd = { role: "TKKSD" as const, opdId: null };
    expect(can(tkksd, "register.view", { stage: "PELAKSANAAN", signed: true })).toBe(true);
    expect(can(tkksd, "register.view", { stage: "KAJIAN_TKKSD", signed: false })).toBe(true);
    expect(can(tkksd, "register.view", { stage: "VERIFIKASI", signed: false })).toBe(false);
  });
  it("a row links to the agreement page once signed, the usulan page before, nowhere when the case may not be opened", () => {
    const base = { id: "c1", opdId: "opd-a" };
    const op = { role: "OPERATOR_OPD" as const, opdId: "opd-a" };
    expect(registerRowHref(op, { ...base, stage: "PELAKSANAAN", mainStatus: "BERLAKU" })).toBe("/kerja-sama/c1");
    expect(registerRowHref(op, { ...base, stage: "DRAF", mainStatus: null })).toBe("/usulan/c1");
    expect(registerRowHref(op, { ...base, stage: "PENYUSUNAN_KB", mainStatus: "DRAF" })).toBe("/usulan/c1");
    const tkksd = { role: "TKKSD" as const, opdId: null };
    expect(registerRowHref(tkksd, { ...base, stage: "PELAKSANAAN", mainStatus: "BERLAKU" })).toBeNull();
    expect(registerRowHref(tkksd, { ...base, stage: "KAJIAN_TKKSD", mainStatus: null })).toBe("/usulan/c1");
  });
});
