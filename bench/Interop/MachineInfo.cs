using System.Runtime.InteropServices;
using Hms.Interop.Bridge;

namespace Hms.Interop.Bench;

/// <summary>What the numbers were measured on; ratios travel between machines, absolute times less so.</summary>
internal sealed record MachineInfo(int Cores, string Cpu, string Memory, string OperatingSystem, string Runtime, string Python, string NumPy, string Load)
{
    public static MachineInfo Read(PythonBridge bridge) => new(
        Environment.ProcessorCount,
        Value("/proc/cpuinfo", "model name") ?? RuntimeInformation.ProcessArchitecture.ToString(),
        TotalMemory() ?? "unknown",
        Value("/etc/os-release", "PRETTY_NAME")?.Trim('"') ?? RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription,
        bridge.PythonVersion,
        bridge.NumPyVersion ?? "missing",
        ReadLoad());

    /// <summary>The 1-minute load average: other work the machine was doing meanwhile.</summary>
    public static string ReadLoad() => Read("/proc/loadavg")?.Split(' ')[0] ?? "unknown";

    private static string? TotalMemory()
    {
        var kb = Value("/proc/meminfo", "MemTotal")?.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
        return long.TryParse(kb, out var value) ? $"{value / 1024.0 / 1024.0:0.0} GiB" : null;
    }

    private static string? Value(string path, string key)
    {
        var line = Read(path)?.Split('\n').FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal));
        var separator = line?.IndexOfAny([':', '=']) ?? -1;
        return separator < 0 ? null : line![(separator + 1)..].Trim();
    }

    private static string? Read(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (IOException)
        {
            return null;
        }
    }
}
