using System.Diagnostics;

namespace Hms.Silo.Storage;

/// <summary>
/// A PostgreSQL cluster of our own on loopback, for `hms serve` without a connection string and for tests.
/// pg-local.sh does the work (initdb on first use, run as the postgres user, wait until ready).
/// </summary>
public sealed class LocalPostgres(string dataDirectory, int port)
{
    private static string Script => Path.Combine(AppContext.BaseDirectory, "Storage", "pg-local.sh");

    public string DataDirectory { get; } = Path.GetFullPath(dataDirectory);
    public int Port { get; } = port;

    /// <summary>Starts the cluster (creating it the first time) and returns its connection string.</summary>
    public async Task<string> StartAsync(CancellationToken cancellationToken = default) =>
        (await RunAsync(cancellationToken, "start", DataDirectory, Port.ToString(System.Globalization.CultureInfo.InvariantCulture))).Trim();

    public async Task StopAsync(CancellationToken cancellationToken = default) => await RunAsync(cancellationToken, "stop", DataDirectory);

    private static async Task<string> RunAsync(CancellationToken cancellationToken, params string[] arguments)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Script);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start bash");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"pg-local.sh {arguments[0]} failed (exit {process.ExitCode}): {(await errors).Trim()}");
        return await output;
    }
}
