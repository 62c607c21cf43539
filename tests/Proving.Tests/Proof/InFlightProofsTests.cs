using Hms.Proving.Compiling;
using Hms.Proving.Documents;
using Hms.Proving.Obligations;
using Hms.Proving.Proof;

namespace Hms.Proving.Tests.Proof;

/// <summary>
/// The in-flight table on its own, with a proof the test answers by hand (the real solvers are the service tests'):
/// who shares an answer, who keeps a shared proof alive, and when a waiter proves for itself.
/// </summary>
public sealed class InFlightProofsTests
{
    private static Obligation ClaimOf(string id) =>
        TheoremCompiler.Compile(new TheoremDocument { Id = id, Statement = "q*q + 3 >= 3" }).Obligations.Single();

    /// <summary>A proof that waits for the test's answer and counts its calls.</summary>
    private sealed class HandProof
    {
        public TaskCompletionSource<ObligationResult> Answer { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource<CancellationToken> Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public int Calls;

        public Func<CancellationToken, Task<ObligationResult>> For(Obligation obligation) => async token =>
        {
            Interlocked.Increment(ref Calls);
            Started.TrySetResult(token);
            using var stop = token.Register(() => Answer.TrySetCanceled(token));
            var answer = await Answer.Task;
            return answer with { ObligationId = obligation.Id };
        };

        public static ObligationResult Of(Obligation o, ObligationStatus status) =>
            new(o.Id, o.Kind, o.Description, status, "z3", TimeSpan.FromMilliseconds(3), null, [], null, o.ContentHash);
    }

    [Fact]
    public async Task A_second_theorem_waits_for_the_first_ones_proof_and_one_leaving_does_not_stop_it()
    {
        var (a, b) = (ClaimOf("first"), ClaimOf("second"));
        Assert.Equal(a.ContentHash, b.ContentHash);
        var table = new InFlightProofs();
        var proof = new HandProof();
        using var leaveA = new CancellationTokenSource();

        var first = table.ProveAsync(a, proof.For(a), leaveA.Token);
        var shared = await proof.Started.Task;
        var second = table.ProveAsync(b, proof.For(b), CancellationToken.None);
        await leaveA.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
        proof.Answer.SetResult(HandProof.Of(a, ObligationStatus.Proved));
        var result = await second;

        Assert.False(shared.IsCancellationRequested);
        Assert.Equal(1, proof.Calls);
        Assert.Equal(ObligationStatus.Proved, result.Status);
        Assert.Equal(ObligationProver.Cache, result.Strategy);
        Assert.Equal(1, table.Joined);
        Assert.Equal(1, table.Shared);
        Assert.Equal(0, table.Count);
    }

    [Fact]
    public async Task The_last_waiter_leaving_stops_the_shared_proof()
    {
        var a = ClaimOf("alone");
        var table = new InFlightProofs();
        var proof = new HandProof();
        using var leave = new CancellationTokenSource();

        var waiting = table.ProveAsync(a, proof.For(a), leave.Token);
        var shared = await proof.Started.Task;
        await leave.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        Assert.True(shared.IsCancellationRequested);
        Assert.Equal(0, table.Count);
    }

    [Fact]
    public async Task An_undecided_shared_answer_is_not_taken_the_waiter_proves_for_itself()
    {
        var (a, b) = (ClaimOf("timed-out"), ClaimOf("patient"));
        var table = new InFlightProofs();
        var proof = new HandProof();
        var own = new HandProof();
        own.Answer.SetResult(HandProof.Of(b, ObligationStatus.Proved));

        var first = table.ProveAsync(a, proof.For(a), CancellationToken.None);
        await proof.Started.Task;
        var second = table.ProveAsync(b, own.For(b), CancellationToken.None);
        proof.Answer.SetResult(HandProof.Of(a, ObligationStatus.Unknown));

        Assert.Equal(ObligationStatus.Unknown, (await first).Status);
        Assert.Equal(ObligationStatus.Proved, (await second).Status);
        Assert.Equal(1, own.Calls);
        Assert.Equal(0, table.Shared);
    }
}
