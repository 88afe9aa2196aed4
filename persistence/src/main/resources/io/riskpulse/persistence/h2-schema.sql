-- The embedded journal's tables: pekko-persistence-jdbc 1.1.1's H2 schema with three changes that matter on the
-- fill path (see docs/PERFORMANCE.md):
--   * event payloads are VARBINARY, not BLOB: an event is a few hundred bytes, and a BLOB over H2's in-place
--     limit goes to the separate LOB store (another B-tree write per event),
--   * "ordering" is indexed once (its UNIQUE constraint), not twice (the plugin also creates an identical
--     unique index), and
--   * "ordering" reserves its values 10,000 at a time, not 32 (the ALTER TABLE below).
-- Snapshot payloads stay BLOB: a snapshot holds the execution-id window and can be megabytes.
-- Every statement is idempotent, and tables created by an earlier schema are kept as they are.
CREATE TABLE IF NOT EXISTS PUBLIC."event_journal" (
    "ordering" BIGINT UNIQUE NOT NULL AUTO_INCREMENT,
    "deleted" BOOLEAN DEFAULT false NOT NULL,
    "persistence_id" VARCHAR(255) NOT NULL,
    "sequence_number" BIGINT NOT NULL,
    "writer" VARCHAR NOT NULL,
    "write_timestamp" BIGINT NOT NULL,
    "adapter_manifest" VARCHAR NOT NULL,
    "event_payload" VARBINARY NOT NULL,
    "event_ser_id" INTEGER NOT NULL,
    "event_ser_manifest" VARCHAR NOT NULL,
    "meta_payload" VARBINARY,
    "meta_ser_id" INTEGER,
    "meta_ser_manifest" VARCHAR,
    PRIMARY KEY("persistence_id","sequence_number")
    );

-- "ordering" takes its values from the column's identity sequence, which records how far it has handed them out
-- every CACHE values with a commit of its own, in the middle of the insert that needed the value: with one
-- connection writing each commit through, that commit writes every page the journal changed since the last one to
-- the file. At H2's default of 32 these writes were a third of the journal thread's time at the fill rate
-- (docs/PERFORMANCE.md section 28). A killed process skips the rest of the block it had reserved: values are
-- never reused, and the tagged queries take a gap for events that will not come after their wait.
-- Applied on every start, so journals created before it change too.
ALTER TABLE PUBLIC."event_journal" ALTER COLUMN "ordering" SET CACHE 10000;

CREATE TABLE IF NOT EXISTS PUBLIC."event_tag" (
    "event_id" BIGINT NOT NULL,
    "tag" VARCHAR NOT NULL,
    PRIMARY KEY("event_id", "tag"),
    CONSTRAINT fk_event_journal
      FOREIGN KEY("event_id")
      REFERENCES "event_journal"("ordering")
      ON DELETE CASCADE
);

CREATE TABLE IF NOT EXISTS PUBLIC."snapshot" (
    "persistence_id" VARCHAR(255) NOT NULL,
    "sequence_number" BIGINT NOT NULL,
    "created" BIGINT NOT NULL,"snapshot_ser_id" INTEGER NOT NULL,
    "snapshot_ser_manifest" VARCHAR NOT NULL,
    "snapshot_payload" BLOB NOT NULL,
    "meta_ser_id" INTEGER,
    "meta_ser_manifest" VARCHAR,
    "meta_payload" BLOB,
    PRIMARY KEY("persistence_id","sequence_number")
    );

CREATE SEQUENCE IF NOT EXISTS PUBLIC."global_offset_seq";

CREATE TABLE IF NOT EXISTS PUBLIC."durable_state" (
    "global_offset" BIGINT DEFAULT NEXT VALUE FOR PUBLIC."global_offset_seq",
    "persistence_id" VARCHAR(255) NOT NULL,
    "revision" BIGINT NOT NULL,
    "state_payload" BLOB NOT NULL,
    "state_serial_id" INTEGER NOT NULL,
    "state_serial_manifest" VARCHAR,
    "tag" VARCHAR,
    "state_timestamp" BIGINT NOT NULL,
    PRIMARY KEY("persistence_id")
    );
CREATE INDEX IF NOT EXISTS "state_tag_idx" on PUBLIC."durable_state" ("tag");
CREATE INDEX IF NOT EXISTS "state_global_offset_idx" on PUBLIC."durable_state" ("global_offset");
