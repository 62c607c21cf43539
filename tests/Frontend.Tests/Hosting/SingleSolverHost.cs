using Hms.Grains.Decomposition;
using Hms.Proving.Solvers;
using Hms.Silo.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Hms.Frontend.Tests.Hosting;

/// <summary>
/// A host whose solver pool runs one goal at a time and keeps the prover log: a goal that never ends saturates it,
/// so the tests can line up the goals behind it and see, in the log, which went to a solver and in what order.
/// </summary>
public sealed class SingleSolverHost : FrontendHost
{
    public string DumpDirectory { get; } = Path.Combine(Path.GetTempPath(), $"hms-single-solver-{Guid.NewGuid():N}");

    public SolverPool Pool => Services.GetRequiredService<ProofEngine>().Pool;

    public ProofEngine Engine => Services.GetRequiredService<ProofEngine>();

    protected override HmsSiloOptions Configure(HmsSiloOptions silo)
    {
        silo.Solvers = new SolverPoolOptions { MaxConcurrency = 1, ShortGoalSlots = 0, DumpDirectory = DumpDirectory };
        silo.Python = false;
        return silo;
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(DumpDirectory)) Directory.Delete(DumpDirectory, recursive: true);
    }
}

/// <summary>The tests on the single-solver host, one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class SingleSolverCollection : ICollectionFixture<SingleSolverHost>
{
    public const string Name = "single solver host";
}
