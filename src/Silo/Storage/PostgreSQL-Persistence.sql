-- PostgreSQL-Persistence.sql — HMS grain state for Orleans' ADO.NET grain storage
-- (Microsoft.Orleans.Persistence.AdoNet 10.x, invariant "Npgsql"). PostgreSQL >= 11.
-- Requires PostgreSQL-Main.sql (table OrleansQuery) to have run first.
--
-- Contract with the provider (AdoNetGrainStorage), see README.md for the details:
--  * At start-up it reads the rows WriteToStorageKey, ReadFromStorageKey,
--    ClearStorageKey and, optionally, DeleteStorageKey from OrleansQuery.
--  * Every query gets @GrainIdHash int4, @GrainIdN0 int8, @GrainIdN1 int8,
--    @GrainTypeHash int4, @GrainTypeString text, @GrainIdExtensionString text (NULL
--    unless the key is a string or has an extension), @ServiceId text. Write, clear
--    and delete also get @GrainStateVersion int4 (the grain's ETag; NULL when the
--    grain has never seen a stored row); write also gets @PayloadBinary bytea.
--  * Read returns 0 or 1 row with columns PayloadBinary and Version (by name).
--    PayloadBinary NULL = "no state" (RecordExists = false) but Version still
--    becomes the grain's ETag.
--  * Write returns exactly one row, column NewGrainStateVersion (by name): the new
--    version on success, NULL on a version conflict.
--  * Clear and delete return exactly one row; the provider reads column 0: the new
--    version on success, NULL on a version conflict.
--  * The provider raises InconsistentStateException when the returned version is
--    NULL/empty, equal to the ETag it sent, or missing while it sent an ETag.
--
-- Idempotent: safe to run on every start, also by several silos at once.

BEGIN;

-- Serialise concurrent runs (held until COMMIT).
DO $lock$ BEGIN PERFORM pg_advisory_xact_lock(hashtext('hms.orleans.schema')); END $lock$;

DO $check$
BEGIN
    IF to_regclass('orleansquery') IS NULL THEN
        RAISE EXCEPTION 'table OrleansQuery is missing: run PostgreSQL-Main.sql first';
    END IF;
END
$check$;

-- One row per (service, grain type, grain id). The two hashes come from the
-- provider's hasher; they lead the unique index so that look-ups are narrow.
-- The natural key (strings) is compared in full; inside the index the strings are
-- represented by their md5 so that arbitrarily long keys fit in a B-tree entry.
CREATE TABLE IF NOT EXISTS HmsGrainState
(
    GrainIdHash            integer     NOT NULL,
    GrainIdN0              bigint      NOT NULL,
    GrainIdN1              bigint      NOT NULL,
    GrainTypeHash          integer     NOT NULL,
    GrainTypeString        text        NOT NULL,
    GrainIdExtensionString text        NULL,
    ServiceId              text        NOT NULL,
    PayloadBinary          bytea       NULL,
    Version                integer     NOT NULL,
    ModifiedOn             timestamptz NOT NULL DEFAULT now(),

    CONSTRAINT HmsGrainState_Version_Positive CHECK (Version > 0)
);

-- coalesce(md5(NULL), '') keeps "no extension" distinct from every real string
-- (an md5 is never empty) without needing NULLS NOT DISTINCT.
CREATE UNIQUE INDEX IF NOT EXISTS HmsGrainState_Key ON HmsGrainState
(
    GrainIdHash, GrainTypeHash, GrainIdN0, GrainIdN1,
    md5(ServiceId), md5(GrainTypeString), coalesce(md5(GrainIdExtensionString), '')
);

-- Versions are positive int4 (the provider parses the ETag with int.Parse) and
-- wrap from int4 max back to 1.
CREATE OR REPLACE FUNCTION HmsGrainState_NextVersion(current_version integer)
RETURNS integer
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $fn$
    SELECT CASE WHEN current_version >= 2147483647 THEN 1 ELSE current_version + 1 END;
$fn$;

CREATE OR REPLACE FUNCTION HmsGrainState_Read
(
    p_GrainIdHash            integer,
    p_GrainIdN0              bigint,
    p_GrainIdN1              bigint,
    p_GrainTypeHash          integer,
    p_GrainTypeString        text,
    p_GrainIdExtensionString text,
    p_ServiceId              text
)
RETURNS TABLE (PayloadBinary bytea, Version integer)
LANGUAGE sql STABLE
AS $fn$
    SELECT s.PayloadBinary, s.Version
    FROM HmsGrainState AS s
    WHERE s.GrainIdHash = p_GrainIdHash
      AND s.GrainTypeHash = p_GrainTypeHash
      AND s.GrainIdN0 = p_GrainIdN0
      AND s.GrainIdN1 = p_GrainIdN1
      AND s.ServiceId = p_ServiceId
      AND s.GrainTypeString = p_GrainTypeString
      AND s.GrainIdExtensionString IS NOT DISTINCT FROM p_GrainIdExtensionString;
$fn$;

-- Returns the new version, or NULL when p_GrainStateVersion does not match the
-- stored row (or, for NULL, when a row already exists): a version conflict.
CREATE OR REPLACE FUNCTION HmsGrainState_Write
(
    p_GrainIdHash            integer,
    p_GrainIdN0              bigint,
    p_GrainIdN1              bigint,
    p_GrainTypeHash          integer,
    p_GrainTypeString        text,
    p_GrainIdExtensionString text,
    p_ServiceId              text,
    p_GrainStateVersion      integer,
    p_PayloadBinary          bytea
)
RETURNS integer
LANGUAGE plpgsql
AS $fn$
DECLARE
    new_version integer;
BEGIN
    IF p_GrainStateVersion IS NULL THEN
        -- First write of this grain: only if nobody else created the row, also
        -- not a concurrent writer (the unique index arbitrates the race).
        INSERT INTO HmsGrainState AS s
            (GrainIdHash, GrainIdN0, GrainIdN1, GrainTypeHash, GrainTypeString,
             GrainIdExtensionString, ServiceId, PayloadBinary, Version, ModifiedOn)
        VALUES
            (p_GrainIdHash, p_GrainIdN0, p_GrainIdN1, p_GrainTypeHash, p_GrainTypeString,
             p_GrainIdExtensionString, p_ServiceId, p_PayloadBinary, 1, now())
        ON CONFLICT (GrainIdHash, GrainTypeHash, GrainIdN0, GrainIdN1,
                     md5(ServiceId), md5(GrainTypeString), coalesce(md5(GrainIdExtensionString), ''))
        DO NOTHING
        RETURNING s.Version INTO new_version;
    ELSE
        UPDATE HmsGrainState AS s
        SET PayloadBinary = p_PayloadBinary,
            Version = HmsGrainState_NextVersion(s.Version),
            ModifiedOn = now()
        WHERE s.GrainIdHash = p_GrainIdHash
          AND s.GrainTypeHash = p_GrainTypeHash
          AND s.GrainIdN0 = p_GrainIdN0
          AND s.GrainIdN1 = p_GrainIdN1
          AND s.ServiceId = p_ServiceId
          AND s.GrainTypeString = p_GrainTypeString
          AND s.GrainIdExtensionString IS NOT DISTINCT FROM p_GrainIdExtensionString
          AND s.Version = p_GrainStateVersion
        RETURNING s.Version INTO new_version;
    END IF;
    RETURN new_version;
END
$fn$;

-- Clear keeps the row (payload NULL) and bumps the version, so the grain's next
-- write is still checked against it. Returns the new version or NULL (conflict).
CREATE OR REPLACE FUNCTION HmsGrainState_Clear
(
    p_GrainIdHash            integer,
    p_GrainIdN0              bigint,
    p_GrainIdN1              bigint,
    p_GrainTypeHash          integer,
    p_GrainTypeString        text,
    p_GrainIdExtensionString text,
    p_ServiceId              text,
    p_GrainStateVersion      integer
)
RETURNS integer
LANGUAGE plpgsql
AS $fn$
DECLARE
    new_version integer;
BEGIN
    UPDATE HmsGrainState AS s
    SET PayloadBinary = NULL,
        Version = HmsGrainState_NextVersion(s.Version),
        ModifiedOn = now()
    WHERE s.GrainIdHash = p_GrainIdHash
      AND s.GrainTypeHash = p_GrainTypeHash
      AND s.GrainIdN0 = p_GrainIdN0
      AND s.GrainIdN1 = p_GrainIdN1
      AND s.ServiceId = p_ServiceId
      AND s.GrainTypeString = p_GrainTypeString
      AND s.GrainIdExtensionString IS NOT DISTINCT FROM p_GrainIdExtensionString
      AND s.Version = p_GrainStateVersion
    RETURNING s.Version INTO new_version;
    RETURN new_version;
END
$fn$;

-- Used instead of clear when AdoNetGrainStorageOptions.DeleteStateOnClear is true.
-- Removes the row. Returns the version the row would have had next (any non-NULL
-- value different from the ETag means success; the provider then resets the ETag
-- to NULL), or NULL on a conflict.
CREATE OR REPLACE FUNCTION HmsGrainState_Delete
(
    p_GrainIdHash            integer,
    p_GrainIdN0              bigint,
    p_GrainIdN1              bigint,
    p_GrainTypeHash          integer,
    p_GrainTypeString        text,
    p_GrainIdExtensionString text,
    p_ServiceId              text,
    p_GrainStateVersion      integer
)
RETURNS integer
LANGUAGE plpgsql
AS $fn$
DECLARE
    next_version integer;
BEGIN
    DELETE FROM HmsGrainState AS s
    WHERE s.GrainIdHash = p_GrainIdHash
      AND s.GrainTypeHash = p_GrainTypeHash
      AND s.GrainIdN0 = p_GrainIdN0
      AND s.GrainIdN1 = p_GrainIdN1
      AND s.ServiceId = p_ServiceId
      AND s.GrainTypeString = p_GrainTypeString
      AND s.GrainIdExtensionString IS NOT DISTINCT FROM p_GrainIdExtensionString
      AND s.Version = p_GrainStateVersion
    RETURNING HmsGrainState_NextVersion(s.Version) INTO next_version;
    RETURN next_version;
END
$fn$;

-- The provider's queries. Result columns are aliased with quotes so that their
-- names are exactly what the provider asks for.
INSERT INTO OrleansQuery (QueryKey, QueryText)
VALUES
(
    'ReadFromStorageKey',
    'SELECT r.PayloadBinary AS "PayloadBinary", r.Version AS "Version"
     FROM HmsGrainState_Read(@GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash,
                             @GrainTypeString, @GrainIdExtensionString, @ServiceId) AS r;'
),
(
    'WriteToStorageKey',
    'SELECT HmsGrainState_Write(@GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash,
                                @GrainTypeString, @GrainIdExtensionString, @ServiceId,
                                @GrainStateVersion, @PayloadBinary) AS "NewGrainStateVersion";'
),
(
    'ClearStorageKey',
    'SELECT HmsGrainState_Clear(@GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash,
                                @GrainTypeString, @GrainIdExtensionString, @ServiceId,
                                @GrainStateVersion) AS "NewGrainStateVersion";'
),
(
    'DeleteStorageKey',
    'SELECT HmsGrainState_Delete(@GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash,
                                 @GrainTypeString, @GrainIdExtensionString, @ServiceId,
                                 @GrainStateVersion) AS "NewGrainStateVersion";'
)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

COMMIT;
