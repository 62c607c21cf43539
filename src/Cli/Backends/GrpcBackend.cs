using Grpc.Core;
using Grpc.Net.Client;
using Hms.Cli.Output;
using Hms.Grains.Messages;
using Hms.Proving.Documents;
using Hms.Proving.Proof;
using Wire = Hms.Frontend.V1;

namespace Hms.Cli.Backends;

/// <summary>`hms prove --server URL`: submits each theorem over gRPC, follows its progress stream, reads the verdict.</summary>
internal sealed class GrpcBackend(GrpcChannel channel, BackendSettings settings) : IProverBackend
{
    private readonly Wire.TheoremProver.TheoremProverClient client = new(channel);

    public static GrpcBackend Connect(string url, BackendSettings settings) =>
        new(GrpcChannel.ForAddress(url, new GrpcChannelOptions { MaxSendMessageSize = 16 << 20, MaxReceiveMessageSize = 16 << 20 }), settings);

    public async Task<TheoremResult> ProveAsync(TheoremDocument document, ProgressObserver observer, CancellationToken cancellationToken)
    {
        var request = new Wire.SubmitTheoremRequest
        {
            Theorem = ToWire(document),
            Options = new Wire.ProveOptions
            {
                TimeoutSeconds = settings.TimeoutSeconds ?? 0,
                UseGeneticOptimization = settings.UseGeneticOptimization,
            },
        };
        request.Options.Strategies.AddRange(settings.Strategies);
        try
        {
            var handle = await client.SubmitTheoremAsync(request, cancellationToken: cancellationToken);
            using var watch = client.WatchTheorem(new Wire.WatchTheoremRequest { Id = handle.Id }, cancellationToken: cancellationToken);
            await ProgressRelay.FollowAsync(watch.ResponseStream.ReadAllAsync(cancellationToken),
                e => (Enum.Parse<ProgressKind>(e.Kind.ToString()), e.ObligationCount), observer);
            return WireConversion.ToResult(await client.GetTheoremAsync(new Wire.GetTheoremRequest { Id = handle.Id }, cancellationToken: cancellationToken));
        }
        catch (RpcException e) when (e.StatusCode is StatusCode.InvalidArgument or StatusCode.AlreadyExists)
        {
            return new TheoremResult(document.Id, TheoremStatus.Error, null, [], null, [], [], e.Status.Detail, TimeSpan.Zero);
        }
        catch (RpcException e) when (e.StatusCode is StatusCode.DeadlineExceeded or StatusCode.Unavailable or StatusCode.ResourceExhausted
                                     && !cancellationToken.IsCancellationRequested)
        {
            // The server could not take or finish this theorem: its error, not the end of the run.
            return new TheoremResult(document.Id, TheoremStatus.Error, null, [], null, [], [],
                $"the server did not prove it ({e.StatusCode}): {e.Status.Detail}", TimeSpan.Zero);
        }
    }

    private static Wire.Theorem ToWire(TheoremDocument d)
    {
        var t = new Wire.Theorem
        {
            Id = d.Id,
            Name = d.Name ?? "",
            Domain = d.Domain ?? "",
            Statement = d.Statement,
            LeanCode = d.LeanCode ?? "",
            Format = Enum.Parse<Wire.TheoremFormat>(d.Format.ToString()),
            TimeoutSeconds = d.TimeoutSeconds ?? 0,
            UseGeneticOptimization = d.UseGeneticOptimization,
        };
        t.Assumptions.AddRange(d.Assumptions);
        t.Strategies.AddRange(d.Strategies);
        foreach (var (name, sort) in d.Variables) t.Variables[name] = sort.ToString();
        foreach (var (key, value) in d.Metadata) t.Metadata[key] = value;
        foreach (var (head, body) in d.Definitions) t.Definitions[head] = body;
        return t;
    }

    public ValueTask DisposeAsync()
    {
        channel.Dispose();
        return ValueTask.CompletedTask;
    }
}
