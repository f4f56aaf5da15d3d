// One PDF worker thread (lib/pdf/pool.ts starts and feeds them). Plain ESM on purpose: Next.js never
// bundles this file; the pool starts it from the project directory, and it loads the react-pdf
// documents (components/rekap/pdf/*.tsx) from source through tsx, a runtime dependency, with the
// project's tsconfig (the "@/…" paths). components/rekap/pdf/package.json says "type": "module": the
// documents must load as ESM, because react-pdf is ESM-only and its own imports resolve only with the
// "import" condition (loaded as CommonJS, tsx's require fails on @react-pdf/hyphenate). The same
// file serves `next start`, `next dev`, the tests and the bench. Messages: in { id, job } (job: components/rekap/pdf/render.tsx PdfJob), out
// { id, ok: true, bytes } (the ArrayBuffer is transferred, not copied) or { id, ok: false, error }.
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parentPort, workerData } from "node:worker_threads";
import { tsImport } from "tsx/esm/api";

const root = workerData?.root ?? process.cwd();
const entry = pathToFileURL(path.join(root, "components", "rekap", "pdf", "render.tsx")).href;
const { renderPdfDocument } = await tsImport(entry, { parentURL: import.meta.url, tsconfig: path.join(root, "tsconfig.json") });

parentPort.on("message", async ({ id, job }) => {
  try {
    const buffer = await renderPdfDocument(job);
    const bytes = buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength);
    parentPort.postMessage({ id, ok: true, bytes }, [bytes]);
  } catch (error) {
    parentPort.postMessage({ id, ok: false, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });
  }
});
parentPort.postMessage({ ready: true });
