-- PostgreSQL-Clustering.sql — cluster membership for Orleans' ADO.NET clustering provider
-- (Microsoft.Orleans.Clustering.AdoNet 10.x, invariant "Npgsql"), used by `hms serve --clustering postgres`.
-- PostgreSQL >= 11. Requires PostgreSQL-Main.sql (table OrleansQuery) to have run first.
--
-- Contract with the provider (AdoNetClusteringTable, RelationalOrleansQueries), see README.md:
--  * At start-up it reads every OrleansQuery row and refuses to start unless these keys are there:
--    GatewaysQueryKey, MembershipReadRowKey, MembershipReadAllKey, InsertMembershipVersionKey,
--    UpdateIAmAlivetimeKey, InsertMembershipKey, UpdateMembershipKey, DeleteMembershipTableEntriesKey,
--    CleanupDefunctSiloEntriesKey.
--  * Parameters: @DeploymentId (the ClusterId), @Address (text), @Port, @Generation, @SiloName, @HostName,
--    @Status (SiloStatus as int: 3 Active, 6 Dead), @ProxyPort, @SuspectTimes (text or NULL), @StartTime,
--    @IAmAliveTime (UTC), @Version (int: the table version the caller last read, its optimistic lock).
--  * Reads return rows with columns DeploymentId, Address, Port, Generation, SiloName, HostName, Status,
--    ProxyPort, SuspectTimes, StartTime, IAmAliveTime, Version (read by name). There is always at least one
--    row (the version row); a NULL StartTime means "no silo in this row".
--  * InsertMembershipVersion, InsertMembership and UpdateMembership return one row of one column read as a
--    boolean: true when the change was made. Insert and update succeed only when @Version is still the
--    table's version, and then advance it: that is how silos agree on the membership view.
--
-- Idempotent: safe to run on every start, also by several silos at once (the advisory lock of the others).

BEGIN;

DO $lock$ BEGIN PERFORM pg_advisory_xact_lock(hashtext('hms.orleans.schema')); END $lock$;

DO $check$
BEGIN
    IF to_regclass('orleansquery') IS NULL THEN
        RAISE EXCEPTION 'table OrleansQuery is missing: run PostgreSQL-Main.sql first';
    END IF;
END
$check$;

-- One row per cluster: its membership version, advanced by every insert or update of a silo row.
CREATE TABLE IF NOT EXISTS OrleansMembershipVersionTable
(
    DeploymentId text        NOT NULL,
    Timestamp    timestamptz NOT NULL DEFAULT now(),
    Version      integer     NOT NULL DEFAULT 0,

    CONSTRAINT OrleansMembershipVersionTable_Key PRIMARY KEY (DeploymentId)
);

-- One row per silo incarnation (a restart on the same address and port is a new generation).
-- ProxyPort is 0 for a silo without a gateway: the provider reads it as a non-null int.
CREATE TABLE IF NOT EXISTS OrleansMembershipTable
(
    DeploymentId text        NOT NULL,
    Address      text        NOT NULL,
    Port         integer     NOT NULL,
    Generation   integer     NOT NULL,
    SiloName     text        NOT NULL,
    HostName     text        NOT NULL,
    Status       integer     NOT NULL,
    ProxyPort    integer     NOT NULL DEFAULT 0,
    SuspectTimes text        NULL,
    StartTime    timestamptz NOT NULL,
    IAmAliveTime timestamptz NOT NULL,

    CONSTRAINT OrleansMembershipTable_Key PRIMARY KEY (DeploymentId, Address, Port, Generation),
    CONSTRAINT OrleansMembershipTable_Cluster FOREIGN KEY (DeploymentId)
        REFERENCES OrleansMembershipVersionTable (DeploymentId) ON DELETE CASCADE
);

-- Creates the cluster's version row if it is missing; true when this call created it.
CREATE OR REPLACE FUNCTION HmsMembership_InsertVersion(p_DeploymentId text)
RETURNS boolean
LANGUAGE plpgsql
AS $fn$
BEGIN
    INSERT INTO OrleansMembershipVersionTable (DeploymentId) VALUES (p_DeploymentId)
    ON CONFLICT (DeploymentId) DO NOTHING;
    RETURN FOUND;
END
$fn$;

-- Takes the cluster's version row lock and tells whether the caller's version is still current. Writers of
-- one cluster queue on this lock, so the check and the bump that follows are one atomic step.
CREATE OR REPLACE FUNCTION HmsMembership_LockVersion(p_DeploymentId text, p_Version integer)
RETURNS boolean
LANGUAGE plpgsql
AS $fn$
DECLARE
    current_version integer;
BEGIN
    SELECT v.Version INTO current_version
    FROM OrleansMembershipVersionTable AS v
    WHERE v.DeploymentId = p_DeploymentId
    FOR UPDATE;
    RETURN FOUND AND current_version = p_Version;
END
$fn$;

CREATE OR REPLACE FUNCTION HmsMembership_BumpVersion(p_DeploymentId text)
RETURNS void
LANGUAGE sql
AS $fn$
    UPDATE OrleansMembershipVersionTable
    SET Version = CASE WHEN Version >= 2147483647 THEN 1 ELSE Version + 1 END,
        Timestamp = now()
    WHERE DeploymentId = p_DeploymentId;
$fn$;

-- A new silo row, only while p_Version is the table's version and no row has this silo's key.
CREATE OR REPLACE FUNCTION HmsMembership_Insert
(
    p_DeploymentId text,
    p_Address      text,
    p_Port         integer,
    p_Generation   integer,
    p_SiloName     text,
    p_HostName     text,
    p_Status       integer,
    p_ProxyPort    integer,
    p_StartTime    timestamptz,
    p_IAmAliveTime timestamptz,
    p_Version      integer
)
RETURNS boolean
LANGUAGE plpgsql
AS $fn$
BEGIN
    IF p_DeploymentId IS NULL OR p_Version IS NULL OR NOT HmsMembership_LockVersion(p_DeploymentId, p_Version) THEN
        RETURN false;
    END IF;
    INSERT INTO OrleansMembershipTable
        (DeploymentId, Address, Port, Generation, SiloName, HostName, Status, ProxyPort, StartTime, IAmAliveTime)
    VALUES
        (p_DeploymentId, p_Address, p_Port, p_Generation, p_SiloName, p_HostName, p_Status,
         coalesce(p_ProxyPort, 0), p_StartTime, p_IAmAliveTime)
    ON CONFLICT (DeploymentId, Address, Port, Generation) DO NOTHING;
    IF NOT FOUND THEN
        RETURN false;
    END IF;
    PERFORM HmsMembership_BumpVersion(p_DeploymentId);
    RETURN true;
END
$fn$;

-- A silo's status, suspicions and liveness, only while p_Version is the table's version.
CREATE OR REPLACE FUNCTION HmsMembership_Update
(
    p_DeploymentId text,
    p_Address      text,
    p_Port         integer,
    p_Generation   integer,
    p_Status       integer,
    p_SuspectTimes text,
    p_IAmAliveTime timestamptz,
    p_Version      integer
)
RETURNS boolean
LANGUAGE plpgsql
AS $fn$
BEGIN
    IF p_DeploymentId IS NULL OR p_Version IS NULL OR NOT HmsMembership_LockVersion(p_DeploymentId, p_Version) THEN
        RETURN false;
    END IF;
    UPDATE OrleansMembershipTable
    SET Status = p_Status, SuspectTimes = p_SuspectTimes, IAmAliveTime = p_IAmAliveTime
    WHERE DeploymentId = p_DeploymentId AND Address = p_Address AND Port = p_Port AND Generation = p_Generation;
    IF NOT FOUND THEN
        RETURN false;
    END IF;
    PERFORM HmsMembership_BumpVersion(p_DeploymentId);
    RETURN true;
END
$fn$;

-- The provider's queries. Result columns are quoted so that their names are exactly what it reads.
INSERT INTO OrleansQuery (QueryKey, QueryText)
VALUES
(
    'InsertMembershipVersionKey',
    'SELECT HmsMembership_InsertVersion(@DeploymentId) AS "Inserted";'
),
(
    'InsertMembershipKey',
    'SELECT HmsMembership_Insert(@DeploymentId, @Address, @Port, @Generation, @SiloName, @HostName, @Status,
                                 @ProxyPort, @StartTime, @IAmAliveTime, @Version) AS "Inserted";'
),
(
    'UpdateMembershipKey',
    'SELECT HmsMembership_Update(@DeploymentId, @Address, @Port, @Generation, @Status, @SuspectTimes,
                                 @IAmAliveTime, @Version) AS "Updated";'
),
(
    -- Liveness only: it does not change the membership view, so it leaves the version alone.
    'UpdateIAmAlivetimeKey',
    'UPDATE OrleansMembershipTable SET IAmAliveTime = @IAmAliveTime
     WHERE DeploymentId = @DeploymentId AND Address = @Address AND Port = @Port AND Generation = @Generation;'
),
(
    'MembershipReadRowKey',
    'SELECT v.DeploymentId AS "DeploymentId", m.Address AS "Address", m.Port AS "Port",
            m.Generation AS "Generation", m.SiloName AS "SiloName", m.HostName AS "HostName",
            m.Status AS "Status", m.ProxyPort AS "ProxyPort", m.SuspectTimes AS "SuspectTimes",
            m.StartTime AS "StartTime", m.IAmAliveTime AS "IAmAliveTime", v.Version AS "Version"
     FROM OrleansMembershipVersionTable AS v
     LEFT JOIN OrleansMembershipTable AS m
       ON m.DeploymentId = v.DeploymentId
      AND m.Address = @Address AND m.Port = @Port AND m.Generation = @Generation
     WHERE v.DeploymentId = @DeploymentId;'
),
(
    'MembershipReadAllKey',
    'SELECT v.DeploymentId AS "DeploymentId", m.Address AS "Address", m.Port AS "Port",
            m.Generation AS "Generation", m.SiloName AS "SiloName", m.HostName AS "HostName",
            m.Status AS "Status", m.ProxyPort AS "ProxyPort", m.SuspectTimes AS "SuspectTimes",
            m.StartTime AS "StartTime", m.IAmAliveTime AS "IAmAliveTime", v.Version AS "Version"
     FROM OrleansMembershipVersionTable AS v
     LEFT JOIN OrleansMembershipTable AS m ON m.DeploymentId = v.DeploymentId
     WHERE v.DeploymentId = @DeploymentId;'
),
(
    -- The silo rows go with the version row (ON DELETE CASCADE).
    'DeleteMembershipTableEntriesKey',
    'DELETE FROM OrleansMembershipVersionTable WHERE DeploymentId = @DeploymentId;'
),
(
    'GatewaysQueryKey',
    'SELECT m.Address AS "Address", m.ProxyPort AS "ProxyPort", m.Generation AS "Generation"
     FROM OrleansMembershipTable AS m
     WHERE m.DeploymentId = @DeploymentId AND m.Status = @Status AND m.ProxyPort > 0;'
),
(
    -- Rows of silos declared dead whose last sign of life is older than the cut-off.
    'CleanupDefunctSiloEntriesKey',
    'DELETE FROM OrleansMembershipTable
     WHERE DeploymentId = @DeploymentId AND Status = 6 AND IAmAliveTime < @IAmAliveTime;'
)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

COMMIT;
