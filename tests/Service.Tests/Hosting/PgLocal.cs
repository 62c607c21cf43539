namespace Hms.Service.Tests.Hosting;

/// <summary>src/Silo/Storage/pg-local.sh, which `serve` uses to run its own PostgreSQL cluster.</summary>
public static class PgLocal
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    /// <summary>True while the cluster under <paramref name="dataDirectory"/> runs (`status` exits 0; 3 is stopped).</summary>
    public static async Task<bool> IsRunningAsync(string dataDirectory)
    {
        var (exit, output) = await RunAsync("status", dataDirectory);
        return exit switch
        {
            0 => true,
            3 => false,
            _ => throw new InvalidOperationException($"pg-local.sh status exited {exit}: {output}"),
        };
    }

    /// <summary>`pg_ctl stop -m immediate`: the cluster goes down as in a crash, mid-transaction, without a checkpoint.</summary>
    public static async Task CrashAsync(string dataDirectory) => await RunCheckedAsync("stop", dataDirectory, "immediate");

    /// <summary>Starts the cluster again on its port, waiting until it accepts connections.</summary>
    public static async Task StartAsync(string dataDirectory, int port) =>
        await RunCheckedAsync("start", dataDirectory, port.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Stops the cluster (no-op when stopped) and deletes its data, also where pg-local.sh put it outside the folder.</summary>
    public static async Task DestroyAsync(string dataDirectory)
    {
        if (!Directory.Exists(dataDirectory)) return;
        foreach (var command in new[] { "stop", "destroy" })
        {
            var (exit, output) = await RunAsync(command, dataDirectory);
            if (exit != 0) throw new InvalidOperationException($"pg-local.sh {command} exited {exit}: {output}");
        }
    }

    private static async Task RunCheckedAsync(string command, string dataDirectory, string argument)
    {
        var (exit, output) = await RunAsync(command, dataDirectory, argument);
        if (exit != 0) throw new InvalidOperationException($"pg-local.sh {command} {argument} exited {exit}: {output}");
    }

    private static async Task<(int Exit, string Output)> RunAsync(string command, string dataDirectory, params string[] more)
    {
        using var script = ChildProcess.Start("bash", [Repo.PgLocalScript, command, dataDirectory, .. more], Repo.Root);
        if (!await script.WaitForExitAsync(Timeout))
            throw new TimeoutException($"pg-local.sh {command} {dataDirectory} did not finish in {Timeout}: {script.Tail()}");
        return (script.ExitCode, script.Tail());
    }
}
