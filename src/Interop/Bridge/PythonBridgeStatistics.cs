namespace Hms.Interop.Bridge;

/// <summary>
/// What one bridge's calls cost in GIL holds: <see cref="Batches"/> counts the holds that ran at least one of its
/// calls, so Calls / Batches is how many calls shared a hold. Written by the Python thread only.
/// </summary>
public sealed class PythonBridgeStatistics
{
    private long _calls;
    private long _failures;
    private long _batches;
    private long _lastBatch = -1;

    /// <summary>Calls that ran (not those cancelled or refused before they started).</summary>
    public long Calls => Volatile.Read(ref _calls);

    /// <summary>Calls that ended in an exception, Python's or .NET's.</summary>
    public long Failures => Volatile.Read(ref _failures);

    public long Batches => Volatile.Read(ref _batches);

    internal void Count(long batch, bool failed)
    {
        Volatile.Write(ref _calls, _calls + 1);
        if (failed)
            Volatile.Write(ref _failures, _failures + 1);
        if (batch != _lastBatch)
        {
            _lastBatch = batch;
            Volatile.Write(ref _batches, _batches + 1);
        }
    }
}
