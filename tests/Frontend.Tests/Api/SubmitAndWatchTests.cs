using Hms.Frontend.Tests.Hosting;
using Hms.Frontend.V1;

namespace Hms.Frontend.Tests.Api;

[Collection(FrontendCollection.Name)]
public sealed class SubmitAndWatchTests(FrontendHost host)
{
    private TheoremProver.TheoremProverClient Client => host.Client;

    [Fact]
    public async Task A_true_corpus_theorem_is_proved_and_its_progress_ends_with_the_verdict()
    {
        var theorem = Corpus.Load("consumer_cd_budget_exhaustion.yaml", "cd_budget_exhaustion");

        var handle = await Client.SubmitTheoremAsync(new SubmitTheoremRequest { Theorem = theorem }, deadline: Calls.Deadline());
        var events = await Client.WatchToEndAsync(handle.Id);

        Assert.Equal("cd_budget_exhaustion", handle.Id);
        Assert.Equal(ProgressKind.Submitted, events[0].Kind);
        Assert.Equal(Enumerable.Range(1, events.Count).Select(i => (long)i), events.Select(e => e.Sequence));
        Assert.All(events, e => Assert.Equal(handle.Id, e.TheoremId));
        Assert.Contains(events, e => e.Kind == ProgressKind.Decomposed && e.ObligationCount > 0);
        Assert.Contains(events, e => e.Kind == ProgressKind.ObligationFinished && e.ObligationStatus == ObligationStatus.Proved);
        Assert.Equal(ProgressKind.Completed, events[^1].Kind);
        Assert.Equal(TheoremStatus.Proved, events[^1].TheoremStatus);

        var stored = await Client.GetTheoremAsync(new GetTheoremRequest { Id = handle.Id }, deadline: Calls.Deadline());
        Assert.Equal(TheoremStatus.Proved, stored.Status);
        Assert.Equal(Theorem.ProofStateOneofCase.Proof, stored.ProofStateCase);
        Assert.NotEmpty(stored.Proof.Strategy);
        Assert.NotEmpty(stored.Obligations);
        Assert.All(stored.Obligations, o => Assert.Equal(ObligationStatus.Proved, o.Status));
        Assert.NotEqual(TheoremComplexity.Unspecified, stored.Complexity);
        Assert.NotNull(stored.CompletedAt);
        // The document comes back as it was sent.
        Assert.Equal(theorem.Statement, stored.Statement);
        Assert.Equal(theorem.Assumptions, stored.Assumptions);
        Assert.Equal(theorem.Variables, stored.Variables);
        Assert.Equal(theorem.Metadata, stored.Metadata);
        Assert.Equal("consumer_theory", stored.Domain);
    }

    [Fact]
    public async Task A_false_corpus_theorem_is_disproved_with_a_counterexample()
    {
        var theorem = Corpus.Load("finance_gordon_growth.yaml", "gordon_growth_positive");

        var handle = await Client.SubmitTheoremAsync(new SubmitTheoremRequest { Theorem = theorem }, deadline: Calls.Deadline());
        var events = await Client.WatchToEndAsync(handle.Id);

        Assert.Equal(ProgressKind.Completed, events[^1].Kind);
        Assert.Equal(TheoremStatus.Disproved, events[^1].TheoremStatus);
        var stored = await Client.GetTheoremAsync(new GetTheoremRequest { Id = handle.Id }, deadline: Calls.Deadline());
        Assert.Equal(TheoremStatus.Disproved, stored.Status);
        Assert.Equal(Theorem.ProofStateOneofCase.Counterexample, stored.ProofStateCase);
        Assert.NotEmpty(stored.Counterexample.Assignment);
        Assert.True(stored.Counterexample.Validated);
        Assert.NotEmpty(stored.Counterexample.Explanation);
        Assert.Contains(stored.Obligations, o => o.Status == ObligationStatus.Disproved);
    }

    [Fact]
    public async Task A_watch_replays_only_the_events_after_the_given_sequence()
    {
        var handle = await Client.SubmitTheoremAsync(new SubmitTheoremRequest { Theorem = Theorems.Trivial("watch-replay") },
            deadline: Calls.Deadline());
        var all = await Client.WatchToEndAsync(handle.Id);

        var lastOnly = await Client.WatchToEndAsync(handle.Id, afterSequence: all[^1].Sequence - 1);
        var none = await Client.WatchToEndAsync(handle.Id, afterSequence: all[^1].Sequence);

        Assert.Equal([all[^1]], lastOnly);
        Assert.Empty(none);
    }

    [Fact]
    public async Task Submitting_the_same_theorem_again_returns_the_same_theorem_and_starts_nothing()
    {
        var theorem = Theorems.Trivial("submit-twice");
        var first = await Client.SubmitTheoremAsync(new SubmitTheoremRequest { Theorem = theorem }, deadline: Calls.Deadline());
        var events = await Client.WatchToEndAsync(first.Id);

        var again = await Client.SubmitTheoremAsync(new SubmitTheoremRequest { Theorem = theorem }, deadline: Calls.Deadline());

        Assert.Equal(first.Id, again.Id);
        Assert.Equal(TheoremStatus.Proved, again.Status);
        Assert.Empty(await Client.WatchToEndAsync(first.Id, afterSequence: events[^1].Sequence));
    }

    [Fact]
    public async Task Replacing_a_theorem_proves_the_new_document()
    {
        var original = Theorems.Trivial("submit-replace");
        await Client.SubmitTheoremAsync(new SubmitTheoremRequest { Theorem = original }, deadline: Calls.Deadline());
        var before = await Client.WatchToEndAsync(original.Id);
        var replacement = original.Clone();
        replacement.Statement = "x < x";

        var handle = await Client.SubmitTheoremAsync(new SubmitTheoremRequest { Theorem = replacement, Replace = true },
            deadline: Calls.Deadline());
        var after = await Client.WatchToEndAsync(handle.Id, afterSequence: before[^1].Sequence);

        Assert.Equal(TheoremStatus.Disproved, after[^1].TheoremStatus);
        var stored = await Client.GetTheoremAsync(new GetTheoremRequest { Id = handle.Id }, deadline: Calls.Deadline());
        Assert.Equal("x < x", stored.Statement);
    }
}
