using System.Collections.Concurrent;
using Hms.Grains;
using Hms.Grains.Messages;
using Hms.Proving;
using Hms.Proving.Proof;
using Hms.Service.Tests.Hosting;
using Xunit.Abstractions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Streams;

namespace Hms.Service.Tests;

/// <summary>An Orleans client in this (another) process, connected through the gateway of the running `serve`.</summary>
[Collection(ServeCollection.Name)]
public sealed class OrleansClientTests(ServiceFixture service, ITestOutputHelper output) : ServiceTest(service, output)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_client_submits_a_theorem_and_follows_its_progress_stream_to_completion()
    {
        await Service.EnsureRunningAsync();
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.UseOrleansClient(client => client
            .UseLocalhostClustering(Service.Ports.Gateway)
            .AddMemoryStreams(ProgressStreams.Provider));
        using var host = builder.Build();
        using var timeout = new CancellationTokenSource(Timeout);
        await host.StartAsync(timeout.Token);
        try
        {
            var client = host.Services.GetRequiredService<IClusterClient>();
            var streams = client.GetStreamProvider(ProgressStreams.Provider);
            const string id = "orleans-client-slow";
            // What the memory stream itself delivers through the gateway, apart from ProgressFeed's replay.
            var live = new ConcurrentQueue<ProgressEvent>();
            var liveCompleted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var subscription = await streams.GetStream<ProgressEvent>(ProgressStreams.For(id)).SubscribeAsync((e, _) =>
            {
                live.Enqueue(e);
                if (e.Kind == ProgressKind.Completed) liveCompleted.TrySetResult();
                return Task.CompletedTask;
            });

            // About 3 s of solver time, so that most events come after the watch has replayed the stored ones.
            var grain = client.GetGrain<ITheoremGrain>(id);
            var submitted = await grain.SubmitAsync(SlowSpec(id), new ProveSettings(), replace: false);
            Assert.Equal(SubmitOutcome.Accepted, submitted.Outcome);

            var watched = new List<ProgressEvent>();
            try
            {
                await foreach (var e in ProgressFeed.WatchAsync(client, id, 0, timeout.Token)) watched.Add(e);
            }
            catch (OperationCanceledException)
            {
                Assert.Fail($"no Completed event within {Timeout.TotalSeconds} s; watched: {Kinds(watched)}; stream delivered: {Kinds(live)}; " +
                    $"stored: {Kinds(await grain.GetEventsAsync(0))}");
            }

            Assert.Equal(ProgressKind.Completed, watched[^1].Kind);
            Assert.Equal(Enumerable.Range(1, watched.Count).Select(i => (long)i), watched.Select(e => e.Sequence));
            var snapshot = await grain.GetAsync();
            Assert.NotNull(snapshot);
            Assert.Equal(snapshot.Status, watched[^1].TheoremStatus);
            Assert.Contains(snapshot.Status, new[] { TheoremStatus.Proved, TheoremStatus.Disproved, TheoremStatus.Unknown });
            // The stored log replays exactly what the watch saw.
            Assert.Equal(watched, await grain.GetEventsAsync(0));
            // And the memory stream delivered the live events to this client through the gateway.
            await liveCompleted.Task.WaitAsync(TimeSpan.FromSeconds(10));
            Assert.Equal(watched, live);
            await subscription.UnsubscribeAsync();
        }
        finally
        {
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await host.StopAsync(stop.Token);
        }
    }

    private static TheoremSpec SlowSpec(string id) => new()
    {
        Id = id,
        Variables = [new VariableSpec("ox", Sort.Int), new VariableSpec("oy", Sort.Int), new VariableSpec("oz", Sort.Int)],
        Assumptions = ["ox > 0 and oy > 0 and oz > 0"],
        Statement = "ox^3 + oy^3 != oz^3",
        TimeoutSeconds = 3,
    };

    private static string Kinds(IEnumerable<ProgressEvent> events) => string.Join(", ", events.Select(e => $"{e.Sequence}:{e.Kind}"));
}
