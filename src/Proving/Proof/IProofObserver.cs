using Hms.Proving.Compiling;
using Hms.Proving.Obligations;

namespace Hms.Proving.Proof;

/// <summary>
/// Follows a proof as it happens. Each call may answer false to stop the proof (the theorem was cancelled
/// or replaced meanwhile); the remaining obligations are then cancelled.
/// </summary>
public interface IProofObserver
{
    ValueTask<bool> OnDecomposedAsync(CompiledTheorem theorem);

    ValueTask<bool> OnObligationStartedAsync(Obligation obligation, string strategy);

    ValueTask<bool> OnObligationFinishedAsync(ObligationResult result);

    /// <summary>The counterexample search beside the solvers has advanced.</summary>
    ValueTask<bool> OnSearchProgressAsync(Search.SearchStep step) => ValueTask.FromResult(true);
}
