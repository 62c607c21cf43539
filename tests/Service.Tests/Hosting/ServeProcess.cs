using System.Globalization;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Hms.Frontend.V1;

namespace Hms.Service.Tests.Hosting;

/// <summary>
/// One `dotnet hms.dll serve` OS process on a fresh loopback gRPC port, and a gRPC client of it. Started
/// means listening and reporting SERVING on the standard gRPC health service.
/// </summary>
public sealed class ServeProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(45);

    private readonly GrpcChannel channel;

    private ServeProcess(ChildProcess process, string host, int grpcPort)
    {
        Process = process;
        Host = host;
        GrpcPort = grpcPort;
        channel = GrpcChannel.ForAddress(Url);
        Client = new TheoremProver.TheoremProverClient(channel);
    }

    public ChildProcess Process { get; }

    /// <summary>The address gRPC listens on (`--host`; 127.0.0.1 unless given).</summary>
    public string Host { get; }

    public int GrpcPort { get; }

    public string Url => $"http://{Host}:{GrpcPort}";

    public TheoremProver.TheoremProverClient Client { get; }

    /// <param name="created">Told of the process as soon as it runs, also when it then fails to come up (its output explains why).</param>
    public static async Task<ServeProcess> StartAsync(string dataDirectory, ServePorts ports, string workingDirectory,
        Action<ServeProcess> created)
    {
        var grpcPort = Ports.Free();
        return await StartAsync("127.0.0.1", grpcPort, ["--data-dir", dataDirectory, .. ports.Arguments()],
            new Dictionary<string, string>(), workingDirectory, created);
    }

    /// <summary>`serve --port PORT` (plus `--host HOST` unless 127.0.0.1) with <paramref name="options"/> and extra environment (e.g. Hms__Cluster__*).</summary>
    public static async Task<ServeProcess> StartAsync(string host, int grpcPort, IEnumerable<string> options,
        IReadOnlyDictionary<string, string> environment, string workingDirectory, Action<ServeProcess> created)
    {
        string[] arguments =
        [
            Repo.HmsDll, "serve", "--port", grpcPort.ToString(CultureInfo.InvariantCulture),
            .. host == "127.0.0.1" ? Array.Empty<string>() : ["--host", host],
            .. options,
        ];
        var process = ChildProcess.Start("dotnet", arguments, workingDirectory,
            new Dictionary<string, string>(environment) { ["HMS_STATE_DIR"] = workingDirectory });
        var serve = new ServeProcess(process, host, grpcPort);
        created(serve);
        try
        {
            using var timeout = new CancellationTokenSource(StartTimeout);
            await serve.WaitUntilServingAsync(timeout.Token);
            return serve;
        }
        catch (Exception e)
        {
            var why = process.HasExited ? $"exited with code {process.ExitCode}" : $"was not serving after {StartTimeout.TotalSeconds} s";
            await serve.DisposeAsync();
            throw new InvalidOperationException($"`hms serve` {why} ({e.GetType().Name}: {e.Message})\n{process.Tail()}", e);
        }
    }

    /// <summary>
    /// Waits for the listener (polled: another process's port has no event), then for the health service to
    /// say SERVING (polled too: its Watch only reports what a background publisher last saw, seconds late).
    /// </summary>
    private async Task WaitUntilServingAsync(CancellationToken cancellationToken)
    {
        await Ports.WaitUntilAcceptingAsync(System.Net.IPAddress.Parse(Host), GrpcPort, Process.Exited, cancellationToken);
        var health = new Health.HealthClient(channel);
        while (true)
        {
            if (Process.HasExited) throw new InvalidOperationException($"serve exited with code {Process.ExitCode}");
            try
            {
                var reply = await health.CheckAsync(new HealthCheckRequest(),
                    deadline: DateTime.UtcNow.AddSeconds(10), cancellationToken: cancellationToken);
                if (reply.Status == HealthCheckResponse.Types.ServingStatus.Serving) return;
            }
            catch (RpcException e) when (e.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded)
            {
                // Not ready yet.
            }
            await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
        }
    }

    /// <summary>
    /// kill -9 of the serve process alone, as a crash would end it. The PostgreSQL postmaster is not its child
    /// (pg_ctl daemonises it) and keeps running; the solver processes it had started are ended here too, so
    /// that no test leaves them behind.
    /// </summary>
    public async Task KillHardAsync()
    {
        var solvers = Process.Children().Where(pid => ChildProcess.CommandName(pid) is not (null or "postgres")).ToList();
        Process.KillHard();
        if (!await Process.WaitForExitAsync(StopTimeout))
            throw new TimeoutException($"serve (pid {Process.Id}) did not die after SIGKILL");
        foreach (var pid in solvers.Where(ChildProcess.IsAlive)) ChildProcess.KillHard(pid);
    }

    /// <summary>SIGTERM, as Ctrl-C: serve stops the silo and its PostgreSQL cluster, then exits. SIGKILL if it hangs.</summary>
    public async Task<bool> StopAsync()
    {
        if (Process.HasExited) return true;
        Process.Terminate();
        if (await Process.WaitForExitAsync(StopTimeout)) return true;
        await KillHardAsync();
        return false;
    }

    public async ValueTask DisposeAsync()
    {
        channel.Dispose();
        if (!Process.HasExited) await KillHardAsync();
        Process.Dispose();
    }
}
