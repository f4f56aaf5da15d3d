// Test fixtures through the real services, for the e2e and API tests (which talk to `next start`
// over HTTP and cannot import server code themselves):
//
//   DATABASE_URL=… STORAGE_DIR=… tsx tests/support/fixtures-cli.ts < request.json
//
// The request is a JSON array of FixtureOp (tests/support/fixtures/protocol.ts); the answer is one
// stdout line `FIXTURES-JSON {"<key>": result, …}`. Progress and errors go to stderr; exit 1 on failure.
// Tests call it through tests/support/fixture-client.ts, which knows the e2e server's database.
import "../../scripts/bench/server-only-shim";
import type { FixtureOp } from "./fixtures/protocol";

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

async function main(): Promise<void> {
  const ops = JSON.parse(await readStdin()) as FixtureOp[];
  if (!Array.isArray(ops)) throw new Error("expected a JSON array of fixture requests on stdin");
  // Imported only now: the shim above must be in place before any server-only module loads.
  const { runFixtures } = await import("./fixtures/world");
  const { disconnectDb } = await import("@/lib/db");
  const { handoffsSettled } = await import("@/lib/notifications/handoff");
  const { FIXTURE_MARKER } = await import("./fixtures/protocol");
  try {
    const t0 = Date.now();
    const results = await runFixtures(ops);
    // The hand-offs of the fixtures' transitions are in the bell before the test opens a page.
    await handoffsSettled();
    process.stderr.write(`fixtures: ${ops.length} request(s) in ${Date.now() - t0} ms\n`);
    process.stdout.write(`${FIXTURE_MARKER}${JSON.stringify(results)}\n`);
  } finally {
    await disconnectDb();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`fixtures failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
