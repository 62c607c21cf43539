namespace Hms.Proving.Solvers;

/// <summary>A solver's answer to one goal.</summary>
public enum SolverStatus
{
    Sat,
    Unsat,
    /// <summary>No verdict: timeout, incompleteness, an unsupported command, or the process died.</summary>
    Unknown,
    /// <summary>The solver reported an error; any verdict it printed as well is not trusted.</summary>
    Error,
}
