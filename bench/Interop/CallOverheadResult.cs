namespace Hms.Interop.Bench;

/// <summary>Microseconds per item for one kind of work item, queued three ways.</summary>
/// <param name="Sequential">One queued call per item, each awaited before the next.</param>
/// <param name="Batched">1,000 calls queued at once, then awaited together (they share GIL holds).</param>
/// <param name="InsideOneCall">One call that loops over 1,000 items itself.</param>
/// <param name="CallsPerHold">How many of the batched calls shared a GIL hold, on average.</param>
internal sealed record CallOverheadResult(string Work, double Sequential, double Batched, double InsideOneCall, double CallsPerHold);
