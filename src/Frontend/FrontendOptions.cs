namespace Hms.Frontend;

/// <summary>
/// Settings of the gRPC frontend: from configuration (section <see cref="Section"/>), then
/// <see cref="FrontendServiceCollectionExtensions.AddHmsFrontend"/>'s delegate.
/// </summary>
public sealed class FrontendOptions
{
    public const string Section = "Hms:Frontend";

    /// <summary>
    /// Most ProveTheorem and WatchTheorem calls served at once. Each holds a stream subscription and a
    /// request for as long as a proof runs, so past this the frontend answers RESOURCE_EXHAUSTED at once
    /// rather than queueing calls it could not serve before their deadlines anyway.
    /// </summary>
    public int MaxInFlightProofs { get; set; } = 1000;

    /// <summary>
    /// Largest request message. A theorem may carry a 1 MiB statement and up to 1000 assumptions, so the
    /// gRPC default of 4 MiB is too small for the documents the core accepts.
    /// </summary>
    public int MaxReceiveMessageBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>
    /// Most bytes of theorems in one ListTheorems page (1 MiB): a page ends early with a next_page_token
    /// rather than grow past this, so a standard 4 MiB client can read every page whatever the theorems hold.
    /// A page always holds at least one theorem, which the field limits (Hms:Limits) keep to a few MiB.
    /// </summary>
    public int MaxListPageBytes { get; set; } = 1024 * 1024;

    /// <summary>
    /// "gzip": replies are compressed for every client that accepts gzip (it says so per call in
    /// grpc-accept-encoding, as grpc-dotnet and grpcio clients do); unset or empty: replies go uncompressed.
    /// Requests a client compresses (grpc-encoding: gzip) are read either way. Off by default because the
    /// replies of small theorems are a few hundred bytes, which gzip does not shrink and only costs time on
    /// the hot path; worth it for large theorems, pages and slow links.
    /// </summary>
    public string? ResponseCompression { get; set; }

    /// <summary>
    /// Most theorems one ProveTheoremStream follows at once (256): the next message of the stream is read only when
    /// one of them has its verdict, so a client streaming faster than the solvers is held back by HTTP/2 flow control.
    /// Each followed theorem also takes a slot of <see cref="MaxInFlightProofs"/>.
    /// </summary>
    public int MaxStreamTheorems { get; set; } = 256;

    /// <summary>
    /// Replies of one ProveTheoremStream waiting for a slow reader (64). When it is full, progress replies are
    /// dropped (and counted in the next reply for the same theorem); verdicts and errors wait for room.
    /// </summary>
    public int StreamQueueLength { get; set; } = 64;

    /// <summary>Most theorems in one BatchProveTheorems call (100); more is INVALID_ARGUMENT.</summary>
    public int MaxBatchTheorems { get; set; } = 100;

    /// <summary>
    /// Most bytes of one BatchProveTheorems request (4 MiB); more is RESOURCE_EXHAUSTED. The reply holds every
    /// theorem as GetTheorem returns it (its read_mask trims them), so it is about as large as the request plus the
    /// verdicts: this keeps it within reach of a client's usual 4 MiB limit once masked.
    /// </summary>
    public int MaxBatchBytes { get; set; } = 4 * 1024 * 1024;
}
