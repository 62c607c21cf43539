using System.Diagnostics;
using System.Threading.Channels;
using Hms.Proving.Obligations;

namespace Hms.Service.Bench;

/// <summary>
/// The same theorems' obligations, from the same compiler, on warm solver processes of the service's count and
/// strategy, with <c>concurrency</c> theorems in flight and each theorem's goals asked at once, as the service
/// does. Portfolio races a z3 and a cvc5 process per goal and takes the first answer; the loser finishes its goal
/// before its process is free again (nothing here can interrupt it cheaply either).
/// </summary>
internal sealed class RawBaseline : IAsyncDisposable
{
    private readonly Dictionary<string, Channel<RawSolver>> free = [];
    private readonly List<RawSolver> all = [];
    private readonly IReadOnlyList<string> solvers;

    private RawBaseline(IReadOnlyList<string> solvers) => this.solvers = solvers;

    public static async Task<RawBaseline> StartAsync(string strategy, int processes, int timeoutSeconds, CancellationToken cancellationToken)
    {
        var baseline = new RawBaseline(strategy == "portfolio" ? ["z3", "cvc5"] : [strategy]);
        foreach (var name in baseline.solvers)
        {
            var channel = Channel.CreateUnbounded<RawSolver>();
            baseline.free[name] = channel;
            for (var i = 0; i < processes; i++)
            {
                var solver = await RawSolver.StartAsync(name, timeoutSeconds, cancellationToken);
                baseline.all.Add(solver);
                channel.Writer.TryWrite(solver);
            }
        }
        return baseline;
    }

    public async Task<(TimeSpan Wall, List<double> TheoremMs, List<string> Failures)> RunAsync(
        IReadOnlyList<IReadOnlyList<Obligation>> theorems, int concurrency, CancellationToken cancellationToken)
    {
        var times = new double[theorems.Count];
        var failures = new List<string>();
        var wall = await ClosedLoop.RunAsync(theorems.Count, concurrency, async i =>
        {
            var clock = Stopwatch.StartNew();
            var answers = await Task.WhenAll(theorems[i].Select(goal => RaceAsync(goal, cancellationToken)));
            times[i] = clock.Elapsed.TotalMilliseconds;
            foreach (var (goal, answer) in theorems[i].Zip(answers))
            {
                // Consistency holds when sat; every other obligation of these theorems is proved by unsat.
                var expected = goal.Kind == ObligationKind.Consistency ? "sat" : "unsat";
                if (answer != expected) lock (failures) failures.Add($"{goal.Id}: {answer}, expected {expected}");
            }
        });
        return (wall, [.. times], failures);
    }

    private async Task<string> RaceAsync(Obligation goal, CancellationToken cancellationToken)
    {
        var asks = solvers.Select(name => AskOnFreeAsync(name, goal, cancellationToken)).ToList();
        var first = await Task.WhenAny(asks);
        return await first;
    }

    private async Task<string> AskOnFreeAsync(string name, Obligation goal, CancellationToken cancellationToken)
    {
        var solver = await free[name].Reader.ReadAsync(cancellationToken);
        try
        {
            return await solver.AskAsync(goal, cancellationToken);
        }
        finally
        {
            free[name].Writer.TryWrite(solver);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var solver in all) await solver.DisposeAsync();
    }
}
