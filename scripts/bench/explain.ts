// Captures the SQL Prisma really sends (pg.Client.prototype.query is wrapped while capturing) and
// runs EXPLAIN (ANALYZE, BUFFERS) on each statement with its real parameters. Writes run inside
// BEGIN … ROLLBACK, so the data set is not changed.
import pg from "pg";

export type Captured = { text: string; values: unknown[] };

let sink: Captured[] | null = null;
let installed = false;

function install() {
  if (installed) return;
  installed = true;
  const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = proto.query;
  proto.query = function (this: unknown, ...args: unknown[]) {
    if (sink) {
      const [first, second] = args;
      if (typeof first === "string") sink.push({ text: first, values: Array.isArray(second) ? second : [] });
      else if (first && typeof first === "object" && "text" in first) {
        const q = first as { text: string; values?: unknown[] };
        sink.push({ text: q.text, values: q.values ?? [] });
      }
    }
    return original.apply(this, args);
  };
}

/** Runs `fn` and returns the statements it sent (transaction control excluded). */
export async function capture<T>(fn: () => Promise<T>): Promise<{ result: T; statements: Captured[] }> {
  install();
  const statements: Captured[] = [];
  sink = statements;
  try {
    const result = await fn();
    return { result, statements: statements.filter((s) => !/^\s*(BEGIN|COMMIT|ROLLBACK|SET |SAVEPOINT|RELEASE)/i.test(s.text)) };
  } finally {
    sink = null;
  }
}

type PlanNode = {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  Filter?: string;
  "Index Cond"?: string;
  "Sort Key"?: string[];
  "Actual Rows"?: number;
  "Actual Loops"?: number;
  "Rows Removed by Filter"?: number;
  "Shared Hit Blocks"?: number;
  "Shared Read Blocks"?: number;
  Plans?: PlanNode[];
};

export type PlanSummary = {
  label: string;
  line: string;
  seqScans: { table: string; filter?: string; rows: number; sortKey?: string[] }[];
  /** Top-N sorts over many rows (a LIMIT that must read every match first). */
  bigSorts: { table: string; cond: string; rows: number; sortKey: string[] }[];
};

function walk(node: PlanNode, visit: (n: PlanNode) => void) {
  visit(node);
  for (const child of node.Plans ?? []) walk(child, visit);
}

export function labelOf(sql: string): string {
  const s = sql.replace(/\s+/g, " ").trim();
  const table = (re: RegExp) => s.match(re)?.[1]?.replace(/"public"\./, "").replaceAll('"', "") ?? "?";
  if (/^SELECT/i.test(s)) return `SELECT ${table(/FROM ((?:"public"\.)?"\w+")/i)}`;
  if (/^UPDATE/i.test(s)) return `UPDATE ${table(/^UPDATE ((?:"public"\.)?"\w+")/i)}`;
  if (/^INSERT/i.test(s)) return `INSERT ${table(/^INSERT INTO ((?:"public"\.)?"\w+")/i)}`;
  if (/^DELETE/i.test(s)) return `DELETE ${table(/^DELETE FROM ((?:"public"\.)?"\w+")/i)}`;
  return s.slice(0, 40);
}

/** EXPLAIN (ANALYZE, BUFFERS) one statement; `prepare` runs first inside the same rolled-back transaction. */
export async function explain(
  client: pg.Client,
  statement: Captured,
  label: string,
  bigTables: Set<string>,
): Promise<PlanSummary> {
  const { rows } = await client.query({
    text: `EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${statement.text}`,
    values: statement.values,
  });
  const root = rows[0]["QUERY PLAN"][0] as {
    Plan: PlanNode;
    "Execution Time": number;
    "Planning Time": number;
    Triggers?: { "Trigger Name": string; Time: number }[];
  };
  const access: string[] = [];
  const seqScans: PlanSummary["seqScans"] = [];
  let hit = 0;
  let read = 0;
  let sortKey: string[] | undefined;
  walk(root.Plan, (n) => {
    if (n["Sort Key"] && !sortKey) sortKey = n["Sort Key"];
    const rel = n["Relation Name"];
    if (n["Index Name"]) access.push(`${n["Node Type"]} ${n["Index Name"]}`);
    else if (n["Node Type"] === "Seq Scan" && rel) {
      access.push(`Seq Scan ${rel}${bigTables.has(rel) ? " ⚠" : ""}`);
      if (bigTables.has(rel)) {
        seqScans.push({
          table: rel, filter: n.Filter, sortKey,
          rows: ((n["Actual Rows"] ?? 0) + (n["Rows Removed by Filter"] ?? 0)) * (n["Actual Loops"] ?? 1),
        });
      }
    } else if (["Sort", "Limit", "Hash Join", "Nested Loop", "Merge Join", "Aggregate", "Unique", "Incremental Sort"].includes(n["Node Type"])) {
      access.push(n["Node Type"]);
    }
  });
  hit = root.Plan["Shared Hit Blocks"] ?? 0;
  read = root.Plan["Shared Read Blocks"] ?? 0;
  const bigSorts: PlanSummary["bigSorts"] = [];
  walk(root.Plan, (n) => {
    if (n["Node Type"] !== "Sort" || !n["Sort Key"]) return;
    let rows = 0;
    let table = "";
    const conds: string[] = [];
    for (const child of n.Plans ?? []) {
      rows = Math.max(rows, (child["Actual Rows"] ?? 0) * (child["Actual Loops"] ?? 1));
      walk(child, (d) => {
        table ||= d["Relation Name"] ?? "";
        if (d["Index Cond"]) conds.push(d["Index Cond"]);
      });
    }
    if (rows > 1000 && table && bigTables.has(table)) bigSorts.push({ table, cond: conds.join(" AND "), rows, sortKey: n["Sort Key"] });
  });
  const triggers = (root.Triggers ?? []).reduce((s, t) => s + t.Time, 0);
  const line =
    `${label}: ${access.join(" → ") || root.Plan["Node Type"]}; rows ${root.Plan["Actual Rows"] ?? 0}; ` +
    `exec ${root["Execution Time"].toFixed(3)} ms (+plan ${root["Planning Time"].toFixed(3)} ms` +
    `${triggers ? `, triggers ${triggers.toFixed(3)} ms` : ""}); buffers hit ${hit} read ${read}`;
  return { label, line, seqScans, bigSorts };
}

/**
 * A suggested Prisma index for a seq scan: the equality columns of its filter (deletedAt IS NULL
 * left out: nearly every row matches), then the ORDER BY columns of the sort above it.
 */
export function suggestIndex(table: string, filter: string | undefined, sortKey?: string[]): string {
  const eq = [...new Set([...(filter ?? "").matchAll(/"?(\w+)"?\s*=/g)].map((m) => m[1]))].filter((c) => c !== "deletedAt");
  const order = (sortKey ?? []).map((k) => {
    const m = k.match(/^(?:\w+\.)?"?(\w+)"?(\s+DESC)?/);
    return m ? `${m[1]}${m[2] ? "(sort: Desc)" : ""}` : k;
  });
  const cols = [...eq, ...order.filter((o) => !eq.includes(o))];
  if (cols.length === 0) {
    return `model ${table}: no index helps (every row matches ${filter ?? "no filter"}) — e.g. a count(*) of the whole table: cap it, estimate it or read a rollup`;
  }
  return `model ${table} { @@index([${cols.join(", ")}]) }`;
}
