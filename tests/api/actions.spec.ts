import { expect, test } from "@playwright/test";
import type { FixtureOp } from "../support/fixtures/protocol";
import { runFixtures } from "../support/fixture-client";
import { actionNamed, signInCallers, type Caller } from "./harness/callers";
import { runRow } from "./harness/cells";
import { closeDb, changedTables, fingerprint } from "./harness/db";
import { servesPage } from "./harness/discovery";
import { argsFor, callAction, forgedSession } from "./harness/http";
import { ACTION_ROWS, type CallerColumn } from "./matrix";
import { ACTION_SCENARIOS } from "./scenarios";

// Every server action × every caller (tests/api/matrix.ts ACTIONS_TABLE), called over HTTP as the
// browser calls it. transitionAction has its own table (transitions.spec.ts).

let callers: Map<CallerColumn, Caller>;
let fx: Record<string, unknown> = {};
let n = 0;

test.beforeAll(async ({}, testInfo) => {
  testInfo.setTimeout(180_000);
  callers = await signInCallers();
  const ops: FixtureOp[] = Object.values(ACTION_SCENARIOS).flatMap((s) => s.fixtures ?? []);
  fx = await runFixtures(ops);
});

test.afterAll(async () => {
  await closeDb();
});

for (const row of ACTION_ROWS.filter((r) => r.cells.anon !== "→")) {
  test(`${row.key} — ${row.scenario}`, async () => {
    const scenario = ACTION_SCENARIOS[`${row.key} | ${row.scenario}`];
    expect(scenario, "no scenario for this row in tests/api/scenarios.ts").toBeTruthy();
    const action = actionNamed(row.key);
    const page = scenario.page(fx);
    expect(servesPage(action, page), `${page} is not one of the pages serving ${row.key}: ${action.pages.join(", ")}`).toBe(true);
    await runRow("actions", row, (column) => async () => {
      const caller = callers.get(column) as Caller;
      n += 1;
      const prepared = await scenario.prepare({ caller, fx, n });
      const outcome = await callAction({ action, page, args: argsFor(row.shape, prepared.fields), session: prepared.session ?? caller.session });
      return { outcome, check: prepared.check };
    });
  });
}

test("a cross-origin call of a server action is refused and changes nothing", async () => {
  const admin = callers.get("ADMIN") as Caller;
  const before = await fingerprint();
  const outcome = await callAction({
    action: actionNamed("createOpdAction"),
    page: "/admin/opd/baru",
    args: argsFor("form", { name: `Dinas Lintas Situs ${Date.now()}`, shortName: "DLS", active: "on" }),
    session: admin.session,
    origin: "https://situs-lain.example",
  });
  expect(outcome.status, outcome.detail).toBeGreaterThanOrEqual(400);
  expect(changedTables(before, await fingerprint())).toEqual([]);
});

test("a session cookie that does not decrypt is refused like no session", async () => {
  const before = await fingerprint();
  const outcome = await callAction({
    action: actionNamed("createOpdAction"),
    page: "/admin/opd/baru",
    args: argsFor("form", { name: `Dinas Cookie Palsu ${Date.now()}`, shortName: "DCP", active: "on" }),
    session: forgedSession(),
  });
  expect(outcome.kind, outcome.detail).toBe("login");
  expect(changedTables(before, await fingerprint())).toEqual([]);
});
