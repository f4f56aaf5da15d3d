// Runs the cells of one matrix row: every refused (and public) caller first, each call between two
// fingerprints of the database, then the accepted callers with a check of the intended change.
import fs from "node:fs";
import path from "node:path";
import { expect } from "@playwright/test";
import { CALLER_COLUMNS, type CallerColumn, type Cell, type MatrixRow } from "../matrix";
import { changedTables, fingerprint, type Fingerprint } from "./db";
import type { Outcome } from "./http";

export type CellCall = () => Promise<{ outcome: Outcome; check?: () => Promise<void> }>;

export type CellResult = {
  table: string;
  row: string;
  scenario: string;
  column: CallerColumn;
  expected: Cell;
  /** What happened: ✓ accepted, ✗ refused (nothing changed), ? neither (error, or refused for another reason). */
  observed: "✓" | "✗" | "?" | "pub";
  pass: boolean;
  detail: string;
};

/** Refusals that are about who is asking: sign-in page, 403/404, or the app's authorization messages. */
const AUTHZ_MESSAGE = /tidak berwenang|tidak ditemukan|milik perangkat daerah lain|^Hanya |Peran Anda|Sesi Anda telah berakhir|Akses ditolak/i;

function isAuthorizationRefusal(o: Outcome): boolean {
  if (o.kind === "login" || o.kind === "forbidden" || o.kind === "not-found") return true;
  return o.kind === "refused" && AUTHZ_MESSAGE.test(o.detail);
}

const RESULTS_DIR = path.join(__dirname, "..", "..", "..", "test-results", "authz");

/**
 * Writes one row's results at once (test-results/authz/<table>/…json): a failed test restarts the
 * worker, so nothing may wait for the end of a spec file. print-matrix.ts prints them all.
 */
function saveRow(table: string, row: MatrixRow, results: CellResult[]): void {
  const dir = path.join(RESULTS_DIR, table);
  fs.mkdirSync(dir, { recursive: true });
  const name = `${row.key} ${row.scenario}`.replace(/[^A-Za-z0-9_-]+/g, "-").slice(0, 150);
  fs.writeFileSync(path.join(dir, `${name}.json`), `${JSON.stringify(results, null, 1)}\n`);
}

export async function runRow(
  table: "actions" | "transitions" | "routes",
  row: MatrixRow,
  call: (column: CallerColumn, expected: Cell) => CellCall,
): Promise<void> {
  const order = [
    ...CALLER_COLUMNS.filter((c) => row.cells[c] !== "✓"),
    ...CALLER_COLUMNS.filter((c) => row.cells[c] === "✓"),
  ];
  let before: Fingerprint = await fingerprint();
  const results: CellResult[] = [];
  for (const column of order) {
    const expected = row.cells[column];
    const base = { table, row: row.key, scenario: row.scenario, column, expected };
    let outcome: Outcome;
    let check: (() => Promise<void>) | undefined;
    try {
      ({ outcome, check } = await call(column, expected)());
    } catch (error) {
      outcome = { kind: "error", status: 0, detail: `harness: ${(error as Error).message}` };
    }
    const after = await fingerprint();
    const changed = changedTables(before, after);
    before = after;
    let result: CellResult;
    if (expected === "✓") {
      let problem: string | null = outcome.kind === "error" ? `${outcome.status} ${outcome.detail}` : null;
      if (!problem) {
        try {
          await check?.();
        } catch (error) {
          problem = `the intended change did not happen (${outcome.kind}: ${outcome.detail}): ${(error as Error).message.split("\n")[0]}`;
        }
      }
      result = { ...base, observed: problem ? (outcome.kind === "error" ? "?" : "✗") : "✓", pass: !problem, detail: problem ?? outcome.detail };
    } else if (expected === "pub") {
      const pass = outcome.kind !== "error" && changed.length === 0;
      result = { ...base, observed: pass ? "pub" : "?", pass, detail: changed.length ? `changed: ${changed.join(", ")}` : outcome.detail };
    } else {
      const refusedForAuthz = isAuthorizationRefusal(outcome);
      const pass = refusedForAuthz && changed.length === 0;
      const observed = changed.length > 0 || outcome.kind === "accepted" ? "✓" : refusedForAuthz ? "✗" : "?";
      const detail = changed.length > 0
        ? `${outcome.kind} (${outcome.detail}) and CHANGED ${changed.join(", ")}`
        : refusedForAuthz ? outcome.detail : `not an authorization refusal: ${outcome.kind} ${outcome.status} ${outcome.detail}`;
      result = { ...base, observed, pass, detail };
    }
    results.push(result);
  }
  saveRow(table, row, results);
  const failures = results.filter((r) => !r.pass).map((r) => `${r.column}: expected ${r.expected}, got ${r.observed} — ${r.detail}`);
  expect(failures, `${table} "${row.key}" (${row.scenario})`).toEqual([]);
}
