import { parseEnv } from "./env";

// Imported by instrumentation.ts on the Node.js runtime only: stop at start-up with a clear
// message when the environment is wrong, instead of failing on the first request.
try {
  parseEnv(process.env);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
