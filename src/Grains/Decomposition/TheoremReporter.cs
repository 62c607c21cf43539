using Hms.Grains.Messages;
using Hms.Proving.Compiling;
using Hms.Proving.Obligations;
using Hms.Proving.Proof;

namespace Hms.Grains.Decomposition;

/// <summary>Forwards a running proof's progress to its theorem grain, which may answer "stop".</summary>
internal sealed class TheoremReporter(ITheoremGrain theorem, int attempt, IReadOnlyList<string> solverVersions) : IProofObserver
{
    public async ValueTask<bool> OnDecomposedAsync(CompiledTheorem compiled) =>
        await theorem.OnDecomposedAsync(attempt,
            [.. compiled.Obligations.Select(o => new ObligationState { Id = o.Id, Kind = o.Kind, Description = o.Description, ContentHash = o.ContentHash })],
            compiled.Complexity, solverVersions);

    public async ValueTask<bool> OnObligationStartedAsync(Obligation obligation, string strategy) =>
        await theorem.OnObligationStartedAsync(attempt, obligation.Id, strategy);

    public async ValueTask<bool> OnObligationFinishedAsync(ObligationResult result) =>
        await theorem.OnObligationFinishedAsync(attempt, ObligationState.From(result));
}
