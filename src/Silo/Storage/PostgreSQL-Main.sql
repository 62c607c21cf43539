-- PostgreSQL-Main.sql — shared part of HMS's Orleans ADO.NET schema (PostgreSQL >= 11).
--
-- Every Orleans ADO.NET provider (grain storage, clustering, reminders) starts by
-- reading its SQL from the table OrleansQuery:
--   grain storage: SELECT QueryKey, QueryText FROM OrleansQuery WHERE QueryKey = '...' OR ...
--   clustering / reminders: SELECT QueryKey, QueryText FROM OrleansQuery
-- The statements are sent unquoted, so PostgreSQL folds the names to lower case;
-- the names below are unquoted for the same reason.
--
-- Idempotent: safe to run on every start, also by several silos at once (the
-- advisory lock serialises concurrent runs; DDL is transactional in PostgreSQL).
-- Run this before PostgreSQL-Persistence.sql (and any later provider script).

BEGIN;

-- Serialise concurrent runs (held until COMMIT).
DO $lock$ BEGIN PERFORM pg_advisory_xact_lock(hashtext('hms.orleans.schema')); END $lock$;

CREATE TABLE IF NOT EXISTS OrleansQuery
(
    QueryKey  varchar(64) NOT NULL,
    QueryText text        NOT NULL,

    CONSTRAINT OrleansQuery_Key PRIMARY KEY (QueryKey)
);

COMMIT;
