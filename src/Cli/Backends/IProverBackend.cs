using Hms.Cli.Output;
using Hms.Proving.Documents;
using Hms.Proving.Proof;

namespace Hms.Cli.Backends;

/// <summary>Where `hms prove` sends theorems: an embedded silo, or a server over gRPC.</summary>
internal interface IProverBackend : IAsyncDisposable
{
    Task<TheoremResult> ProveAsync(TheoremDocument document, ProgressObserver observer, CancellationToken cancellationToken);
}
