namespace Hms.Proving.Solvers;

/// <summary>One goal for a solver.</summary>
/// <param name="Script">
/// SMT-LIB 2 commands: optional set-logic, set-option/set-info, declarations and assertions (possibly named
/// with <c>(! e :named n)</c>), push/pop. No check-sat, get-*, echo, reset, exit or include: the pool owns the
/// conversation and adds those itself; a script containing them comes back as <see cref="SolverStatus.Error"/>.
/// </param>
/// <param name="Timeout">
/// Wall-clock limit for solving, counted from when the goal leaves the queue; Timeout.InfiniteTimeSpan (or
/// anything over 24 days) for none.
/// </param>
/// <param name="ModelVariables">0-ary constants whose values are fetched on sat (plain names, quoted by the pool).</param>
/// <param name="WantUnsatCore">Fetch the names of the named assertions in the unsat core on unsat.</param>
/// <param name="Isolated">
/// Untrusted script: the process that ran it is discarded afterwards. Scripts that contain set-option are
/// treated the same way even when not flagged, because z3 keeps options across (reset).
/// </param>
/// <param name="Priority">
/// Among the same owner's waiting goals, higher runs first (FIFO among equals); clamped to the pool's
/// configured range, since it is the client's choice.
/// </param>
/// <param name="Owner">
/// Whose goal this is, as an opaque key (a theorem id, a client id): the pool shares its slots fairly between
/// owners, so one owner's many or long goals cannot stall another's. Null or "" is one shared owner.
/// </param>
/// <param name="Label">
/// Names the goal in the prover log (<see cref="SolverPoolOptions.DumpDirectory"/>), e.g. "theorem.claim-1";
/// never sent to a solver.
/// </param>
public sealed record SolverRequest(
    string Script,
    TimeSpan Timeout,
    IReadOnlyList<string> ModelVariables,
    bool WantUnsatCore = false,
    bool Isolated = false,
    int Priority = 0,
    string? Owner = null,
    string? Label = null);
