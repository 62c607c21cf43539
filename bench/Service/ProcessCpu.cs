using System.Globalization;

namespace Hms.Service.Bench;

/// <summary>
/// CPU seconds of a process apart from those of the processes it started (the solvers, and anything they run),
/// read from /proc: a process's own utime+stime, and for the rest its live descendants' plus what its ended
/// children left in cutime+cstime. Orleans' own statistics see only the .NET process, not its solvers.
/// </summary>
internal static class ProcessCpu
{
    /// <summary>USER_HZ: the unit of /proc/PID/stat's times on Linux, 100 on every common architecture.</summary>
    private const double TicksPerSecond = 100.0;

    public static (double Own, double Children) Read(int pid)
    {
        var (user, system, childUser, childSystem) = Stat(pid);
        var descendants = Descendants(pid).Sum(d => { var t = Stat(d); return t.User + t.System; });
        return ((user + system) / TicksPerSecond, (childUser + childSystem + descendants) / TicksPerSecond);
    }

    private static (long User, long System, long ChildUser, long ChildSystem) Stat(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // After the parenthesised command name: state is field 3, utime 14, stime 15, cutime 16, cstime 17.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            long Field(int n) => long.Parse(fields[n - 3], CultureInfo.InvariantCulture);
            return (Field(14), Field(15), Field(16), Field(17));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return default; // ended meanwhile: its time is in its parent's cutime now
        }
    }

    private static List<int> Descendants(int pid)
    {
        var all = new List<int>();
        var next = new Queue<int>([pid]);
        while (next.TryDequeue(out var p))
        {
            try
            {
                foreach (var task in Directory.EnumerateDirectories($"/proc/{p}/task"))
                {
                    foreach (var child in File.ReadAllText(Path.Combine(task, "children")).Split(' ', StringSplitOptions.RemoveEmptyEntries))
                    {
                        var c = int.Parse(child, CultureInfo.InvariantCulture);
                        all.Add(c);
                        next.Enqueue(c);
                    }
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Gone meanwhile.
            }
        }
        return all;
    }
}
