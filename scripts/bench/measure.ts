import { readdirSync, readFileSync } from "node:fs";

// Timing helpers and the report table. Latencies with performance.now(); percentiles by nearest
// rank over the measured iterations (warm-up excluded).

export type Row = {
  measurement: string;
  times: number[];
  errors: number;
  /** Target in ms for p95 (undefined: informational). */
  target?: number;
  targetLabel?: string;
  /** Extra facts printed under the table (throughput, error samples). */
  note?: string;
};

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export function summarize(times: number[]) {
  const s = [...times].sort((a, b) => a - b);
  return { n: s.length, p50: percentile(s, 50), p95: percentile(s, 95), p99: percentile(s, 99), max: s[s.length - 1] ?? NaN };
}

/** Runs `fn(i)` sequentially: `warmup` untimed calls, then `n` timed ones. */
export async function sequential(
  warmup: number,
  n: number,
  fn: (i: number) => Promise<void>,
): Promise<{ times: number[]; errors: number; firstError?: unknown }> {
  let errors = 0;
  let firstError: unknown;
  for (let i = 0; i < warmup; i++) {
    try {
      await fn(i);
    } catch (error) {
      errors++;
      firstError ??= error;
    }
  }
  const times: number[] = [];
  for (let i = warmup; i < warmup + n; i++) {
    const t0 = performance.now();
    try {
      await fn(i);
      times.push(performance.now() - t0);
    } catch (error) {
      errors++;
      firstError ??= error;
    }
  }
  return { times, errors, firstError };
}

/**
 * `batches` rounds of `workers` calls started together (Promise.all), each call timed on its own.
 * The first `warmupBatches` rounds are not recorded. Also returns operations per second.
 */
export async function concurrent(
  workers: number,
  warmupBatches: number,
  batches: number,
  fn: (i: number, worker: number) => Promise<void>,
): Promise<{ times: number[]; errors: number; firstError?: unknown; opsPerSec: number }> {
  let errors = 0;
  let firstError: unknown;
  const times: number[] = [];
  let wall = 0;
  let index = 0;
  for (let b = 0; b < warmupBatches + batches; b++) {
    const record = b >= warmupBatches;
    const b0 = performance.now();
    await Promise.all(
      Array.from({ length: workers }, async (_, w) => {
        const i = index++;
        const t0 = performance.now();
        try {
          await fn(i, w);
          if (record) times.push(performance.now() - t0);
        } catch (error) {
          errors++;
          firstError ??= error;
        }
      }),
    );
    if (record) wall += performance.now() - b0;
  }
  return { times, errors, firstError, opsPerSec: times.length / (wall / 1000) };
}

/** CPU use over a phase: this Node process (% of one core) and the whole machine (% of all cores). */
export function cpuMeter() {
  const machine = () => {
    try {
      const f = readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/).slice(1).map(Number);
      const idle = f[3] + (f[4] ?? 0);
      return { idle, total: f.reduce((a, b) => a + b, 0) };
    } catch {
      return null;
    }
  };
  const m0 = machine();
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  return () => {
    const wallMs = performance.now() - t0;
    const c = process.cpuUsage(c0);
    const m1 = machine();
    const node = ((c.user + c.system) / 1000 / wallMs) * 100;
    const busy = m0 && m1 ? (1 - (m1.idle - m0.idle) / Math.max(1, m1.total - m0.total)) * 100 : NaN;
    return `CPU: node ${node.toFixed(0)}% of one core, machine ${Number.isFinite(busy) ? busy.toFixed(0) : "?"}% busy`;
  };
}

const fmt = (v: number) => (Number.isFinite(v) ? v.toFixed(2) : "–");

export function verdictOf(row: Row): "✓" | "✗" | "·" {
  if (row.target === undefined) return "·";
  const { p95 } = summarize(row.times);
  return row.times.length > 0 && row.errors === 0 && p95 <= row.target ? "✓" : "✗";
}

/** One aligned text table (console.table mangles the ✓/✗ column width in some terminals). */
export function printTable(rows: Row[], out: (line: string) => void = console.log): void {
  const header = ["measurement", "n", "p50 ms", "p95 ms", "p99 ms", "max ms", "target (p95)", "verdict"];
  const body = rows.map((r) => {
    const s = summarize(r.times);
    return [
      r.measurement,
      r.errors ? `${s.n} (+${r.errors} err)` : String(s.n),
      fmt(s.p50),
      fmt(s.p95),
      fmt(s.p99),
      fmt(s.max),
      r.targetLabel ?? (r.target !== undefined ? `≤ ${r.target} ms` : "–"),
      verdictOf(r),
    ];
  });
  const widths = header.map((h, c) => Math.max(h.length, ...body.map((b) => b[c].length)));
  const numeric = new Set([1, 2, 3, 4, 5]);
  const line = (cells: string[]) =>
    cells.map((cell, c) => (numeric.has(c) ? cell.padStart(widths[c]) : cell.padEnd(widths[c]))).join("  ");
  out(line(header));
  out(widths.map((w) => "─".repeat(w)).join("  "));
  for (const b of body) out(line(b));
}

/** CPU ms of a process and (children: true) of its live children plus the ones it reaped, from /proc. */
function procCpuMs(pid: number, children: boolean): number {
  const ticks = (statLine: string) => statLine.slice(statLine.lastIndexOf(")") + 2).split(" ");
  try {
    const own = ticks(readFileSync(`/proc/${pid}/stat`, "utf8"));
    // fields after "(comm) ": state=0 ppid=1 … utime=11 stime=12 cutime=13 cstime=14
    let total = Number(own[11]) + Number(own[12]) + (children ? Number(own[13]) + Number(own[14]) : 0);
    if (children) {
      for (const entry of readdirSync("/proc")) {
        if (!/^\d+$/.test(entry)) continue;
        try {
          const f = ticks(readFileSync(`/proc/${entry}/stat`, "utf8"));
          if (Number(f[1]) === pid) total += Number(f[11]) + Number(f[12]);
        } catch {
          // the process ended meanwhile
        }
      }
    }
    return (total * 1000) / 100; // USER_HZ = 100 on Linux
  } catch {
    return NaN;
  }
}

/**
 * CPU time this process and the PostgreSQL server (postmaster + backends, found through a backend's
 * parent) spent between start and stop, per operation: unlike latency it changes little when other
 * work shares the machine, so it is the figure to compare before/after.
 */
export async function cpuPerOp(client: { query: (sql: string) => Promise<{ rows: { pid: number }[] }> }) {
  const backend = (await client.query(`SELECT pg_backend_pid() AS pid`)).rows[0].pid;
  let postmaster = NaN;
  try {
    const stat = readFileSync(`/proc/${backend}/stat`, "utf8");
    postmaster = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
  } catch {
    // not a local server: PostgreSQL's CPU is not measured
  }
  const pg0 = procCpuMs(postmaster, true);
  const c0 = process.cpuUsage();
  return (ops: number) => {
    const c = process.cpuUsage(c0);
    const node = (c.user + c.system) / 1000 / ops;
    const pgMs = (procCpuMs(postmaster, true) - pg0) / ops;
    return `CPU per transition: node ${node.toFixed(2)} ms, PostgreSQL ${Number.isFinite(pgMs) ? pgMs.toFixed(2) : "?"} ms`;
  };
}
