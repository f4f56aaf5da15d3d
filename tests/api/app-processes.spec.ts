import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { e2eEnv } from "../support/fixture-client";

// scripts/server.mjs with WEB_CONCURRENCY=2 (the default on a 2-core machine), on the production
// build this project runs, as a second server on its own port against the e2e database: two worker
// processes share the port and both serve pages, only worker 1 runs the job scheduler, a worker
// that dies is replaced while the other keeps answering, SIGTERM stops every process, and a worker
// that cannot start (bad configuration) stops the whole server with an error instead of restarting
// forever. Linux /proc tells the processes apart.

const ROOT = path.resolve(__dirname, "..", "..");
const PORT = Number(process.env.SIKERDA_E2E_PORT || 3100) + 7;
const URL = `http://localhost:${PORT}`;

type Server = { child: ChildProcess; output: () => string; exited: Promise<number | null> };

function startServer(extraEnv: Record<string, string>): Server {
  const e2e = e2eEnv();
  const child = spawn(process.execPath, ["scripts/server.mjs"], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(PORT),
      DATABASE_URL: e2e.databaseUrl,
      AUTH_SECRET: e2e.authSecret,
      AUTH_URL: URL,
      STORAGE_DRIVER: "disk",
      STORAGE_DIR: e2e.storageDir,
      WEB_CONCURRENCY: "2",
      ...extraEnv,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout!.on("data", (d) => (out += d));
  child.stderr!.on("data", (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, output: () => out, exited };
}

/** The worker processes of the primary (Linux: /proc/<pid>/task/<pid>/children). */
function workers(primary: number): number[] {
  const file = `/proc/${primary}/task/${primary}/children`;
  if (!fs.existsSync(file)) return [];
  return fs.readFileSync(file, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
}

/** CPU ticks (user + system) a process has used so far. */
function cpuTicks(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return Number(fields[11]) + Number(fields[12]);
}

async function loginStatus(): Promise<number> {
  try {
    const res = await fetch(`${URL}/login`, { signal: AbortSignal.timeout(10_000) });
    await res.arrayBuffer();
    return res.status;
  } catch {
    return 0;
  }
}

async function until<T>(what: string, probe: () => T | Promise<T>, ok: (v: T) => boolean, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last = await probe();
  while (!ok(last)) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what} (last: ${JSON.stringify(last)})`);
    await new Promise((r) => setTimeout(r, 250));
    last = await probe();
  }
  return last;
}

test.skip(process.platform !== "linux", "reads /proc");

test("WEB_CONCURRENCY=2: two workers serve the port, one scheduler, a dead worker is replaced, SIGTERM stops all", async () => {
  test.setTimeout(150_000);
  const server = startServer({});
  const primary = server.child.pid!;
  try {
    await until("the server to answer", loginStatus, (s) => s === 200, 90_000);
    const [w1, w2] = await until("two workers", () => workers(primary), (w) => w.length === 2, 30_000);
    // Both have started Next.js (each logs its address) before both are counted as serving.
    await until("both workers listening", () => server.output().match(/proses \d\/2\)/g)?.length ?? 0, (n) => n === 2, 60_000);

    // Exactly one worker runs the scheduler; the other was told not to.
    await until("the scheduler lines", () => server.output(), (o) => /penjadwal aktif/.test(o) && /dimatikan/.test(o), 30_000);
    expect(server.output().match(/penjadwal aktif/g)).toHaveLength(1);
    expect(server.output().match(/penjadwal tugas dimatikan \(JOBS_SCHEDULER=false\)/g)).toHaveLength(1);

    // Connections are shared out: both workers spend CPU on a burst of page requests.
    const before = [cpuTicks(w1!), cpuTicks(w2!)];
    const statuses = await Promise.all(Array.from({ length: 40 }, () => loginStatus()));
    expect(statuses.every((s) => s === 200)).toBe(true);
    const after = [cpuTicks(w1!), cpuTicks(w2!)];
    expect(after[0]! - before[0]!).toBeGreaterThan(0);
    expect(after[1]! - before[1]!).toBeGreaterThan(0);

    // A worker killed outright: the other keeps answering, the primary forks a replacement.
    process.kill(w2!, "SIGKILL");
    await until("worker 1 to answer alone", loginStatus, (s) => s === 200, 5_000);
    const replaced = await until("a replacement worker", () => workers(primary), (w) => w.length === 2 && !w.includes(w2!), 30_000);
    expect(replaced).toContain(w1!);
    expect(server.output()).toMatch(/dijalankan ulang/);
    await until("the replacement to serve", loginStatus, (s) => s === 200, 60_000);

    // SIGTERM to the primary: every process ends.
    const children = workers(primary);
    server.child.kill("SIGTERM");
    const code = await Promise.race([server.exited, new Promise<"timeout">((r) => setTimeout(() => r("timeout"), 15_000))]);
    expect(code).not.toBe("timeout");
    for (const pid of children) expect(fs.existsSync(`/proc/${pid}`)).toBe(false);
  } finally {
    if (server.child.exitCode === null) server.child.kill("SIGKILL");
    for (const pid of workers(primary)) process.kill(pid, "SIGKILL");
  }
});

test("a worker that cannot start stops the server with an error instead of restarting forever", async () => {
  test.setTimeout(90_000);
  const server = startServer({ AUTH_SECRET: "" });
  const code = await Promise.race([server.exited, new Promise<"timeout">((r) => setTimeout(() => r("timeout"), 75_000))]);
  if (code === "timeout") server.child.kill("SIGKILL");
  expect(code).not.toBe("timeout");
  expect(code).not.toBe(0);
  expect(server.output()).toMatch(/AUTH_SECRET wajib diatur/);
  expect(server.output()).toMatch(/gagal dijalankan/);
  expect(server.output()).not.toMatch(/dijalankan ulang/);
});

test("WEB_CONCURRENCY must be a whole number of processes", async () => {
  const server = startServer({ WEB_CONCURRENCY: "dua" });
  expect(await server.exited).toBe(1);
  expect(server.output()).toMatch(/WEB_CONCURRENCY harus bilangan bulat 1–32/);
});
