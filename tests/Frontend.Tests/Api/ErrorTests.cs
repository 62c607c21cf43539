using Grpc.Core;
using Hms.Frontend.Tests.Hosting;
using Hms.Frontend.V1;

namespace Hms.Frontend.Tests.Api;

/// <summary>Each fault a call can end with, other than overload and the ends of ProveTheorem (tested with them).</summary>
[Collection(FrontendCollection.Name)]
public sealed class ErrorTests(FrontendHost host)
{
    private TheoremProver.TheoremProverClient Client => host.Client;

    public static TheoryData<string, Action<SubmitTheoremRequest>> InvalidSubmissions => new()
    {
        { "theorem is required", r => r.Theorem = null },
        { "theorem.id is required", r => r.Theorem.Id = "" },
        { "is not a theorem id", r => r.Theorem.Id = "a/b" },
        { "is not a theorem id", r => r.Theorem.Id = ".." },
        { "is not a theorem id", r => r.Theorem.Id = new string('a', 129) },
        { "statement is required", r => r.Theorem.Statement = " " },
        { "unknown type 'Integer'", r => r.Theorem.Variables["n"] = "Integer" },
        { "unknown strategy 'mathematica'", r => r.Theorem.Strategies.Add("mathematica") },
        { "unknown strategy 'Z3'", r => r.Options = new ProveOptions { Strategies = { "Z3" } } },
        { "listed twice", r => r.Theorem.Strategies.Add(["z3", "z3"]) },
        { "timeout_seconds must be between", r => r.Theorem.TimeoutSeconds = -1 },
        { "timeout_seconds must be between", r => r.Theorem.TimeoutSeconds = 86_401 },
        { "options.timeout_seconds must be between", r => r.Options = new ProveOptions { TimeoutSeconds = -5 } },
        { "statement is longer than 1048576 bytes", r => r.Theorem.Statement = "x > 0 or " + new string(' ', 1024 * 1024) + "true" },
        { "too many assumptions, 1001", r => r.Theorem.Assumptions.Add(Enumerable.Repeat("x > 0", 1001)) },
        { "unknown format 99", r => r.Theorem.Format = (TheoremFormat)99 },
        // The core's parser judges the formula; its message comes through as it is.
        { "expected an expression after '*', found ')'", r => r.Theorem.Statement = "(x * ) > 0" },
    };

    [Theory]
    [MemberData(nameof(InvalidSubmissions))]
    public async Task An_invalid_submission_is_invalid_argument_and_says_why(string message, Action<SubmitTheoremRequest> spoil)
    {
        var request = new SubmitTheoremRequest { Theorem = Theorems.Trivial("error-invalid") };
        spoil(request);

        var failure = await Assert.ThrowsAsync<RpcException>(() =>
            Client.SubmitTheoremAsync(request, deadline: Calls.Deadline()).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, failure.StatusCode);
        Assert.Contains(message, failure.Status.Detail);
    }

    [Fact]
    public async Task Proving_an_invalid_theorem_is_invalid_argument()
    {
        var theorem = Theorems.Trivial("error-prove-invalid");

        var status = await Calls.StatusOfAsync(() => Client.ProveTheoremAsync(
            new ProveTheoremRequest { Theorem = theorem, Strategies = { "oracle" } }, deadline: Calls.Deadline()).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, status);
    }

    [Fact]
    public async Task Another_document_under_a_known_id_is_already_exists_unless_replaced()
    {
        var original = Theorems.Trivial("error-exists");
        await Client.SubmitTheoremAsync(new SubmitTheoremRequest { Theorem = original }, deadline: Calls.Deadline());
        var other = original.Clone();
        other.Statement = "x + 2 > x";

        var submitted = await Calls.StatusOfAsync(() =>
            Client.SubmitTheoremAsync(new SubmitTheoremRequest { Theorem = other }, deadline: Calls.Deadline()).ResponseAsync);
        var proved = await Calls.StatusOfAsync(() =>
            Client.ProveTheoremAsync(new ProveTheoremRequest { Theorem = other }, deadline: Calls.Deadline()).ResponseAsync);
        var replaced = await Client.SubmitTheoremAsync(new SubmitTheoremRequest { Theorem = other, Replace = true },
            deadline: Calls.Deadline());

        Assert.Equal(StatusCode.AlreadyExists, submitted);
        Assert.Equal(StatusCode.AlreadyExists, proved);
        Assert.Equal("error-exists", replaced.Id);
    }

    [Fact]
    public async Task Unknown_ids_are_not_found()
    {
        var get = await Calls.StatusOfAsync(() =>
            Client.GetTheoremAsync(new GetTheoremRequest { Id = "error-nobody" }, deadline: Calls.Deadline()).ResponseAsync);
        var watch = await Calls.StatusOfAsync(() => Client.WatchToEndAsync("error-nobody"));
        var cancel = await Calls.StatusOfAsync(() =>
            Client.CancelTheoremAsync(new CancelTheoremRequest { Id = "error-nobody" }, deadline: Calls.Deadline()).ResponseAsync);

        Assert.Equal([StatusCode.NotFound, StatusCode.NotFound, StatusCode.NotFound], [get, watch, cancel]);
    }

    [Fact]
    public async Task Malformed_ids_are_invalid_argument()
    {
        var get = await Calls.StatusOfAsync(() =>
            Client.GetTheoremAsync(new GetTheoremRequest { Id = "no spaces" }, deadline: Calls.Deadline()).ResponseAsync);
        var watch = await Calls.StatusOfAsync(() => Client.WatchToEndAsync(""));
        var cancel = await Calls.StatusOfAsync(() =>
            Client.CancelTheoremAsync(new CancelTheoremRequest { Id = "ä" }, deadline: Calls.Deadline()).ResponseAsync);

        Assert.Equal([StatusCode.InvalidArgument, StatusCode.InvalidArgument, StatusCode.InvalidArgument], [get, watch, cancel]);
    }

    [Fact]
    public async Task A_negative_watch_sequence_is_invalid_argument()
    {
        await Client.SubmitTheoremAsync(new SubmitTheoremRequest { Theorem = Theorems.Trivial("error-watch-negative") },
            deadline: Calls.Deadline());

        var status = await Calls.StatusOfAsync(() => Client.WatchToEndAsync("error-watch-negative", afterSequence: -1));

        Assert.Equal(StatusCode.InvalidArgument, status);
    }
}
