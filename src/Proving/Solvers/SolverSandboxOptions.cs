namespace Hms.Proving.Solvers;

/// <summary>
/// Defence in depth around each solver process (<c>Hms:Solvers:Sandbox</c>). The allow-lists keep a user's
/// script from asking a solver to touch files; these limits contain a solver that does anyway. Tools that are
/// missing, or that the service may not use (not root), are skipped with a warning on stderr: a proof never
/// fails for want of a sandbox.
/// </summary>
public sealed class SolverSandboxOptions
{
    /// <summary>Off: solvers run as the service, in a scratch folder, with only the memory limit.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Where each process gets an empty folder of its own, deleted when it ends; default the temp folder.</summary>
    public string? ScratchRoot { get; set; }

    /// <summary>Largest file a solver may write (prlimit --fsize); solvers write none while proving.</summary>
    public long MaxFileBytes { get; set; } = 1024 * 1024;

    /// <summary>
    /// Processes and threads of the solver's user (prlimit --nproc). Counted per user, so it must cover every
    /// solver running at once with its threads; it only stops a runaway from forking without end.
    /// </summary>
    public int MaxProcesses { get; set; } = 1024;

    /// <summary>When the service runs as root, solvers run as this unprivileged user (setpriv).</summary>
    public string User { get; set; } = "nobody";

    /// <summary>When the service runs as root, solvers get a network namespace of their own: no network (unshare -n).</summary>
    public bool IsolateNetwork { get; set; } = true;

    internal SolverSandboxOptions Clone() => (SolverSandboxOptions)MemberwiseClone();
}
