using System.Globalization;
using System.Text;

namespace Hms.Interop.Bench;

/// <summary>The run as markdown, ready to paste into docs/benchmarks.md.</summary>
internal static class MarkdownReport
{
    public static string Write(MachineInfo machine, string command, int passes, IReadOnlyList<HandoverResult> handovers,
        IReadOnlyList<CallOverheadResult> calls)
    {
        var text = new StringBuilder();
        void Line(FormattableString line) => text.AppendLine(line.ToString(CultureInfo.InvariantCulture));

        Line($"Measured {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC with `{command}`.");
        Line($"");
        Line($"- machine: {machine.Cores} cores (nproc), {machine.Cpu}, {machine.Memory} memory, {machine.OperatingSystem}");
        Line($"- load average (1 min) at start and end: {machine.Load} / {MachineInfo.ReadLoad()}");
        Line($"- software: {machine.Runtime}, Python {machine.Python} (Debian, embedded with pythonnet 3.2.1), NumPy {machine.NumPy}");
        Line($"- median of {passes} timed passes after one warm-up pass");
        Line($"");
        Line($"**.NET → NumPy handover of one float64 array** (µs per array, timed inside calls):");
        Line($"");
        Line($"| size | zero-copy (shared buffer view) | copy: bytes + np.frombuffer | copy: list + np.array | memcpy alone | copy bytes ÷ zero-copy | copy bytes, GB/s | memcpy, GB/s |");
        Line($"| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var h in handovers)
        {
            Line($"| {Size(h.Bytes)} | {h.ZeroCopy:0.00} | {h.CopyBytes:0.00} | {h.CopyList:0.0} | {h.Memcpy:0.00} | {h.CopyBytes / h.ZeroCopy:0.0}× | {h.Bytes / h.CopyBytes / 1e3:0.0} | {h.Bytes / h.Memcpy / 1e3:0.0} |");
        }
        Line($"");
        Line($"**Call overhead** (µs per item; batched = 1,000 calls queued at once and awaited together):");
        Line($"");
        Line($"| work per item | a call per item, awaited one by one | batched calls | calls per GIL hold | one call looping over 1,000 items | one by one ÷ batched |");
        Line($"| --- | ---: | ---: | ---: | ---: | ---: |");
        foreach (var c in calls)
        {
            Line($"| {c.Work} | {c.Sequential:0.00} | {c.Batched:0.00} | {c.CallsPerHold:0} | {c.InsideOneCall:0.00} | {c.Sequential / c.Batched:0.0}× |");
        }
        return text.ToString();
    }

    private static string Size(int bytes) => bytes >= 1 << 20 ? $"{bytes >> 20} MB" : $"{bytes >> 10} KB";
}
