using Hms.Proving.Documents;
using Hms.Proving.Proof;
using Hms.Proving.Solvers;

namespace Hms.Proving.Tests.Proof;

/// <summary>One warm solver pool for all prover tests, as the service has one per silo.</summary>
public sealed class ProverFixture : IAsyncLifetime
{
    public SolverPool Pool { get; } = new(new SolverPoolOptions());

    public TheoremProver Prover => new(new ObligationProver(Pool));

    public Task<TheoremResult> ProveAsync(TheoremDocument document, ProofOptions? options = null, CancellationToken ct = default) =>
        Prover.ProveAsync(document, options ?? new ProofOptions(), null, ct);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await Pool.DisposeAsync();
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProverCollection : ICollectionFixture<ProverFixture>
{
    public const string Name = "Prover on real solvers";
}
