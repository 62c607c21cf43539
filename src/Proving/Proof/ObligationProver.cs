using System.Diagnostics;
using Hms.Proving.Checking;
using Hms.Proving.Obligations;
using Hms.Proving.Solvers;

namespace Hms.Proving.Proof;

/// <summary>
/// Proves one obligation on the solver pool. With the portfolio strategy z3 and cvc5 race; an answer counts
/// only once it is trustworthy (unsat, or a model that passed the exact or interval check or was confirmed
/// with its values fixed). The first trustworthy answer ends the race: the other solver is interrupted (z3
/// stays warm) rather than waited for. A model that needs a solver's confirmation is confirmed by the solver
/// that found it, in the same pool slot and with a time limit of its own, while the race goes on — so it never
/// queues behind the other solver's timeout. Two trustworthy answers that contradict each other are an error.
/// </summary>
public sealed class ObligationProver(SolverPool pool) : IObligationRunner
{
    public async Task<ObligationResult> ProveAsync(Obligation obligation, ProofOptions options, TimeSpan timeout,
        CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var request = new SolverRequest(obligation.Script, timeout, [.. obligation.Symbols.Keys],
            WantUnsatCore: obligation.NamedAssumptions.Count > 0, Isolated: obligation.Isolated, Priority: options.Priority,
            Owner: options.Owner, Label: (options.Theorem ?? options.Owner) is { Length: > 0 } theorem ? $"{theorem}.{obligation.Id}" : obligation.Id);
        SolverKind[] solvers = (options.Strategy ?? Strategy.Portfolio) switch
        {
            Strategy.Z3 => [SolverKind.Z3],
            Strategy.Cvc5 => [SolverKind.Cvc5],
            _ => [SolverKind.Z3, SolverKind.Cvc5],
        };
        // Interrupting, not cancelling: a loser ends Unknown at once (a z3 in check-sat is signalled and kept),
        // and is still collected, so that a contradicting answer it had already given is never missed.
        using var interrupt = new CancellationTokenSource();
        var running = solvers.Select(s => AttemptAsync(s, obligation, request, interrupt.Token, cancellationToken)).ToList();
        var finished = new List<SolverAttempt>();
        SolverAttempt? winner = null;
        while (running.Count > 0)
        {
            var done = await Task.WhenAny(running);
            running.Remove(done);
            var attempt = await done;
            finished.Add(attempt);
            if (attempt.IsDecisive && winner is null)
            {
                winner = attempt;
                await interrupt.CancelAsync();
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

    private async Task<SolverAttempt> AttemptAsync(SolverKind solver, Obligation obligation, SolverRequest request,
        CancellationToken interrupt, CancellationToken ct)
    {
        // The model is checked as soon as it arrives, inside the goal's slot, so that a confirmation it needs
        // runs there too (SolverPool.SolveAsync's follow-up) instead of queueing for a slot of its own.
        ModelCheck? check = null;
        IReadOnlyDictionary<string, ModelValue> model = new Dictionary<string, ModelValue>();
        var reply = await pool.SolveAsync(solver, request, first =>
        {
            if (first.Status != SolverStatus.Sat || obligation.Kind == ObligationKind.Consistency) return null;
            model = first.Model ?? model;
            check = obligation.CheckModel(model);
            return NeedsConfirmation(obligation, check)
                ? request with { Script = obligation.ScriptWithValues(model), ModelVariables = [], WantUnsatCore = false, Label = request.Label + ".confirm" }
                : null;
        }, interrupt, ct);
        var answer = reply.Result;
        // No core (the solver found none within the core pass's limit): every named assumption counts as used,
        // never none — an empty list would say the claim holds without its assumptions.
        var core = answer.UnsatCore ?? (request.WantUnsatCore ? [.. obligation.NamedAssumptions.Keys] : []);
        switch (answer.Status)
        {
            case SolverStatus.Unsat when obligation.Kind == ObligationKind.Consistency:
                return new(solver, ObligationStatus.Disproved, answer.Elapsed, null, core, "the assumptions are inconsistent");
            case SolverStatus.Unsat:
                return new(solver, ObligationStatus.Proved, answer.Elapsed, null, core, null);
            case SolverStatus.Sat when obligation.Kind == ObligationKind.Consistency:
                return new(solver, ObligationStatus.Proved, answer.Elapsed, null, [], null);
            case SolverStatus.Sat:
                return Judged(solver, obligation, answer, model, check ?? obligation.CheckModel(model), reply.FollowUp);
            case SolverStatus.Error:
                return new(solver, ObligationStatus.Error, answer.Elapsed, null, [], answer.Reason ?? "error");
            default:
                return new(solver, ObligationStatus.Unknown, answer.Elapsed, null, [], answer.Reason ?? answer.Status.ToString().ToLowerInvariant());
        }
    }

    /// <summary>Whether a model that passed no exact or interval check may still be confirmed by a solver with its values fixed.</summary>
    private static bool NeedsConfirmation(Obligation obligation, ModelCheck check) =>
        check.Outcome == ModelCheckOutcome.Inexact && obligation.SolverCanConfirm;

    /// <summary>
    /// A model is a counterexample only once it is checked: exactly (or by intervals) where possible, else by
    /// the solver with its values fixed (<paramref name="confirmation"/>, run in the same slot).
    /// </summary>
    private static SolverAttempt Judged(SolverKind solver, Obligation obligation, SolverResult answer,
        IReadOnlyDictionary<string, ModelValue> model, ModelCheck check, SolverResult? confirmation)
    {
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
        if (confirmation is null)
            return new(solver, ObligationStatus.Unknown, answer.Elapsed, null, [],
                "interrupted: another solver answered first, before this model was confirmed");
        var elapsed = answer.Elapsed + confirmation.Elapsed;
        var how = obligation.ConfirmedBySolver
            ? $"confirmed by a fresh {solver.ToName()} with these values fixed"
            : $"confirmed by {solver.ToName()} with these values fixed, not checked exactly";
        return confirmation.Status == SolverStatus.Sat
            ? new(solver, ObligationStatus.Disproved, elapsed,
                new Counterexample(check.Assignment, obligation.ConfirmedBySolver, $"{check.Explanation}; {how}")
                {
                    Validation = CounterexampleValidation.Solver, Approximate = check.Approximate,
                }, [], null) { Model = model }
            : new(solver, ObligationStatus.Unknown, elapsed, null, [],
                $"{solver.ToName()} reported a model it could not confirm with its values fixed ({check.Explanation}; " +
                $"confirmation: {confirmation.Reason ?? confirmation.Status.ToString().ToLowerInvariant()})");
    }
}
