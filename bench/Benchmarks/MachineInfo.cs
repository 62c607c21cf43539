using System.Runtime.InteropServices;
using Hms.Proving.Solvers;

namespace Hms.Benchmarks;

/// <summary>What the numbers were measured on; ratios travel between machines, absolute times do not.</summary>
internal sealed record MachineInfo(int Cores, string Cpu, string Memory, string OperatingSystem, string Runtime,
    IReadOnlyList<string> Solvers, DateTimeOffset Date, string LoadBefore)
{
    public static async Task<MachineInfo> ReadAsync(IReadOnlyList<SolverKind> solvers)
    {
        var versions = new List<string>();
        // The pool's own version probe, so the report names the binaries the pool really runs.
        await using (var pool = new SolverPool(new SolverPoolOptions()))
        {
            foreach (var kind in solvers)
            {
                try
                {
                    versions.Add(await pool.GetVersionAsync(kind).ConfigureAwait(false));
                }
                catch (InvalidOperationException e)
                {
                    versions.Add($"{SolverScripts.Name(kind)}: {e.Message}");
                }
            }
        }
        return new MachineInfo(
            Environment.ProcessorCount,
            FirstValue("/proc/cpuinfo", "model name") ?? RuntimeInformation.ProcessArchitecture.ToString(),
            MemoryTotal() ?? "unknown",
            OsName() ?? RuntimeInformation.OSDescription,
            RuntimeInformation.FrameworkDescription,
            versions,
            DateTimeOffset.UtcNow,
            ReadLoad());
    }

    /// <summary>The 1-minute load average: other work the machine was doing while the ratios were taken.</summary>
    public static string ReadLoad() => FirstField("/proc/loadavg") ?? "unknown";

    private static string? FirstField(string path)
    {
        try
        {
            return File.ReadAllText(path).Split(' ')[0];
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static string? MemoryTotal()
    {
        // "MemTotal:       24684084 kB"
        var text = FirstValue("/proc/meminfo", "MemTotal");
        var kb = text?.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        return long.TryParse(kb, out var k) ? $"{k / 1024.0 / 1024.0:0.0} GiB" : text;
    }

    private static string? OsName()
    {
        var name = FirstValue("/etc/os-release", "PRETTY_NAME", '=');
        return name?.Trim('"');
    }

    /// <summary>The value after the first "key: value" (or "key=value") line of a file, or null.</summary>
    private static string? FirstValue(string path, string key, char separator = ':')
    {
        try
        {
            foreach (var line in File.ReadLines(path))
            {
                var at = line.IndexOf(separator);
                if (at > 0 && line[..at].Trim() == key)
                    return line[(at + 1)..].Trim();
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
        return null;
    }
}
