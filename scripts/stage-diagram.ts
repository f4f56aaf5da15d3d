// Prints the stage diagram of each jenis group as Mermaid `stateDiagram-v2`, generated from the
// transition table (lib/workflow/transitions.ts), so the README cannot drift from the code.
//   npx tsx scripts/stage-diagram.ts           print the Markdown
//   npx tsx scripts/stage-diagram.ts --write   replace the block between the markers in README.md
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Stage as STAGE } from "../lib/generated/prisma/enums";
import { KIND_LABELS, STAGE_LABELS, TERMINAL_STAGES, stagePath } from "../lib/workflow/stages";
import { TRANSITIONS, type Transition } from "../lib/workflow/transitions";
import type { CaseKind, Stage } from "../lib/workflow/types";

export const START_MARKER = "<!-- stage-diagram:start -->";
export const END_MARKER = "<!-- stage-diagram:end -->";
export const README_PATH = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "README.md");

const GROUPS: { title: string; kinds: CaseKind[] }[] = [
  { title: "KSDD dan KSDPK", kinds: ["KSDD", "KSDPK"] },
  { title: "SINERGI", kinds: ["SINERGI"] },
  { title: "KSDPL dan KSDLL", kinds: ["KSDPL", "KSDLL"] },
];

const STAGE_ORDER = Object.values(STAGE) as Stage[];

/** Edge label: the event code, qualified when the row applies to only part of the group. */
function label(t: Transition, kinds: CaseKind[], branch?: string): string {
  const notes: string[] = [];
  const only = kinds.filter((k) => t.kinds.includes(k));
  if (only.length < kinds.length) notes.push(only.join("/"));
  if (t.initiator === "MITRA") notes.push("prakarsa mitra");
  if (branch) notes.push(branch);
  return notes.length > 0 ? `${t.event} (${notes.join(", ")})` : t.event;
}

const ADENDUM = (s: string) => s.startsWith("ADENDUM_") || s.includes("ADENDUM_SIGNING");
/** Adendum rows (domain §5) are the same for every jenis: drawn once, in their own diagram. */
const isAdendumRow = (t: Transition) => ADENDUM(t.from) || ADENDUM(t.to);

function diagram(kinds: CaseKind[], adendum = false): string {
  // One edge per from → to; several events on the same edge are joined with " / ".
  const edges = new Map<string, string[]>();
  const states = new Set<Stage>();
  const add = (from: Stage, to: Stage, text: string) => {
    const key = `${from} --> ${to}`;
    const labels = edges.get(key) ?? [];
    if (!labels.includes(text)) labels.push(text);
    edges.set(key, labels);
    states.add(from);
    states.add(to);
  };
  for (const t of TRANSITIONS) {
    if (!t.kinds.some((k) => kinds.includes(k)) || isAdendumRow(t) !== adendum) continue;
    if (t.to === "DPRD_IF_REQUIRED_ELSE_PKS") {
      add(t.from, "PERSETUJUAN_DPRD", label(t, kinds, "perlu DPRD"));
      add(t.from, "PENYUSUNAN_PKS", label(t, kinds, "tanpa DPRD"));
    } else if (t.to === "DPRD_IF_REQUIRED_ELSE_ADENDUM_SIGNING") {
      add(t.from, "ADENDUM_DPRD", label(t, kinds, "perlu DPRD"));
      add(t.from, "ADENDUM_PENANDATANGANAN", label(t, kinds, "tanpa DPRD"));
    } else {
      add(t.from, t.to, label(t, kinds));
    }
  }
  const entries = new Map<Stage, string>();
  for (const kind of adendum ? [] : kinds) {
    entries.set(stagePath(kind, { requiresDprd: false })[0], "");
    const turunan = stagePath(kind, { requiresDprd: false, isPksTurunan: true })[0];
    if (kind === "KSDD" || kind === "KSDPK") entries.set(turunan, " : PKS turunan");
  }
  const ordered = STAGE_ORDER.filter((s) => states.has(s));
  return [
    "```mermaid",
    "stateDiagram-v2",
    ...ordered.map((s) => `    ${s} : ${STAGE_LABELS[s]}`),
    ...[...entries].map(([s, text]) => `    [*] --> ${s}${text}`),
    ...[...edges].map(([key, labels]) => `    ${key} : ${labels.join(" / ")}`),
    ...(adendum ? ["    [*] --> PELAKSANAAN"] : []),
    ...ordered.filter((s) => TERMINAL_STAGES.includes(s)).map((s) => `    ${s} --> [*]`),
    "```",
  ].join("\n");
}

/** The Markdown placed between the markers in README.md. */
export function stageDiagramMarkdown(): string {
  const parts = [
    "Generated from `lib/workflow/transitions.ts` — do not edit by hand; after changing the table run " +
      "`npx tsx scripts/stage-diagram.ts --write` (a unit test fails while this block is stale). " +
      "Edge labels are event codes; a row limited to one jenis or to partner-initiated cases says so in brackets.",
  ];
  for (const g of GROUPS) {
    parts.push(`### ${g.title}`, `${g.kinds.map((k) => `**${k}**: ${KIND_LABELS[k]}`).join("; ")}.`, diagram(g.kinds));
  }
  parts.push(
    "### Adendum (semua jenis)",
    "From PELAKSANAAN the running naskah is amended (domain §5); the DPRD is asked again only when the change adds a burden or an unbudgeted cost.",
    diagram(["KSDD", "KSDPK", "SINERGI", "KSDPL", "KSDLL"], true),
  );
  return parts.join("\n\n");
}

/** README text with the block between the markers replaced (markers must exist once each). */
export function replaceBlock(readme: string, block: string): string {
  const start = readme.indexOf(START_MARKER);
  const end = readme.indexOf(END_MARKER);
  if (start === -1 || end === -1 || end < start) {
    throw new Error(`README.md must contain ${START_MARKER} … ${END_MARKER}`);
  }
  return `${readme.slice(0, start + START_MARKER.length)}\n${block}\n${readme.slice(end)}`;
}

/** The block currently in README.md (without the surrounding newlines). */
export function currentBlock(readme: string): string | null {
  const start = readme.indexOf(START_MARKER);
  const end = readme.indexOf(END_MARKER);
  if (start === -1 || end === -1 || end < start) return null;
  return readme.slice(start + START_MARKER.length, end).replace(/^\n/, "").replace(/\n$/, "");
}

function main(argv: string[]) {
  const block = stageDiagramMarkdown();
  if (argv.includes("--write")) {
    const readme = readFileSync(README_PATH, "utf8");
    const next = replaceBlock(readme, block);
    if (next !== readme) writeFileSync(README_PATH, next);
    console.log(next === readme ? "README.md is up to date." : "README.md updated.");
  } else {
    console.log(block);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main(process.argv.slice(2));
