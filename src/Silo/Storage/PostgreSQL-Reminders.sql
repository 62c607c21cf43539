-- PostgreSQL-Reminders.sql — durable reminders for Orleans' ADO.NET reminder service
-- (Microsoft.Orleans.Reminders.AdoNet 10.x, invariant "Npgsql"). PostgreSQL >= 11.
-- Requires PostgreSQL-Main.sql (table OrleansQuery) to have run first.
--
-- Contract with the provider (AdoNetReminderTable, RelationalOrleansQueries), see README.md:
--  * At start-up it reads every OrleansQuery row and refuses to start unless these keys are there:
--    ReadReminderRowsKey, ReadReminderRowKey, ReadRangeRows1Key, ReadRangeRows2Key, UpsertReminderRowKey,
--    DeleteReminderRowKey, DeleteReminderRowsKey.
--  * Parameters: @ServiceId, @GrainId (the grain id's string form), @ReminderName, @StartTime (UTC),
--    @Period (milliseconds; int4 when it fits, else int8), @GrainHash, @BeginHash, @EndHash (the uint hash
--    as int4), @Version (int: the reminder's ETag).
--  * Reads return columns GrainId, ReminderName, StartTime, Period (read as int8), Version (read by name).
--  * Ranges are the reminder service's slices of the hash ring, (begin, end]: ReadRangeRows1 when
--    begin < end as int4, ReadRangeRows2 for a range that wraps around.
--  * Upsert returns one row, column Version: the new ETag. Delete returns one row of one column read as a
--    boolean: true when the reminder was there with that ETag and is gone.
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

CREATE TABLE IF NOT EXISTS OrleansRemindersTable
(
    ServiceId    text        NOT NULL,
    GrainId      text        NOT NULL,
    ReminderName text        NOT NULL,
    StartTime    timestamptz NOT NULL,
    Period       bigint      NOT NULL,
    GrainHash    integer     NOT NULL,
    Version      integer     NOT NULL,

    CONSTRAINT OrleansRemindersTable_Key PRIMARY KEY (ServiceId, GrainId, ReminderName),
    CONSTRAINT OrleansRemindersTable_Period_NotNegative CHECK (Period >= 0)
);

-- Each silo reads the reminders of its slices of the ring on every membership change.
CREATE INDEX IF NOT EXISTS OrleansRemindersTable_Ring ON OrleansRemindersTable (ServiceId, GrainHash);

INSERT INTO OrleansQuery (QueryKey, QueryText)
VALUES
(
    -- A new reminder starts at version 1; an existing one is replaced and its version advances (wrapping to
    -- 1 after int4 max), so a delete with the old ETag no longer matches.
    'UpsertReminderRowKey',
    'INSERT INTO OrleansRemindersTable AS r (ServiceId, GrainId, ReminderName, StartTime, Period, GrainHash, Version)
     VALUES (@ServiceId, @GrainId, @ReminderName, @StartTime, @Period, @GrainHash, 1)
     ON CONFLICT (ServiceId, GrainId, ReminderName) DO UPDATE
        SET StartTime = EXCLUDED.StartTime, Period = EXCLUDED.Period, GrainHash = EXCLUDED.GrainHash,
            Version = CASE WHEN r.Version >= 2147483647 THEN 1 ELSE r.Version + 1 END
     RETURNING r.Version AS "Version";'
),
(
    'ReadReminderRowsKey',
    'SELECT GrainId AS "GrainId", ReminderName AS "ReminderName", StartTime AS "StartTime",
            Period AS "Period", Version AS "Version"
     FROM OrleansRemindersTable
     WHERE ServiceId = @ServiceId AND GrainId = @GrainId;'
),
(
    'ReadReminderRowKey',
    'SELECT GrainId AS "GrainId", ReminderName AS "ReminderName", StartTime AS "StartTime",
            Period AS "Period", Version AS "Version"
     FROM OrleansRemindersTable
     WHERE ServiceId = @ServiceId AND GrainId = @GrainId AND ReminderName = @ReminderName;'
),
(
    'ReadRangeRows1Key',
    'SELECT GrainId AS "GrainId", ReminderName AS "ReminderName", StartTime AS "StartTime",
            Period AS "Period", Version AS "Version"
     FROM OrleansRemindersTable
     WHERE ServiceId = @ServiceId AND GrainHash > @BeginHash AND GrainHash <= @EndHash;'
),
(
    'ReadRangeRows2Key',
    'SELECT GrainId AS "GrainId", ReminderName AS "ReminderName", StartTime AS "StartTime",
            Period AS "Period", Version AS "Version"
     FROM OrleansRemindersTable
     WHERE ServiceId = @ServiceId AND (GrainHash > @BeginHash OR GrainHash <= @EndHash);'
),
(
    'DeleteReminderRowKey',
    'WITH deleted AS
     (
         DELETE FROM OrleansRemindersTable
         WHERE ServiceId = @ServiceId AND GrainId = @GrainId AND ReminderName = @ReminderName AND Version = @Version
         RETURNING 1
     )
     SELECT count(*) > 0 AS "Deleted" FROM deleted;'
),
(
    'DeleteReminderRowsKey',
    'DELETE FROM OrleansRemindersTable WHERE ServiceId = @ServiceId;'
)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

COMMIT;
