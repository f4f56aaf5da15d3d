-- The roles told of a hand-off (nextActorRoles of the event's stage, kind and initiator), written with
-- the event: the fan-out finds their users in one statement without a 20 kB rules parameter per batch.
ALTER TABLE "HandoffEvent" ADD COLUMN "roles" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[];
ALTER TABLE "HandoffEvent" ADD COLUMN "opdRoles" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[];
