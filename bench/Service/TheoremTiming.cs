namespace Hms.Service.Bench;

/// <summary>
/// One theorem through the service, in milliseconds. The stages come from the timestamps of its progress events
/// (server clock, the same machine as the client's): admission is the call's start to the Submitted event,
/// decomposition Submitted to Decomposed, queue wait an obligation's start to its solver's start (its span minus
/// the solver time it reports), solver that reported time, completion the last obligation's end to Completed,
/// streaming Completed to the client reading it. Storage writes are inside each stage that records an event.
/// </summary>
internal sealed record TheoremTiming(
    double SubmitMs,
    double VerdictMs,
    string Status,
    double AdmissionMs,
    double DecompositionMs,
    double QueueWaitMs,
    double SolverMs,
    double CompletionMs,
    double StreamingMs);
