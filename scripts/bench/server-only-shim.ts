// Makes `import "server-only"` harmless outside Next.js. Next.js ships the marker package only
// inside its own bundle (node_modules/next/dist/compiled/server-only), so plain Node/tsx cannot
// resolve it; the app code imports it to keep server modules out of client bundles. This
// benchmark runs those server modules directly, so the import resolves to Next's empty module.
// Covers both loaders: CommonJS (tsx compiles this package's .ts to CJS) and ESM (import()).
import Module, { createRequire, register } from "node:module";
import path from "node:path";

const require = createRequire(path.join(process.cwd(), "package.json"));
const EMPTY = require.resolve("next/dist/compiled/server-only/empty.js");

type ResolveFilename = (request: string, ...rest: unknown[]) => string;
const mod = Module as unknown as { _resolveFilename: ResolveFilename };
const original = mod._resolveFilename;
mod._resolveFilename = function (request: string, ...rest: unknown[]) {
  if (request === "server-only") return EMPTY;
  return original.call(this, request, ...rest);
};

const hooks = `
export async function resolve(specifier, context, next) {
  if (specifier === "server-only") return { url: ${JSON.stringify(`file://${EMPTY}`)}, shortCircuit: true };
  return next(specifier, context);
}`;
register(`data:text/javascript,${encodeURIComponent(hooks)}`);
