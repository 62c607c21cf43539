using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace Hms.Proving.Solvers;

/// <summary>
/// Starts real solver processes inside the sandbox of <see cref="SolverSandboxOptions"/>. Each wrapper execs
/// the next (same pid), so the pid the pool kills is the solver's:
/// <c>unshare -n -- setpriv --reuid=U --regid=G --clear-groups -- prlimit --as --fsize --nproc -- solver</c>.
/// The memory limit alone makes both solvers fail fast with "out of memory" instead of swapping.
/// </summary>
internal sealed class SolverLauncher
{
    private readonly SolverPoolOptions _options;
    private readonly Lazy<Plan> _plan;

    public SolverLauncher(SolverPoolOptions options)
    {
        _options = options;
        var sandbox = options.Sandbox;
        ArgumentOutOfRangeException.ThrowIfLessThan(sandbox.MaxFileBytes, 1, "Sandbox.MaxFileBytes");
        ArgumentOutOfRangeException.ThrowIfLessThan(sandbox.MaxProcesses, 1, "Sandbox.MaxProcesses");
        ArgumentException.ThrowIfNullOrWhiteSpace(sandbox.User, "Sandbox.User");
        ScratchRoot = Path.GetFullPath(string.IsNullOrWhiteSpace(sandbox.ScratchRoot)
            ? Path.Combine(Path.GetTempPath(), "hms-solvers")
            : sandbox.ScratchRoot);
        // Probing runs processes: only once a solver is actually wanted.
        _plan = new Lazy<Plan>(MakePlan);
    }

    /// <summary>The folder under which every process gets its own scratch folder.</summary>
    public string ScratchRoot { get; }

    /// <summary>What the sandbox could not apply on this machine, each said once on stderr.</summary>
    public IReadOnlyList<string> Warnings => _plan.Value.Warnings;

    /// <summary>The user solvers run as, or null when they run as the service.</summary>
    internal (uint Uid, uint Gid)? SolverUser => _plan.Value.User;

    public string PathOf(SolverKind kind) => kind == SolverKind.Z3 ? _options.Z3Path : _options.Cvc5Path;

    public SolverProcess Start(SolverKind kind)
    {
        var plan = _plan.Value;
        // Checked here because behind the wrappers a missing solver is only an exit code of theirs.
        var solver = PathOf(kind);
        var found = solver.Contains('/') ? (File.Exists(solver) ? solver : null) : FindOnPath(solver);
        if (found is null)
            throw new FileNotFoundException($"no such solver executable: {solver}", solver);
        solver = found;
        var arguments = SolverDialect.For(kind).Arguments;
        var command = new List<string>(plan.Prefix);
        if (plan.Prlimit is not null) command.AddRange([plan.Prlimit, .. plan.Limits, "--"]);
        command.Add(solver);
        // Without prlimit only z3 can limit itself; cvc5 then runs unbounded.
        if (plan.Prlimit is null && kind == SolverKind.Z3 && _options.MemoryLimitMb > 0) command.Add($"-memory:{_options.MemoryLimitMb}");
        command.AddRange(arguments);
        return OsSolverProcess.Start(kind, command[0], command.Skip(1), ScratchRoot, plan.User);
    }

    private sealed record Plan(IReadOnlyList<string> Prefix, string? Prlimit, IReadOnlyList<string> Limits,
        (uint Uid, uint Gid)? User, IReadOnlyList<string> Warnings);

    private Plan MakePlan()
    {
        var sandbox = _options.Sandbox;
        var warnings = new List<string>();
        var prefix = new List<string>();
        (uint, uint)? user = null;
        var limits = new List<string>();
        var wantsPrlimit = _options.MemoryLimitMb > 0 || sandbox.Enabled;
        var prlimit = wantsPrlimit ? FindOnPath("prlimit") : null;
        if (wantsPrlimit && prlimit is null)
            warnings.Add("prlimit (util-linux) not found: solvers run without memory, file-size and process limits (z3 limits its own memory)");
        if (_options.MemoryLimitMb > 0) limits.Add($"--as={checked(_options.MemoryLimitMb * 1024 * 1024)}");
        if (sandbox.Enabled)
        {
            limits.Add(string.Create(CultureInfo.InvariantCulture, $"--fsize={sandbox.MaxFileBytes}"));
            limits.Add(string.Create(CultureInfo.InvariantCulture, $"--nproc={sandbox.MaxProcesses}"));
            if (!Environment.IsPrivilegedProcess)
            {
                // Already unprivileged: nothing to drop, and no network namespace without root.
            }
            else
            {
                if (sandbox.IsolateNetwork)
                {
                    if (FindOnPath("unshare") is { } unshare && Works(unshare, "-n", "--", "true"))
                        prefix.AddRange([unshare, "-n", "--"]);
                    else
                        warnings.Add("'unshare -n' is missing or not permitted here: solvers keep the service's network");
                }
                var resolved = ResolveUser(sandbox.User);
                if (resolved is not { } ids)
                {
                    warnings.Add($"user '{sandbox.User}' does not exist: solvers run as root (run the service as a non-root user)");
                }
                else if (FindOnPath("setpriv") is { } setpriv &&
                         Works(setpriv, $"--reuid={ids.Uid}", $"--regid={ids.Gid}", "--clear-groups", "--", "true"))
                {
                    prefix.AddRange([setpriv, $"--reuid={ids.Uid}", $"--regid={ids.Gid}", "--clear-groups", "--"]);
                    user = ids;
                }
                else
                {
                    warnings.Add("setpriv (util-linux) is missing or not permitted here: solvers run as root (run the service as a non-root user)");
                }
            }
        }
        foreach (var warning in warnings)
            Console.Error.WriteLine($"hms: solver sandbox: {warning}");
        return new Plan(prefix, prlimit, limits, user, warnings);
    }

    private static bool Works(string fileName, params string[] arguments)
    {
        try
        {
            var startInfo = new ProcessStartInfo(fileName) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var argument in arguments) startInfo.ArgumentList.Add(argument);
            using var process = Process.Start(startInfo);
            if (process is null) return false;
            if (!process.WaitForExit(10_000))
            {
                process.Kill();
                return false;
            }
            return process.ExitCode == 0;
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException or IOException)
        {
            return false;
        }
    }

    private static (uint Uid, uint Gid)? ResolveUser(string name)
    {
        var entry = GetPasswordEntry(name);
        if (entry == IntPtr.Zero) return null;
        // struct passwd { char *pw_name; char *pw_passwd; uid_t pw_uid; gid_t pw_gid; ... } on Linux.
        var uid = (uint)Marshal.ReadInt32(entry, 2 * IntPtr.Size);
        var gid = (uint)Marshal.ReadInt32(entry, 2 * IntPtr.Size + sizeof(uint));
        return uid == 0 ? null : (uid, gid);
    }

    [DllImport("libc", EntryPoint = "getpwnam", CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
    private static extern IntPtr GetPasswordEntry(string name);

    private static string? FindOnPath(string name)
    {
        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator))
        {
            if (directory.Length == 0) continue;
            var candidate = Path.Combine(directory, name);
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }
}
