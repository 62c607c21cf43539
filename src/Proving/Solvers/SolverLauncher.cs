namespace Hms.Proving.Solvers;

/// <summary>
/// Starts real solver processes. The memory limit goes through util-linux prlimit, which sets RLIMIT_AS and
/// then execs the solver (same pid), so both solvers fail fast with "out of memory" instead of swapping.
/// </summary>
internal sealed class SolverLauncher
{
    private readonly SolverPoolOptions _options;
    private readonly string? _prlimit;

    public SolverLauncher(SolverPoolOptions options)
    {
        _options = options;
        _prlimit = options.MemoryLimitMb > 0 ? FindOnPath("prlimit") : null;
    }

    public string PathOf(SolverKind kind) => kind == SolverKind.Z3 ? _options.Z3Path : _options.Cvc5Path;

    public SolverProcess Start(SolverKind kind)
    {
        var solver = PathOf(kind);
        var arguments = SolverDialect.For(kind).Arguments;
        if (_prlimit is null)
        {
            // Without prlimit only z3 can limit itself; cvc5 then runs unbounded.
            IEnumerable<string> own = kind == SolverKind.Z3 && _options.MemoryLimitMb > 0
                ? [$"-memory:{_options.MemoryLimitMb}", .. arguments]
                : arguments;
            return OsSolverProcess.Start(kind, solver, own);
        }
        var bytes = checked(_options.MemoryLimitMb * 1024 * 1024);
        return OsSolverProcess.Start(kind, _prlimit, [$"--as={bytes}", "--", solver, .. arguments]);
    }

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
