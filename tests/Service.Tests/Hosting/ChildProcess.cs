using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Hms.Service.Tests.Hosting;

/// <summary>
/// An OS process this test run started, with its stdout and stderr captured line by line (for assertions
/// and for failure messages), and the signals a test needs: SIGTERM, SIGKILL.
/// </summary>
public sealed class ChildProcess : IDisposable
{
    private const int Sigterm = 15;
    private const int Sigkill = 9;

    private readonly Process process;
    private readonly ConcurrentQueue<string> stdout = new();
    private readonly ConcurrentQueue<string> log = new();
    private readonly TaskCompletionSource stdoutClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource stderrClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ChildProcess(Process process) => this.process = process;

    /// <summary>The process id, also after the process has ended.</summary>
    public int Id { get; private set; }

    public static ChildProcess Start(string fileName, IEnumerable<string> arguments, string workingDirectory,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var child = new ChildProcess(process);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) { child.stdoutClosed.TrySetResult(); return; }
            child.stdout.Enqueue(e.Data);
            child.log.Enqueue(e.Data);
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null) { child.stderrClosed.TrySetResult(); return; }
            child.log.Enqueue("stderr: " + e.Data);
        };
        if (!process.Start()) throw new InvalidOperationException($"could not start {fileName}");
        child.Id = process.Id;
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    public bool HasExited => process.HasExited;

    public int ExitCode => process.ExitCode;

    /// <summary>Completes when the process has exited.</summary>
    public Task Exited => process.WaitForExitAsync();

    /// <summary>Every stdout line so far.</summary>
    public IReadOnlyList<string> StandardOutput => [.. stdout];

    /// <summary>Every stderr line so far (without the "stderr: " mark).</summary>
    public IReadOnlyList<string> StandardError =>
        [.. log.Where(l => l.StartsWith("stderr: ", StringComparison.Ordinal)).Select(l => l["stderr: ".Length..])];

    /// <summary>The last lines of stdout and stderr interleaved, for failure messages.</summary>
    public string Tail(int lines = 40) => string.Join('\n', log.TakeLast(lines));

    /// <summary>Waits for the exit and for both output pipes to reach their end, within <paramref name="timeout"/>.</summary>
    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        try
        {
            await Task.WhenAll(process.WaitForExitAsync(), stdoutClosed.Task, stderrClosed.Task).WaitAsync(timeout);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    /// <summary>The process ids of this process's children right now (read from /proc).</summary>
    public IReadOnlyList<int> Children()
    {
        var children = new List<int>();
        try
        {
            foreach (var task in Directory.EnumerateDirectories($"/proc/{Id}/task"))
            {
                var text = File.ReadAllText(Path.Combine(task, "children"));
                children.AddRange(text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse));
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The process (or one of its threads) is gone.
        }
        return children;
    }

    /// <summary>Asks the process to stop as Ctrl-C or a service manager would.</summary>
    public void Terminate()
    {
        if (!process.HasExited) _ = Signal(Id, Sigterm);
    }

    /// <summary>kill -9 this process only: its children (and daemons it started) are left running.</summary>
    public void KillHard()
    {
        if (!process.HasExited) process.Kill(entireProcessTree: false);
    }

    /// <summary>SIGKILL to any process id (a leftover grandchild).</summary>
    public static void KillHard(int pid) => _ = Signal(pid, Sigkill);

    /// <summary>Whether a process with this id still exists (and is not a zombie).</summary>
    public static bool IsAlive(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // Field 3, after the parenthesised command name, is the state; Z is a zombie, X dead.
            var state = stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[0];
            return state is not ("Z" or "X");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>The command name of a process (e.g. "z3", "postgres"), or null when it is gone.</summary>
    public static string? CommandName(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/comm").Trim();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Kills the process (and whatever it started) if it still runs, so that no test leaves one behind.</summary>
    public void Dispose()
    {
        try
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        process.Dispose();
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Signal(int pid, int signal);
}
