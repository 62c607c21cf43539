namespace Hms.Interop.Bridge;

/// <summary>What became of a queued call when the Python thread reached it.</summary>
internal enum WorkOutcome
{
    /// <summary>Cancelled or refused while queued: it never ran.</summary>
    Skipped,
    Succeeded,
    Failed,
}
