using Grpc.Core;
using Hms.Frontend.Tests.Hosting;
using Hms.Frontend.V1;

namespace Hms.Frontend.Tests.Api;

/// <summary>
/// Batches on a pool of one solver slot, held by a goal that never ends until it is cancelled: the batch's goals
/// line up behind it, and the prover log shows which reached a solver, and in what order once the slot frees.
/// </summary>
[Collection(SingleSolverCollection.Name)]
public sealed class SaturatedPoolTests(SingleSolverHost host)
{
    private TheoremProver.TheoremProverClient Client => host.Client;

    [Fact]
    public async Task An_obligation_two_theorems_of_a_batch_share_goes_to_a_solver_once()
    {
        var blocker = await SaturateAsync("saturated-dedupe-blocker");
        var joinedBefore = host.Engine.JoinedInFlight;
        var a = Claim("saturated-dedupe-a", "w*w + 4242 >= 4242", 0);
        var b = Claim("saturated-dedupe-b", "w*w + 4242 >= 4242", 0);
        b.Theorem.Name = "the same claim under another name";
        using var batch = Client.BatchProveTheoremsAsync(new BatchProveTheoremsRequest { Theorems = { a, b } }, deadline: Calls.Deadline());
        // Both are waiting, one of them on the other's proof, before the slot frees: the cache cannot have helped.
        await Until.TrueAsync(() => host.Pool.Statistics.Queued == 1 && host.Engine.JoinedInFlight == joinedBefore + 1,
            "one goal queued and the other theorem waiting on it");

        await Client.CancelTheoremAsync(new CancelTheoremRequest { Id = blocker }, deadline: Calls.Deadline());
        var reply = await batch.ResponseAsync;

        Assert.All(reply.Results, r => Assert.Equal(TheoremStatus.Proved, r.Theorem.Status));
        var dumped = DumpsOf(a.Theorem.Id).Concat(DumpsOf(b.Theorem.Id)).ToList();
        Assert.Single(dumped);
        Assert.Contains(reply.Results, r => r.Theorem.Obligations.Single().Strategy == "cache");
    }

    [Fact]
    public async Task Under_a_saturated_pool_the_batch_goals_run_highest_priority_first()
    {
        var blocker = await SaturateAsync("saturated-priority-blocker");
        TheoremToProve[] entries =
        [
            Claim("saturated-low-1", "v*v + 5101 >= 5101", -5),
            Claim("saturated-high-1", "v*v + 5102 >= 5102", 5),
            Claim("saturated-low-2", "v*v + 5103 >= 5103", -5),
            Claim("saturated-normal", "v*v + 5104 >= 5104", 0),
            Claim("saturated-high-2", "v*v + 5105 >= 5105", 5),
        ];
        var request = new BatchProveTheoremsRequest();
        request.Theorems.AddRange(entries);
        using var batch = Client.BatchProveTheoremsAsync(request, deadline: Calls.Deadline());
        await Until.TrueAsync(() => host.Pool.Statistics.Queued == entries.Length, "every goal of the batch queued");

        await Client.CancelTheoremAsync(new CancelTheoremRequest { Id = blocker }, deadline: Calls.Deadline());
        var reply = await batch.ResponseAsync;

        Assert.Equal(entries.Select(e => e.Theorem.Id), reply.Results.Select(r => r.Theorem.Id));
        Assert.All(reply.Results, r => Assert.Equal(TheoremStatus.Proved, r.Theorem.Status));
        // One slot: each goal's log file is written before the next goal starts.
        var order = entries.Select(e => (e.Theorem.Id, Written: File.GetLastWriteTimeUtc(DumpsOf(e.Theorem.Id).Single())))
            .OrderBy(x => x.Written).Select(x => x.Id).ToList();
        Assert.Equal(["high", "high", "normal", "low", "low"], order.Select(id => id.Split('-')[1]));
    }

    private static TheoremToProve Claim(string id, string statement, int priority) => new()
    {
        Theorem = new Theorem { Id = id, Statement = statement, Domain = "frontend_tests" },
        Options = new ProveOptions { Priority = priority, Strategies = { "z3" } },
    };

    private IEnumerable<string> DumpsOf(string theoremId) =>
        Directory.Exists(host.DumpDirectory) ? Directory.EnumerateFiles(host.DumpDirectory, $"{theoremId}.*.smt2") : [];

    /// <summary>Submits a goal z3 never settles (Fermat for cubes) and waits until it holds the one slot.</summary>
    private async Task<string> SaturateAsync(string id)
    {
        var theorem = new Theorem
        {
            Id = id, Domain = "frontend_tests_endless", Statement = "x^3 + y^3 != z^3 or x*y*z = 0", TimeoutSeconds = 600, Strategies = { "z3" },
        };
        theorem.Variables.Add(new Dictionary<string, string> { ["x"] = "Int", ["y"] = "Int", ["z"] = "Int" });
        await Client.SubmitTheoremAsync(new SubmitTheoremRequest { Theorem = theorem }, deadline: Calls.Deadline());
        await Until.TrueAsync(() => host.Pool.Statistics.Running == 1 && host.Pool.Statistics.Queued == 0, "the endless goal holds the slot");
        return id;
    }
}
