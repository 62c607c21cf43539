using System.Diagnostics;
using Hms.Proving.Checking;
using Hms.Proving.Obligations;
using Hms.Proving.Solvers;

namespace Hms.Proving.Proof;

/// <summary>
/// Proves one obligation on the solver pool. With the portfolio strategy z3 and cvc5 race; an answer counts
/// only once it is trustworthy (a model must pass the exact check), the first such answer wins and the
/// other solver is stopped. Two trustworthy answers that contradict each other are an error, never hidden.
/// </summary>
public sealed class ObligationProver(SolverPool pool)
{
    public async Task<ObligationResult> ProveAsync(Obligation obligation, ProofOptions options, TimeSpan timeout,
        CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var request = new SolverRequest(obligation.Script, timeout, [.. obligation.Symbols.Keys],
            WantUnsatCore: obligation.NamedAssumptions.Count > 0, Isolated: obligation.Isolated, Priority: options.Priority,
            Owner: options.Owner);
        SolverKind[] solvers = (options.Strategy ?? Strategy.Portfolio) switch
        {
            Strategy.Z3 => [SolverKind.Z3],
            Strategy.Cvc5 => [SolverKind.Cvc5],
            _ => [SolverKind.Z3, SolverKind.Cvc5],
        };
        using var race = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var running = solvers.Select(s => AttemptAsync(s, obligation, request, race.Token)).ToList();
        var finished = new List<SolverAttempt>();
        SolverAttempt? winner = null;
        while (running.Count > 0)
        {
            var done = await Task.WhenAny(running);
            running.Remove(done);
            SolverAttempt attempt;
            try
            {
                attempt = await done;
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                continue; // a loser stopped by the winner
            }
            finished.Add(attempt);
            if (attempt.IsDecisive && winner is null)
            {
                winner = attempt;
                await race.CancelAsync();
            }
        }
        cancellationToken.ThrowIfCancellationRequested();
        return Combine(obligation, winner, finished, clock.Elapsed);
    }

    private static ObligationResult Combine(Obligation obligation, SolverAttempt? winner, List<SolverAttempt> finished, TimeSpan elapsed)
    {
        var decisive = finished.Where(a => a.IsDecisive).ToList();
        if (decisive.Select(a => a.Status).Distinct().Count() > 1)
        {
            var says = string.Join(", ", decisive.Select(a => $"{a.SolverName} says {(a.Status == ObligationStatus.Proved ? "unsat" : "sat")}"));
            return Result(obligation, ObligationStatus.Error, null, elapsed, null, [], $"the solvers disagree: {says}");
        }
        // Both solvers read the same re-printed script, so one rejecting it does not make the other's answer
        // wrong; but the rejection is never dropped silently.
        var rejected = finished.Where(a => a.Status == ObligationStatus.Error).Select(a => $"{a.SolverName} rejected the query: {a.Reason}").ToList();
        if (winner is not null)
        {
            var used = winner.UnsatCore.Select(n => obligation.NamedAssumptions.TryGetValue(n, out var i) ? i : -1)
                .Where(i => i >= 0).Distinct().Order().ToList();
            var note = string.Join("; ", new[] { winner.Reason }.Concat(rejected).OfType<string>());
            return Result(obligation, winner.Status, winner.SolverName, winner.Elapsed, winner.Counterexample, used, note.Length > 0 ? note : null)
                with { Model = winner.Model, UnsatCore = winner.UnsatCore };
        }
        var reason = string.Join("; ", finished.Select(a => $"{a.SolverName}: {a.Reason ?? "unknown"}"));
        // Every solver that ran reported an error (under --strategy z3 the one solver did): that is the verdict.
        var status = finished.Count > 0 && rejected.Count == finished.Count ? ObligationStatus.Error : ObligationStatus.Unknown;
        return Result(obligation, status, null, elapsed, null, [], reason.Length > 0 ? reason : "no solver answered");
    }

    /// <summary>
    /// A result for <paramref name="obligation"/> from an earlier decision of the same query. A refutation is
    /// re-checked exactly against this theorem; null when it does not check (the cache is then ignored).
    /// </summary>
    public static ObligationResult? FromCache(Obligation obligation, ObligationStatus status,
        IReadOnlyDictionary<string, ModelValue> model, IReadOnlyList<string> unsatCore)
    {
        var used = unsatCore.Select(n => obligation.NamedAssumptions.TryGetValue(n, out var i) ? i : -1)
            .Where(i => i >= 0).Distinct().Order().ToList();
        if (status != ObligationStatus.Disproved || obligation.Kind == ObligationKind.Consistency)
            return Result(obligation, status, Cache, TimeSpan.Zero, null, used,
                status == ObligationStatus.Disproved ? "the assumptions are inconsistent" : null) with { UnsatCore = unsatCore };
        var check = obligation.CheckModel(model);
        if (check.Outcome != ModelCheckOutcome.Confirmed) return null;
        return Result(obligation, status, Cache, TimeSpan.Zero, Confirmed(check), [], null)
            with { Model = model };
    }

    private static Counterexample Confirmed(ModelCheck check) =>
        new(check.Assignment, true, check.Explanation)
        {
            Validation = check.ByIntervals ? CounterexampleValidation.Interval : CounterexampleValidation.Exact,
            Approximate = check.Approximate,
        };

    /// <summary>The strategy name of a result answered from the proof cache.</summary>
    public const string Cache = "cache";

    private static ObligationResult Result(Obligation o, ObligationStatus status, string? strategy, TimeSpan elapsed,
        Counterexample? counterexample, IReadOnlyList<int> used, string? reason) =>
        new(o.Id, o.Kind, o.Description, status, strategy, elapsed, counterexample, used, reason, o.ContentHash);

    private async Task<SolverAttempt> AttemptAsync(SolverKind solver, Obligation obligation, SolverRequest request, CancellationToken ct)
    {
        var answer = await pool.SolveAsync(solver, request, ct);
        switch (answer.Status)
        {
            case SolverStatus.Unsat when obligation.Kind == ObligationKind.Consistency:
                return new(solver, ObligationStatus.Disproved, answer.Elapsed, null, answer.UnsatCore ?? [], "the assumptions are inconsistent");
            case SolverStatus.Unsat:
                return new(solver, ObligationStatus.Proved, answer.Elapsed, null, answer.UnsatCore ?? [], null);
            case SolverStatus.Sat when obligation.Kind == ObligationKind.Consistency:
                return new(solver, ObligationStatus.Proved, answer.Elapsed, null, [], null);
            case SolverStatus.Sat:
                return await CheckModelAsync(solver, obligation, request, answer, ct);
            case SolverStatus.Error:
                return new(solver, ObligationStatus.Error, answer.Elapsed, null, [], answer.Reason ?? "error");
            default:
                return new(solver, ObligationStatus.Unknown, answer.Elapsed, null, [], answer.Reason ?? answer.Status.ToString().ToLowerInvariant());
        }
    }

    /// <summary>A model is a counterexample only once it is checked: exactly where possible, else by the solver with its values fixed.</summary>
    private async Task<SolverAttempt> CheckModelAsync(SolverKind solver, Obligation obligation, SolverRequest request,
        SolverResult answer, CancellationToken ct)
    {
        var model = answer.Model ?? new Dictionary<string, ModelValue>();
        var check = obligation.CheckModel(model);
        switch (check.Outcome)
        {
            case ModelCheckOutcome.Confirmed:
                var (simple, simpleCheck) = CounterexampleSimplifier.Simplify(obligation, model, check);
                return new(solver, ObligationStatus.Disproved, answer.Elapsed, Confirmed(simpleCheck), [], null)
                    { Model = simple };
            case ModelCheckOutcome.Rejected when !obligation.SolverCanConfirm:
                // The solver chose values for pow/exp/log that the true functions do not take there.
                return new(solver, ObligationStatus.Unknown, answer.Elapsed, null, [],
                    $"{solver.ToName()}'s model is no counterexample once sqrt, exp, log and powers take their true values ({check.Explanation})");
            case ModelCheckOutcome.Rejected:
                return new(solver, ObligationStatus.Unknown, answer.Elapsed, null, [],
                    $"{solver.ToName()} reported a model that failed the exact check ({check.Explanation})");
            case ModelCheckOutcome.Inexact when !obligation.SolverCanConfirm:
                return new(solver, ObligationStatus.Unknown, answer.Elapsed, null, [],
                    $"{solver.ToName()} found a candidate counterexample that interval arithmetic could not decide " +
                    $"({string.Join(", ", check.Assignment.Select(kv => $"{kv.Key} = {kv.Value}"))}: {check.Explanation}): numeric evidence only");
        }
        var confirm = await pool.SolveAsync(solver, request with { Script = obligation.ScriptWithValues(model), ModelVariables = [], WantUnsatCore = false }, ct);
        var elapsed = answer.Elapsed + confirm.Elapsed;
        var how = obligation.ConfirmedBySolver
            ? $"confirmed by a fresh {solver.ToName()} with these values fixed"
            : $"confirmed by {solver.ToName()} with these values fixed, not checked exactly";
        return confirm.Status == SolverStatus.Sat
            ? new(solver, ObligationStatus.Disproved, elapsed,
                new Counterexample(check.Assignment, obligation.ConfirmedBySolver, $"{check.Explanation}; {how}")
                {
                    Validation = CounterexampleValidation.Solver, Approximate = check.Approximate,
                }, [], null) { Model = model }
            : new(solver, ObligationStatus.Unknown, elapsed, null, [],
                $"{solver.ToName()} reported a model it could not confirm with its values fixed ({check.Explanation})");
    }
}
