import { expect, test } from "@playwright/test";
import { TRANSITIONS } from "@/lib/workflow/transitions";
import { transitionKey } from "../support/fixtures/plan";
import { routeHandlers } from "./harness/discovery";
import { serverActions } from "./harness/http";
import { ACTION_ROWS, ROUTE_ROWS, TRANSITION_ROWS } from "./matrix";
import { ACTION_SCENARIOS, ROUTE_SCENARIOS } from "./scenarios";

// The matrix covers everything the app exposes, and nothing that is gone: adding a server action,
// a route handler method or a workflow row without its row in tests/api/matrix.ts fails here.

const rowKey = (r: { key: string; scenario: string }) => `${r.key} | ${r.scenario}`;

test("every server action of the build has a row, and every row names an existing action", () => {
  const actions = serverActions();
  expect(actions.length, "no server action in .next/server/server-reference-manifest.json — is the build there?").toBeGreaterThan(0);
  const matches = (key: string, a: { file: string; name: string }) => key === a.name || key === `${a.file}#${a.name}`;
  const missing = actions.filter((a) => !ACTION_ROWS.some((r) => matches(r.key, a))).map((a) => `${a.file}#${a.name}`);
  expect(missing, "server actions without a row in tests/api/matrix.ts ACTIONS_TABLE").toEqual([]);
  const stale = [...new Set(ACTION_ROWS.map((r) => r.key))].filter((k) => actions.filter((a) => matches(k, a)).length !== 1);
  expect(stale, "rows naming no action (or an ambiguous name: use file#export)").toEqual([]);
});

test("every action row has a scenario that calls it, and every scenario has a row", () => {
  const rows = ACTION_ROWS.filter((r) => r.cells.anon !== "→").map(rowKey);
  expect(rows.filter((k) => !ACTION_SCENARIOS[k]), "rows without a scenario in tests/api/scenarios.ts").toEqual([]);
  expect(Object.keys(ACTION_SCENARIOS).filter((k) => !rows.includes(k)), "scenarios without a row").toEqual([]);
  const shapes = ACTION_ROWS.map((r) => r.shape).filter((s) => !/^(form|state|none|bind:[A-Za-z]+)$/.test(s));
  expect(shapes, "unknown call shape").toEqual([]);
});

test("every route handler method has a row, and every row names an existing handler", () => {
  const handlers = routeHandlers();
  expect(handlers.length).toBeGreaterThan(0);
  const keys = handlers.map((h) => h.key);
  expect(keys.filter((k) => !ROUTE_ROWS.some((r) => r.key === k)), "route handlers without a row in ROUTES_TABLE").toEqual([]);
  expect([...new Set(ROUTE_ROWS.map((r) => r.key))].filter((k) => !keys.includes(k)), "rows naming no route handler").toEqual([]);
  const rows = ROUTE_ROWS.map(rowKey);
  expect(rows.filter((k) => !ROUTE_SCENARIOS[k]), "route rows without a scenario").toEqual([]);
  expect(Object.keys(ROUTE_SCENARIOS).filter((k) => !rows.includes(k)), "route scenarios without a row").toEqual([]);
});

test("every row of the workflow's transition table has a row, and no row is stale", () => {
  const keys = TRANSITIONS.map(transitionKey);
  expect(new Set(keys).size, "two transition rows share a key").toBe(keys.length);
  const rows = TRANSITION_ROWS.map((r) => r.key);
  expect(keys.filter((k) => !rows.includes(k)), "transitions without a row in TRANSITIONS_TABLE").toEqual([]);
  expect(rows.filter((k) => !keys.includes(k)), "rows naming no transition").toEqual([]);
  expect(new Set(rows).size, "duplicate rows in TRANSITIONS_TABLE").toBe(rows.length);
});
