namespace Hms.Service.Tests.Hosting;

/// <summary>One run of the `hms` command line as its own process: exit code, stdout lines, stderr.</summary>
public sealed record HmsCliRun(int ExitCode, IReadOnlyList<string> StandardOutput, string StandardError, TimeSpan Elapsed)
{
    public static async Task<HmsCliRun> RunAsync(IEnumerable<string> arguments, TimeSpan timeout)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        using var cli = ChildProcess.Start("dotnet", [Repo.HmsDll, .. arguments], Repo.Root);
        if (!await cli.WaitForExitAsync(timeout))
            throw new TimeoutException($"`hms {string.Join(' ', arguments)}` did not finish in {timeout.TotalSeconds} s\n{cli.Tail()}");
        return new HmsCliRun(cli.ExitCode, cli.StandardOutput, string.Join('\n', cli.StandardError), clock.Elapsed);
    }
}
