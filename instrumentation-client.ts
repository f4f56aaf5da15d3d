// Runs in the browser before the app's own code. Zod compiles faster parsers with `new Function`
// and first probes whether eval is allowed; under SIKERDA's Content-Security-Policy (no
// 'unsafe-eval', proxy.ts) that probe is refused and reported as a violation. jitless skips both.
// Zod keeps its config on globalThis, so this works without importing it here.
const holder = globalThis as { __zod_globalConfig?: Record<string, unknown> };
holder.__zod_globalConfig = { ...holder.__zod_globalConfig, jitless: true };
