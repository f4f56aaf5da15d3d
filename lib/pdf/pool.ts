import "server-only";
import path from "node:path";
import type { Worker } from "node:worker_threads";
import type { PdfJob } from "@/components/rekap/pdf/render";
import { env } from "@/lib/env";

/*
 * PDF rendering off the request thread. react-pdf lays a document out synchronously (a 500-row
 * rekap: seconds of CPU); in the web server's own thread that would stall every other user's
 * request for as long. So the routes hand the document's plain data to a small pool of worker
 * threads (lib/pdf/worker.mjs) and await the bytes:
 *  - at most PDF_WORKERS renders at once (default 1: on 2 cores one stays free for the pages);
 *  - at most PDF_QUEUE_MAX more wait for a worker; beyond that PdfBusyError at once (the route
 *    answers 503 with an Indonesian message and Retry-After) instead of piling up work;
 *  - a render that takes longer than PDF_TIMEOUT_SECONDS is stopped (its worker is terminated and
 *    replaced) and rejected with PdfTimeoutError.
 * Workers start on first use and stay (the first render of a worker loads react-pdf and compiles the
 * documents: ≈ 1–2 s); they do not keep the process alive while idle.
 *
 * The worker file is NOT part of the Next.js bundle: it is a plain .mjs file started from the
 * project directory (process.cwd(), as for the PDF fonts and scripts/server.mjs's `dir`), which
 * loads the .tsx documents through tsx. `next build` + `npm start` on a clean clone therefore need
 * nothing beyond the source tree and node_modules.
 */

export class PdfBusyError extends Error {
  constructor() {
    super("PDF pool saturated");
    this.name = "PdfBusyError";
  }
}

export class PdfTimeoutError extends Error {
  constructor(seconds: number) {
    super(`PDF render exceeded ${seconds} s`);
    this.name = "PdfTimeoutError";
  }
}

/** What a route says to the user when the pool refuses or stops a render (503). */
export const PDF_BUSY_MESSAGE =
  "Server sedang menyiapkan banyak PDF lain. Silakan coba lagi dalam satu menit, atau unduh rekap dalam format Excel.";
export const PDF_TIMEOUT_MESSAGE =
  "Pembuatan PDF memakan waktu terlalu lama dan dihentikan. Persempit filter (misalnya per tahun atau per OPD), atau unduh rekap dalam format Excel.";

export type PdfPoolOptions = { workers: number; queueMax: number; timeoutMs: number; root?: string };

type Task = { job: PdfJob; resolve: (bytes: Uint8Array) => void; reject: (error: Error) => void };
type Slot = { worker: Worker; ready: Promise<void>; task: Task | null; timer: NodeJS.Timeout | null; id: number };

export class PdfPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Task[] = [];
  private nextId = 1;
  private closed = false;

  constructor(private readonly options: PdfPoolOptions) {}

  /** Renders one PDF in a worker; rejects with PdfBusyError when every worker and queue place is taken. */
  render(job: PdfJob): Promise<Uint8Array> {
    if (this.closed) return Promise.reject(new Error("PDF pool closed"));
    return new Promise<Uint8Array>((resolve, reject) => {
      const task: Task = { job, resolve, reject };
      const free = this.freeSlot();
      if (free) return this.start(free, task);
      if (this.queue.length >= this.options.queueMax) return reject(new PdfBusyError());
      this.queue.push(task);
    });
  }

  /** Renders running or waiting (for a status line or a test). */
  get load(): { running: number; waiting: number } {
    return { running: this.slots.filter((s) => s.task).length, waiting: this.queue.length };
  }

  /** Every worker busy and every queue place taken: a render now would be refused. */
  get saturated(): boolean {
    return this.slots.length >= this.options.workers && this.slots.every((s) => s.task) && this.queue.length >= this.options.queueMax;
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const task of this.queue.splice(0)) task.reject(new Error("PDF pool closed"));
    await Promise.all(this.slots.splice(0).map((s) => s.worker.terminate()));
  }

  private freeSlot(): Slot | null {
    const idle = this.slots.find((s) => !s.task);
    if (idle) return idle;
    if (this.slots.length < this.options.workers) return this.spawn();
    return null;
  }

  private spawn(): Slot {
    const root = this.options.root ?? process.cwd();
    // Turbopack bundles `new Worker(<path>)` of an imported node:worker_threads as a worker entry
    // (with tsx and esbuild's native binary: `next build` fails). Taking the constructor from
    // process.getBuiltinModule() keeps the bundler out: the file runs from disk, as it is.
    const { Worker: WorkerThread } = process.getBuiltinModule("node:worker_threads") as typeof import("node:worker_threads");
    const file = path.join(root, "lib", "pdf", "worker.mjs");
    const worker: Worker = new WorkerThread(file, { workerData: { root }, execArgv: [], stdout: false, stderr: false });
    const slot: Slot = { worker, task: null, timer: null, id: 0, ready: Promise.resolve() };
    slot.ready = new Promise<void>((resolve, reject) => {
      const onReady = (message: { ready?: boolean }) => {
        if (!message?.ready) return;
        worker.off("message", onReady);
        resolve();
      };
      worker.on("message", onReady);
      worker.once("error", reject);
    });
    slot.ready.catch(() => undefined);
    worker.on("message", (message: { id?: number; ok?: boolean; bytes?: ArrayBuffer; error?: string }) => {
      if (message.id === undefined || message.id !== slot.id || !slot.task) return;
      const task = slot.task;
      this.finish(slot);
      if (message.ok && message.bytes) task.resolve(new Uint8Array(message.bytes));
      else task.reject(new Error(`PDF render failed: ${message.error ?? "unknown error"}`));
    });
    worker.on("error", (error) => this.fail(slot, error));
    worker.on("exit", (code) => this.fail(slot, new Error(`PDF worker exited (code ${code})`)));
    worker.unref();
    this.slots.push(slot);
    return slot;
  }

  private start(slot: Slot, task: Task): void {
    slot.task = task;
    slot.id = this.nextId++;
    slot.worker.ref();
    const id = slot.id;
    slot.timer = setTimeout(() => {
      if (slot.id !== id || slot.task !== task) return;
      this.fail(slot, new PdfTimeoutError(Math.round(this.options.timeoutMs / 1000)));
    }, this.options.timeoutMs);
    slot.ready.then(
      () => {
        if (slot.id === id && slot.task === task) slot.worker.postMessage({ id, job: task.job });
      },
      (error: unknown) => this.fail(slot, error instanceof Error ? error : new Error(String(error))),
    );
  }

  /** The slot's task is done: take the next waiting one, or rest. */
  private finish(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.task = null;
    const next = this.queue.shift();
    if (next) this.start(slot, next);
    else slot.worker.unref();
  }

  /** The worker failed, crashed or overran: reject its task, drop it, let a new one take the queue. */
  private fail(slot: Slot, error: Error): void {
    const index = this.slots.indexOf(slot);
    if (index < 0) return;
    this.slots.splice(index, 1);
    if (slot.timer) clearTimeout(slot.timer);
    const task = slot.task;
    slot.task = null;
    void slot.worker.terminate();
    task?.reject(error);
    const next = this.queue.shift();
    if (next) {
      const free = this.freeSlot();
      if (free) this.start(free, next);
      else this.queue.unshift(next);
    }
  }
}

let shared: PdfPool | null = null;

/** The process's pool, configured by the PDF_* variables (lib/env.ts). */
export function pdfPool(): PdfPool {
  if (!shared) {
    const e = env.pdf();
    shared = new PdfPool({ workers: e.PDF_WORKERS, queueMax: e.PDF_QUEUE_MAX, timeoutMs: e.PDF_TIMEOUT_SECONDS * 1000 });
  }
  return shared;
}

/** Closes the process's pool (tests and the bench; the next pdfPool() starts a new one from the env). */
export async function closePdfPool(): Promise<void> {
  const pool = shared;
  shared = null;
  await pool?.close();
}

export const renderPdf = (job: PdfJob): Promise<Uint8Array> => pdfPool().render(job);
