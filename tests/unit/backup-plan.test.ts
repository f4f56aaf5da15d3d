import { describe, expect, it } from "vitest";
import { planMigrations, type LocalMigration } from "@/scripts/backup/migrations";

// Which backups this code can restore (scripts/restore.ts): the schema of the rows must be one
// this code can build from its own migrations, unchanged.
const local: LocalMigration[] = [
  { name: "20260101000000_init", checksum: "a".repeat(64), dir: "/m/1" },
  { name: "20260201000000_index", checksum: "b".repeat(64), dir: "/m/2" },
  { name: "20260301000000_column", checksum: "c".repeat(64), dir: "/m/3" },
];
const recorded = (n: number) => local.slice(0, n).map(({ name, checksum }) => ({ name, checksum }));

describe("planMigrations", () => {
  it("restores a backup of the same schema directly", () => {
    expect(planMigrations(recorded(3), local)).toMatchObject({ ok: true, same: true, newer: [] });
  });

  it("restores an older backup into its own schema, then applies this code's newer migrations", () => {
    const plan = planMigrations(recorded(1), local);
    expect(plan).toMatchObject({ ok: true, same: false });
    if (plan.ok) {
      expect(plan.backup.map((m) => m.name)).toEqual(["20260101000000_init"]);
      expect(plan.newer.map((m) => m.name)).toEqual(["20260201000000_index", "20260301000000_column"]);
    }
  });

  it("refuses a backup from a newer version or with an edited migration, naming each", () => {
    const plan = planMigrations([...recorded(2), { name: "20270101000000_future", checksum: "d".repeat(64) }], local);
    expect(plan).toEqual({ ok: false, problems: [expect.stringMatching(/^migrasi 20270101000000_future tidak dikenal/)] });
    const edited = planMigrations([{ ...recorded(1)[0], checksum: "e".repeat(64) }], local);
    expect(edited).toEqual({ ok: false, problems: [expect.stringMatching(/^migrasi 20260101000000_init berbeda isinya/)] });
  });
});
