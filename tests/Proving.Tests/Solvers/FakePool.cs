using Hms.Proving.Smt;
using Hms.Proving.Solvers;

namespace Hms.Proving.Tests.Solvers;

/// <summary>A pool whose processes are <see cref="ScriptedSolverProcess"/>es answering with one function.</summary>
internal sealed class FakePool : IAsyncDisposable
{
    private readonly List<ScriptedSolverProcess> _started = [];

    public FakePool(Func<SList, string[]?> respond, SolverPoolOptions? options = null)
    {
        Pool = new SolverPool(options ?? new SolverPoolOptions { MaxConcurrency = 2, KillGrace = TimeSpan.FromMilliseconds(200) },
            kind =>
            {
                var process = new ScriptedSolverProcess(kind, respond);
                lock (_started) _started.Add(process);
                return process;
            });
    }

    public SolverPool Pool { get; }

    public IReadOnlyList<ScriptedSolverProcess> Started
    {
        get
        {
            lock (_started) return [.. _started];
        }
    }

    /// <summary>Answers check-sat with <paramref name="verdict"/> and get-value with x = 1.</summary>
    public static Func<SList, string[]?> Answering(string verdict) => command => command.Head switch
    {
        "check-sat" => [verdict],
        "get-value" => ["((x 1))"],
        "get-unsat-core" => ["(a1)"],
        "get-info" => ["(:reason-unknown \"incomplete\")"],
        _ => null,
    };

    public ValueTask DisposeAsync() => Pool.DisposeAsync();
}
