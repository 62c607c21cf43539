namespace Hms.Proving.Solvers;

/// <summary>What the pool does with a process after a goal.</summary>
internal enum ProcessFate
{
    /// <summary>Clean state after (reset): keep it warm for the next goal.</summary>
    Reusable,

    /// <summary>Stop it: timed out, cancelled, untrusted options, an error left it unreliable.</summary>
    Discard,

    /// <summary>It ended on its own while working on the goal.</summary>
    Died,

    /// <summary>It was already gone before the goal reached it: the goal may be retried elsewhere.</summary>
    DiedBeforeGoal,
}
