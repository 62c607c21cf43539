using Grpc.Core;
using Grpc.Net.Client;
using Hms.Frontend.Tests.Hosting;
using Hms.Frontend.V1;

namespace Hms.Frontend.Tests.Api;

/// <summary>
/// gzip negotiated per call: a client that accepts gzip gets compressed replies (Hms:Frontend:ResponseCompression),
/// and a client may compress its own request; the theorem survives both ways unchanged.
/// </summary>
[Collection(FrontendCollection.Name)]
public sealed class CompressionTests(FrontendHost host)
{
    [Fact]
    public async Task A_large_theorem_round_trips_compressed_both_ways()
    {
        // The raw HTTP/2 exchange, where the encoding of each direction is visible.
        var wire = new WireHeaders { InnerHandler = new SocketsHttpHandler() };
        using var channel = GrpcChannel.ForAddress(host.Channel.Target.StartsWith("http", StringComparison.Ordinal) ? host.Channel.Target : $"http://{host.Channel.Target}",
            new GrpcChannelOptions { HttpHandler = wire });
        var client = new TheoremProver.TheoremProverClient(channel);
        var assumptions = Enumerable.Range(0, 400).Select(i => $"x{i} >= 0 and x{i} <= {i + 1}").ToList();
        var theorem = new Theorem
        {
            Id = $"compression-{Guid.NewGuid():N}", Domain = "compression_tests", Statement = "x0 + x1 >= 0",
            Assumptions = { assumptions },
        };
        // grpc-dotnet's client compresses this call's request when asked through this header.
        var compressRequest = new Metadata { { "grpc-internal-encoding-request", "gzip" } };

        await client.SubmitTheoremAsync(new SubmitTheoremRequest { Theorem = theorem }, compressRequest, Calls.Deadline());
        var stored = await client.GetTheoremAsync(new GetTheoremRequest { Id = theorem.Id }, deadline: Calls.Deadline());

        Assert.Equal(assumptions, stored.Assumptions);
        Assert.Contains("gzip", wire.RequestEncodings);
        Assert.Contains("gzip", wire.ResponseEncodings);
    }

    [Fact]
    public async Task A_gzip_bomb_is_refused_by_its_size_once_unpacked()
    {
        // 20 MiB of one letter packs into a few KiB: the limit must hold for what the request unpacks to.
        using var channel = GrpcChannel.ForAddress(host.Channel.Target.StartsWith("http", StringComparison.Ordinal) ? host.Channel.Target : $"http://{host.Channel.Target}",
            new GrpcChannelOptions { MaxSendMessageSize = null });
        var client = new TheoremProver.TheoremProverClient(channel);
        var theorem = new Theorem { Id = $"gzip-bomb-{Guid.NewGuid():N}", Statement = new string('x', 20 * 1024 * 1024) };
        var compressRequest = new Metadata { { "grpc-internal-encoding-request", "gzip" } };

        var refused = await Assert.ThrowsAsync<RpcException>(() =>
            client.SubmitTheoremAsync(new SubmitTheoremRequest { Theorem = theorem }, compressRequest, Calls.Deadline()).ResponseAsync);

        Assert.Equal(StatusCode.ResourceExhausted, refused.StatusCode);
        var missing = await Assert.ThrowsAsync<RpcException>(() =>
            client.GetTheoremAsync(new GetTheoremRequest { Id = theorem.Id }, deadline: Calls.Deadline()).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, missing.StatusCode);
    }

    /// <summary>Records the grpc-encoding header of each request and response.</summary>
    private sealed class WireHeaders : DelegatingHandler
    {
        public List<string> RequestEncodings { get; } = [];
        public List<string> ResponseEncodings { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Headers.TryGetValues("grpc-encoding", out var sent)) lock (RequestEncodings) RequestEncodings.AddRange(sent);
            var response = await base.SendAsync(request, cancellationToken);
            if (response.Headers.TryGetValues("grpc-encoding", out var got)) lock (ResponseEncodings) ResponseEncodings.AddRange(got);
            return response;
        }
    }
}
