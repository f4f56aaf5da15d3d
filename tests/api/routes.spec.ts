import { expect, test } from "@playwright/test";
import type { FixtureOp } from "../support/fixtures/protocol";
import { runFixtures } from "../support/fixture-client";
import { signInCallers, type Caller } from "./harness/callers";
import { runRow } from "./harness/cells";
import { closeDb } from "./harness/db";
import { BASE_URL, callRoute } from "./harness/http";
import { ROUTE_ROWS, type CallerColumn } from "./matrix";
import { ROUTE_SCENARIOS } from "./scenarios";

// Every route handler method × every caller (tests/api/matrix.ts ROUTES_TABLE).

let callers: Map<CallerColumn, Caller>;
let fx: Record<string, unknown> = {};
let n = 0;

test.beforeAll(async ({}, testInfo) => {
  testInfo.setTimeout(180_000);
  callers = await signInCallers();
  const ops: FixtureOp[] = Object.values(ROUTE_SCENARIOS).flatMap((s) => s.fixtures ?? []);
  fx = await runFixtures(ops);
});

test.afterAll(async () => {
  await closeDb();
});

for (const row of ROUTE_ROWS) {
  test(`${row.key} — ${row.scenario}`, async () => {
    const scenario = ROUTE_SCENARIOS[`${row.key} | ${row.scenario}`];
    expect(scenario, "no scenario for this row in tests/api/scenarios.ts").toBeTruthy();
    const method = row.key.split(" ")[0];
    await runRow("routes", row, (column) => async () => {
      const caller = callers.get(column) as Caller;
      n += 1;
      const req = await scenario.request({ caller, fx, n });
      const session = req.session ?? caller.session;
      const response = await callRoute(method, req.url, session, {
        headers: { Origin: BASE_URL, ...req.headers },
        body: req.body,
      });
      return { outcome: response, check: req.check ? () => req.check!(response) : undefined };
    });
  });
}
