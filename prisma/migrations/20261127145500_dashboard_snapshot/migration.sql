-- CreateTable
CREATE TABLE "DashboardSnapshot" (
    "key" TEXT NOT NULL,
    "version" BIGINT NOT NULL,
    "data" JSONB NOT NULL,
    "computedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DashboardSnapshot_pkey" PRIMARY KEY ("key")
);

-- The dashboard's change counter (lib/dashboard/snapshot.ts): every statement that writes "Case"
-- (its register summary columns included, which the register triggers keep from Agreement and
-- Partner) or "MonevFlag" advances it. A sequence, not a row: no lock, no contention between writers.
CREATE SEQUENCE "dashboard_change_seq";

CREATE FUNCTION dashboard_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM nextval('dashboard_change_seq');
  RETURN NULL;
END $$;

CREATE TRIGGER "Case_dashboard_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Case"
  FOR EACH STATEMENT EXECUTE FUNCTION dashboard_changed();
ALTER TABLE "Case" ENABLE ALWAYS TRIGGER "Case_dashboard_changed";

CREATE TRIGGER "MonevFlag_dashboard_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "MonevFlag"
  FOR EACH STATEMENT EXECUTE FUNCTION dashboard_changed();
ALTER TABLE "MonevFlag" ENABLE ALWAYS TRIGGER "MonevFlag_dashboard_changed";
