using Hms.Proving.Compiling;
using Hms.Proving.Obligations;
using Hms.Proving.Proof;

namespace Hms.Cli.Output;

/// <summary>Turns a proof's progress into counts for the live display: obligations known, obligations done.</summary>
internal sealed class ProgressObserver(Action<int> decomposed, Action finished) : IProofObserver
{
    public ValueTask<bool> OnDecomposedAsync(CompiledTheorem theorem)
    {
        decomposed(theorem.Obligations.Count);
        return ValueTask.FromResult(true);
    }

    public ValueTask<bool> OnObligationStartedAsync(Obligation obligation, string strategy) => ValueTask.FromResult(true);

    public ValueTask<bool> OnObligationFinishedAsync(ObligationResult result)
    {
        finished();
        return ValueTask.FromResult(true);
    }
}
