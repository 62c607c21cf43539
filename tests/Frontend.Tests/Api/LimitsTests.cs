using Grpc.Core;
using Hms.Frontend.Tests.Hosting;
using Hms.Frontend.V1;

namespace Hms.Frontend.Tests.Api;

/// <summary>
/// Issue 7, findings 7 and 8 through gRPC: every field of a theorem has a limit (Hms:Limits, defaults here),
/// and timeout_seconds and priority a range; a request past one is INVALID_ARGUMENT naming the field, the limit
/// and the size it had, before any grain stores it.
/// </summary>
[Collection(FrontendCollection.Name)]
public sealed class LimitsTests(FrontendHost host)
{
    private TheoremProver.TheoremProverClient Client => host.Client;

    private const string Id = "limits-oversized";

    /// <summary>Theorem fields past their limit, with the whole message expected.</summary>
    public static TheoryData<string, Action<Theorem>> OversizedTheorems => new()
    {
        { $"theorem '{Id}': name is 1025 bytes, more than the limit of 1024", t => t.Name = new string('n', 1025) },
        // Bytes, not characters: 129 two-byte characters are 258 bytes.
        { $"theorem '{Id}': domain is 258 bytes, more than the limit of 256", t => t.Domain = new string('é', 129) },
        { $"theorem '{Id}': lean_code is 262145 bytes, more than the limit of 262144", t => t.LeanCode = new string('l', 256 * 1024 + 1) },
        {
            $"theorem '{Id}': metadata has 65 entries, more than the limit of 64",
            t => t.Metadata.Add(Enumerable.Range(0, 65).ToDictionary(i => $"k{i}", i => "v"))
        },
        { $"theorem '{Id}': metadata['source'] is 4097 bytes, more than the limit of 4096", t => t.Metadata["source"] = new string('s', 4097) },
        { $"theorem '{Id}': metadata key is 129 bytes, more than the limit of 128", t => t.Metadata[new string('k', 129)] = "v" },
        { $"theorem '{Id}': timeout_seconds must be between 1 and 600 (0: the default), not 601", t => t.TimeoutSeconds = 601 },
        { $"theorem '{Id}': timeout_seconds must be between 1 and 600 (0: the default), not -1", t => t.TimeoutSeconds = -1 },
    };

    [Theory]
    [MemberData(nameof(OversizedTheorems))]
    public async Task Submitting_a_theorem_past_a_field_limit_is_invalid_argument_naming_field_limit_and_size(
        string message, Action<Theorem> spoil)
    {
        var theorem = Theorems.Trivial(Id, "limits");
        spoil(theorem);

        var failure = await Assert.ThrowsAsync<RpcException>(() =>
            Client.SubmitTheoremAsync(new SubmitTheoremRequest { Theorem = theorem }, deadline: Calls.Deadline()).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, failure.StatusCode);
        Assert.Equal(message, failure.Status.Detail);
        await AssertNotStoredAsync();
    }

    [Theory]
    [MemberData(nameof(OversizedTheorems))]
    public async Task Proving_a_theorem_past_a_field_limit_is_invalid_argument_with_the_same_message(string message, Action<Theorem> spoil)
    {
        var theorem = Theorems.Trivial(Id, "limits");
        spoil(theorem);

        var failure = await Assert.ThrowsAsync<RpcException>(() =>
            Client.ProveTheoremAsync(new ProveTheoremRequest { Theorem = theorem }, deadline: Calls.Deadline()).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, failure.StatusCode);
        Assert.Equal(message, failure.Status.Detail);
        await AssertNotStoredAsync();
    }

    public static TheoryData<string, ProveOptions> OutOfRangeOptions => new()
    {
        { $"theorem '{Id}': options.timeout_seconds must be between 1 and 600 (0: the default), not 86400", new ProveOptions { TimeoutSeconds = 86_400 } },
        { $"theorem '{Id}': options.priority must be between -10 and 10, not 11", new ProveOptions { Priority = 11 } },
        { $"theorem '{Id}': options.priority must be between -10 and 10, not -2147483648", new ProveOptions { Priority = int.MinValue } },
    };

    [Theory]
    [MemberData(nameof(OutOfRangeOptions))]
    public async Task A_timeout_or_priority_out_of_range_is_invalid_argument(string message, ProveOptions options)
    {
        var failure = await Assert.ThrowsAsync<RpcException>(() => Client.SubmitTheoremAsync(
            new SubmitTheoremRequest { Theorem = Theorems.Trivial(Id, "limits"), Options = options }, deadline: Calls.Deadline()).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, failure.StatusCode);
        Assert.Equal(message, failure.Status.Detail);
        await AssertNotStoredAsync();
    }

    [Fact]
    public async Task A_prove_request_timeout_out_of_range_is_invalid_argument()
    {
        var failure = await Assert.ThrowsAsync<RpcException>(() => Client.ProveTheoremAsync(
            new ProveTheoremRequest { Theorem = Theorems.Trivial(Id, "limits"), TimeoutSeconds = 601 }, deadline: Calls.Deadline()).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, failure.StatusCode);
        Assert.Equal($"theorem '{Id}': options.timeout_seconds must be between 1 and 600 (0: the default), not 601", failure.Status.Detail);
    }

    [Fact]
    public async Task Fields_at_their_limits_and_the_extreme_priorities_are_accepted()
    {
        var theorem = Theorems.Trivial("limits-at-the-limit", "limits_ok");
        theorem.Name = new string('n', 1024);
        theorem.LeanCode = new string('l', 256 * 1024);
        theorem.TimeoutSeconds = 600;
        theorem.Metadata.Add(Enumerable.Range(0, 64).ToDictionary(i => $"k{i}", i => new string('v', i == 0 ? 4096 : 1)));

        var low = await Client.SubmitTheoremAsync(new SubmitTheoremRequest { Theorem = theorem, Options = new ProveOptions { Priority = -10 } },
            deadline: Calls.Deadline());
        theorem.Id = "limits-at-the-limit-2";
        var high = await Client.SubmitTheoremAsync(new SubmitTheoremRequest { Theorem = theorem, Options = new ProveOptions { Priority = 10 } },
            deadline: Calls.Deadline());

        Assert.Equal("limits-at-the-limit", low.Id);
        Assert.Equal("limits-at-the-limit-2", high.Id);
    }

    private async Task AssertNotStoredAsync() =>
        Assert.Equal(StatusCode.NotFound, await Calls.StatusOfAsync(() =>
            Client.GetTheoremAsync(new GetTheoremRequest { Id = Id }, deadline: Calls.Deadline()).ResponseAsync));
}
