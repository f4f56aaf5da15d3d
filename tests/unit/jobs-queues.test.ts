import { describe, expect, it } from "vitest";
import { JOB_QUEUES, JOB_SCHEMA as INSTALLED_SCHEMA } from "@/scripts/lib/job-queue.mjs";
import { JOB_SCHEMA, QUEUES } from "@/lib/jobs/queues";

describe("job queues", () => {
  it("the owner installs exactly the queues the app schedules and works on, in the same schema", () => {
    expect(Object.keys(JOB_QUEUES).sort()).toEqual(Object.values(QUEUES).sort());
    expect(INSTALLED_SCHEMA).toBe(JOB_SCHEMA);
  });
  it("the daily job runs one at a time (singleton queue) and is retried a few times", () => {
    expect(JOB_QUEUES[QUEUES.daily]).toMatchObject({ policy: "singleton", retryLimit: 3 });
  });
});
