// Playwright globalTeardown: prints the authorization matrix as it was observed in this run
// (test-results/authz/*.json, written by the api project's spec files), so a reviewer sees every
// action × caller at the end of the output. "!" marks a cell that differs from matrix.ts.
import fs from "node:fs";
import path from "node:path";
import { ACTION_ROWS, ROUTE_ROWS, TRANSITION_ROWS } from "../matrix";
import type { CellResult } from "./cells";

const COLUMNS = ["anon", "OP", "OP'", "KO", "KO'", "STAF", "KABAG", "TKKSD", "PIMP", "ADMIN"];
const TITLES: Record<string, string> = {
  actions: "Server actions",
  transitions: "transitionAction × workflow table (lib/workflow/transitions.ts)",
  routes: "Route handlers",
};

function pad(text: string, width: number): string {
  return text + " ".repeat(Math.max(0, width - [...text].length));
}

export default function printMatrix(): void {
  const dir = path.join(__dirname, "..", "..", "..", "test-results", "authz");
  if (!fs.existsSync(dir)) return;
  const runStarted = Date.now() - process.uptime() * 1000;
  const results: CellResult[] = [];
  for (const table of ["actions", "transitions", "routes"]) {
    const tableDir = path.join(dir, table);
    if (!fs.existsSync(tableDir)) continue;
    for (const name of fs.readdirSync(tableDir)) {
      const file = path.join(tableDir, name);
      if (fs.statSync(file).mtimeMs >= runStarted) results.push(...(JSON.parse(fs.readFileSync(file, "utf8")) as CellResult[]));
    }
  }
  // Rows in the order of the tables in matrix.ts.
  const order = [...ACTION_ROWS, ...TRANSITION_ROWS, ...ROUTE_ROWS].map((r) => `${r.key}|${r.scenario}`);
  results.sort((a, b) => order.indexOf(`${a.row}|${a.scenario}`) - order.indexOf(`${b.row}|${b.scenario}`));
  if (results.length === 0) return;
  const lines: string[] = ["", "Matriks otorisasi / authorization matrix (✓ diterima/accepted, ✗ ditolak/refused, ! = differs from tests/api/matrix.ts)"];
  for (const table of ["actions", "transitions", "routes"]) {
    const rows = new Map<string, CellResult[]>();
    for (const r of results.filter((x) => x.table === table)) {
      const label = table === "transitions" ? r.row : `${r.row} — ${r.scenario}`;
      rows.set(label, [...(rows.get(label) ?? []), r]);
    }
    if (rows.size === 0) continue;
    const width = Math.max(...[...rows.keys()].map((k) => [...k].length), 20);
    lines.push("", TITLES[table], `${pad("", width)}  ${COLUMNS.map((c) => pad(c, 6)).join("")}`);
    for (const [label, cells] of rows) {
      const shown = COLUMNS.map((c) => {
        const cell = cells.find((x) => x.column === c);
        return pad(cell ? `${cell.observed}${cell.pass ? "" : "!"}` : "", 6);
      });
      lines.push(`${pad(label, width)}  ${shown.join("")}`);
    }
  }
  const failed = results.filter((r) => !r.pass);
  lines.push("", `${results.length} cells called over HTTP: ${results.length - failed.length} as expected, ${failed.length} not.`);
  for (const f of failed) lines.push(`  ! ${f.table} "${f.row}" (${f.scenario}) ${f.column}: expected ${f.expected}, got ${f.observed} — ${f.detail}`);
  console.log(lines.join("\n"));
}
