-- PostgreSQL-Theorems.sql — the theorems' event journal and catalogue index (not Orleans grain state).
-- PostgreSQL >= 11. Read and written by PostgresTheoremJournal and PostgresTheoremIndex (src/Silo/Storage).
--
--  * HmsTheoremEvent: one row per progress event, (ServiceId, TheoremId, Sequence) unique, inserted once and
--    never updated (ON CONFLICT DO NOTHING makes a retried append harmless). Payload is the event in Orleans'
--    binary serialization, like the grain state.
--  * HmsTheoremIndex: one row per theorem (id, domain, status), upserted when the status changes; pages are cut
--    in id order with keyset paging (TheoremId > last seen), so every filter has an index that ends in TheoremId.
--    Ids are COLLATE "C": byte order, which is the frontend's ordinal order for its ASCII ids.
--
-- Idempotent: safe to run on every start, also by several silos at once (same advisory lock as the others).

BEGIN;

DO $lock$ BEGIN PERFORM pg_advisory_xact_lock(hashtext('hms.orleans.schema')); END $lock$;

CREATE TABLE IF NOT EXISTS HmsTheoremEvent
(
    ServiceId  text               NOT NULL,
    TheoremId  text COLLATE "C"   NOT NULL,
    Sequence   bigint             NOT NULL,
    Kind       smallint           NOT NULL,
    Payload    bytea              NOT NULL,
    WrittenOn  timestamptz        NOT NULL DEFAULT now(),

    CONSTRAINT HmsTheoremEvent_Key PRIMARY KEY (ServiceId, TheoremId, Sequence),
    CONSTRAINT HmsTheoremEvent_Sequence_Positive CHECK (Sequence > 0)
);

CREATE TABLE IF NOT EXISTS HmsTheoremIndex
(
    ServiceId  text               NOT NULL,
    TheoremId  text COLLATE "C"   NOT NULL,
    Domain     text               NULL,
    Status     smallint           NOT NULL,
    ModifiedOn timestamptz        NOT NULL DEFAULT now(),

    CONSTRAINT HmsTheoremIndex_Key PRIMARY KEY (ServiceId, TheoremId)
);

CREATE INDEX IF NOT EXISTS HmsTheoremIndex_ByDomainStatus ON HmsTheoremIndex (ServiceId, Domain, Status, TheoremId);
CREATE INDEX IF NOT EXISTS HmsTheoremIndex_ByDomain ON HmsTheoremIndex (ServiceId, Domain, TheoremId);
CREATE INDEX IF NOT EXISTS HmsTheoremIndex_ByStatus ON HmsTheoremIndex (ServiceId, Status, TheoremId);

COMMIT;
