import { expect, test } from "@playwright/test";
import { runFixtures, type TransitionFixture } from "../support/fixture-client";
import { actionNamed, signInCallers, type Caller } from "./harness/callers";
import { runRow } from "./harness/cells";
import { closeDb, one } from "./harness/db";
import { argsFor, callAction } from "./harness/http";
import { ACTION_ROWS, CALLER_COLUMNS, TRANSITION_ROWS, type CallerColumn } from "./matrix";

// transitionAction × every row of lib/workflow/transitions.ts × every caller (TRANSITIONS_TABLE).
// Each row gets cases at its `from` stage holding what the event needs (one per accepted caller),
// made through the real services; every refused caller tries the first case before it is accepted.

const SHAPE = ACTION_ROWS.find((r) => r.key === "transitionAction")?.shape ?? "state";
let callers: Map<CallerColumn, Caller>;
let fx: Record<string, unknown> = {};

test.beforeAll(async ({}, testInfo) => {
  testInfo.setTimeout(300_000);
  callers = await signInCallers();
  fx = await runFixtures(
    TRANSITION_ROWS.map((row) => ({
      op: "transitionCases" as const,
      key: row.key,
      row: row.key,
      count: Math.max(1, CALLER_COLUMNS.filter((c) => row.cells[c] === "✓").length),
    })),
  );
});

test.afterAll(async () => {
  await closeDb();
});

for (const row of TRANSITION_ROWS) {
  test(row.key, async () => {
    const prepared = fx[row.key] as TransitionFixture;
    const action = actionNamed("transitionAction");
    let accepted = 0;
    await runRow("transitions", row, (column, expected) => async () => {
      const caller = callers.get(column) as Caller;
      const c = prepared.cases[expected === "✓" ? accepted++ : 0];
      expect(c, `not enough fixture cases for ${row.key}`).toBeTruthy();
      const { version } = (await one<{ version: number }>(`SELECT version FROM "Case" WHERE id = $1`, [c.id]))!;
      const fields = { caseId: c.id, event: prepared.event, version: String(version), ...prepared.fields };
      const outcome = await callAction({ action, page: `/usulan/${c.id}`, args: argsFor(SHAPE, fields), session: caller.session });
      const check = async () => {
        const after = await one<{ stage: string; version: number }>(`SELECT stage, version FROM "Case" WHERE id = $1`, [c.id]);
        expect(after).toEqual({ stage: prepared.to, version: version + 1 });
      };
      return { outcome, check };
    });
  });
}
