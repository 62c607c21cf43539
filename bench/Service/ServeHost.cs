using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Hms.Frontend.V1;

namespace Hms.Service.Bench;

/// <summary>
/// One `hms serve` process of the benchmark's own, on free loopback ports; with PostgreSQL storage its own
/// throwaway cluster (started by serve, destroyed here afterwards). Started means SERVING on the health service.
/// </summary>
internal sealed class ServeHost : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);
    private readonly Process process;
    private readonly GrpcChannel channel;
    private readonly string? dataDirectory;
    private readonly string root;
    private readonly Queue<string> tail = new();

    /// <summary>A silo of a PostgreSQL-membership cluster: where it binds, the database and the cluster's id.</summary>
    public sealed record ClusterMember(string Host, string Postgres, string ClusterId, string ServiceId);

    private ServeHost(Process process, string host, int port, string? dataDirectory, string root)
    {
        this.process = process;
        this.dataDirectory = dataDirectory;
        this.root = root;
        // Many calls at once on one connection: HTTP/2 streams, as one busy client would use them.
        channel = GrpcChannel.ForAddress($"http://{host}:{port}", new GrpcChannelOptions
        {
            HttpHandler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true },
        });
        Client = new TheoremProver.TheoremProverClient(channel);
    }

    public TheoremProver.TheoremProverClient Client { get; }

    /// <summary>The serve process: its CPU time and its solver processes' (<see cref="ProcessCpu"/>).</summary>
    public int ProcessId => process.Id;

    public static async Task<ServeHost> StartAsync(string hmsDll, string storage, string root, CancellationToken cancellationToken,
        ClusterMember? member = null)
    {
        var port = FreePort();
        string? data = null;
        var start = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = root,
        };
        string[] arguments =
        [
            hmsDll, "serve", "--storage", storage, "--port", Text(port),
            "--silo-port", Text(FreePort()), "--gateway-port", Text(FreePort()),
        ];
        foreach (var a in arguments) start.ArgumentList.Add(a);
        if (member is not null)
        {
            foreach (var a in new[] { "--clustering", "postgres", "--postgres", member.Postgres, "--host", member.Host }) start.ArgumentList.Add(a);
            start.Environment["Hms__Cluster__ClusterId"] = member.ClusterId;
            start.Environment["Hms__Cluster__ServiceId"] = member.ServiceId;
        }
        else if (storage == "postgres")
        {
            // Under the repository's state folder, which the postgres user can reach (pg-local.sh explains why).
            data = Path.Combine(root, ".hms", "bench-service", $"pg-{Environment.ProcessId}-{port}");
            foreach (var a in new[] { "--data-dir", data, "--postgres-port", Text(FreePort()) }) start.ArgumentList.Add(a);
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet");
        var host = new ServeHost(process, member?.Host ?? "127.0.0.1", port, data, root);
        process.OutputDataReceived += (_, e) => host.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => host.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(StartTimeout);
            await host.WaitUntilServingAsync(timeout.Token);
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    /// <summary>The serve process's resident set (VmRSS), in MiB.</summary>
    public double RssMiB()
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{process.Id}/status"))
            {
                if (!line.StartsWith("VmRSS:", StringComparison.Ordinal)) continue;
                var kb = line["VmRSS:".Length..].Trim().Split(' ')[0];
                return double.Parse(kb, CultureInfo.InvariantCulture) / 1024.0;
            }
        }
        catch (IOException)
        {
        }
        return double.NaN;
    }

    public string Tail()
    {
        lock (tail) return string.Join('\n', tail);
    }

    private void Keep(string? line)
    {
        if (line is null) return;
        lock (tail)
        {
            tail.Enqueue(line);
            while (tail.Count > 40) tail.Dequeue();
        }
    }

    private async Task WaitUntilServingAsync(CancellationToken cancellationToken)
    {
        var health = new Health.HealthClient(channel);
        while (true)
        {
            if (process.HasExited) throw new InvalidOperationException($"`hms serve` exited with code {process.ExitCode}:\n{Tail()}");
            try
            {
                var reply = await health.CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(5), cancellationToken: cancellationToken);
                if (reply.Status == HealthCheckResponse.Types.ServingStatus.Serving) return;
            }
            catch (RpcException e) when (e.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded)
            {
                // Not listening yet: another process's start has no event to await.
            }
            await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
        }
    }

    /// <summary>SIGTERM, so serve stops its PostgreSQL cluster; then the cluster's data is deleted.</summary>
    public async ValueTask DisposeAsync()
    {
        channel.Dispose();
        if (!process.HasExited)
        {
            using (var kill = Process.Start("kill", ["-TERM", Text(process.Id)])) await kill.WaitForExitAsync();
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            try
            {
                await process.WaitForExitAsync(wait.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        process.Dispose();
        if (dataDirectory is not null)
        {
            using var destroy = Process.Start("bash", [Path.Combine(root, "src", "Silo", "Storage", "pg-local.sh"), "destroy", dataDirectory]);
            await destroy.WaitForExitAsync();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string Text(int n) => n.ToString(CultureInfo.InvariantCulture);
}
