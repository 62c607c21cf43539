using System.Diagnostics;
using Hms.Proving.Smt;

namespace Hms.Proving.Solvers;

/// <summary>
/// Runs one goal on one process: preamble, script, check-sat, then the follow-up question the verdict calls
/// for (get-value, get-unsat-core or reason-unknown). Enforces the wall-clock limit by killing the process.
/// </summary>
internal sealed class GoalRunner
{
    private readonly SolverConversation _conversation;
    private readonly SolverDialect _dialect;
    private readonly SolverRequest _request;
    private readonly ScriptInspection _script;
    private readonly string _quotedVariables;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private long _scriptFirstLine;
    private volatile bool _inCheck;
    private volatile bool _interrupted;
    private int _signalled;
    private bool _plainPass;
    private TimeSpan _plainStarted;

    private GoalRunner(SolverConversation conversation, SolverDialect dialect, SolverRequest request,
        ScriptInspection script, string quotedVariables)
    {
        _conversation = conversation;
        _dialect = dialect;
        _request = request;
        _script = script;
        _quotedVariables = quotedVariables;
    }

    private SolverKind Kind => _dialect.Kind;
    private string Name => _dialect.Name;

    /// <summary>Runs the goal. Only cancellation escapes as an exception; every other failure is a result.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> fired.</exception>
    /// <param name="interrupt">
    /// Fires when the answer is no longer wanted (another solver won the race): a running check-sat is
    /// interrupted, keeping the process warm where the solver allows it (<see cref="SolverProcess.Interrupt"/>),
    /// and the goal ends Unknown. Unlike <paramref name="cancellationToken"/> it never throws.
    /// </param>
    public static Task<GoalOutcome> RunAsync(SolverConversation conversation, SolverDialect dialect, SolverRequest request,
        ScriptInspection script, string quotedVariables, TimeSpan killGrace, Action<SolverProcess>? scriptSent,
        CancellationToken cancellationToken, CancellationToken interrupt = default, SolverDump? dump = null) =>
        new GoalRunner(conversation, dialect, request, script, quotedVariables).RunAsync(killGrace, scriptSent, cancellationToken, interrupt, dump);

    private async Task<GoalOutcome> RunAsync(TimeSpan killGrace, Action<SolverProcess>? onScriptSent, CancellationToken cancellationToken,
        CancellationToken interrupt, SolverDump? dump)
    {
        GoalOutcome outcome;
        if (dump is not null) _conversation.Transcript = new System.Text.StringBuilder();
        try
        {
            using (interrupt.Register(static r => ((GoalRunner)r!).Interrupt(), this))
                outcome = await RunGoalAsync(killGrace, onScriptSent, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (dump is not null && _conversation.Transcript is { } transcript)
            {
                _conversation.Transcript = null;
                dump.Write(_request, Kind, transcript.ToString());
            }
        }
        if (!_interrupted || outcome.Result.IsDecisive) return outcome;
        var fate = outcome.Fate == ProcessFate.Reusable ? ProcessFate.Reusable : ProcessFate.Discard;
        return new(Unknown("interrupted: another solver answered first"), fate);
    }

    // Only a running check-sat is interrupted: the follow-ups (get-value, reason-unknown) are quick, and a
    // signal between commands would end a z3 that is waiting at its prompt.
    private void Interrupt()
    {
        _interrupted = true;
        if (_inCheck) SignalOnce();
    }

    // One signal per goal: a second SIGINT could reach z3 after it is back at its prompt, which ends it.
    private void SignalOnce()
    {
        if (Interlocked.Exchange(ref _signalled, 1) == 0) _conversation.Process.Interrupt();
    }

    private async Task<GoalOutcome> RunGoalAsync(TimeSpan killGrace, Action<SolverProcess>? onScriptSent, CancellationToken cancellationToken)
    {
        var finite = _request.Timeout != Timeout.InfiniteTimeSpan;
        var hardLimit = finite ? _request.Timeout + killGrace : Timeout.InfiniteTimeSpan;
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (finite) limit.CancelAfter(hardLimit);
        // Killing is what stops a solver that ignores its own soft limit, and it also ends any pending read or write.
        using var killer = limit.Token.Register(static p => ((SolverProcess)p!).Kill(), _conversation.Process);

        var scriptSent = false;
        try
        {
            // A goal that wants a core is decided in two forms, the second only when the first has not answered in
            // a share of the limit. First as written, named, with cores on. Then, if undecided, without names and
            // cores (ScriptInspection.UnnamedText), its core a pass of its own (CorePassAsync). z3 treats tracked
            // (named) assertions differently, and which form is fast depends on the goal: the corpus's tax-incidence
            // claim takes 4.7-9 s named and 20 ms plain; examples/textbook's Solow steady state 0.7 s named and over
            // 20 s plain (there z3 also overruns its own soft limit, so the named form, the one that was always
            // sent, comes first).
            var twoForms = _request.WantUnsatCore;
            var firstLimit = twoForms ? FirstFormLimit(_request.Timeout) : _request.Timeout;
            var preamble = _dialect.Preamble(_request with { Timeout = firstLimit }, _script);
            _scriptFirstLine = _conversation.LinesSent + preamble.Count(c => c == '\n') + 1;
            // The re-printed script, never the request's own text: what was checked is what the solver reads.
            if (_interrupted) return new(Unknown("interrupted before it started"), ProcessFate.Reusable);
            _inCheck = true;
            if (_interrupted) SignalOnce();
            string output;
            try
            {
                output = await _conversation.AskAsync(preamble + _script.Text + "(check-sat)\n", limit.Token, () =>
                {
                    scriptSent = true;
                    onScriptSent?.Invoke(_conversation.Process);
                }).ConfigureAwait(false);
                var left = finite ? _request.Timeout - _clock.Elapsed : Timeout.InfiniteTimeSpan;
                if (twoForms && !_interrupted && SolverResponse.Parse(output) is { Verdict: SolverStatus.Unknown, Errors.Count: 0 }
                    && (!finite || left > CoreBase))
                {
                    _plainPass = true;
                    _plainStarted = _clock.Elapsed;
                    var plain = _dialect.Preamble(_request with { WantUnsatCore = false, Timeout = left }, _script);
                    _scriptFirstLine = _conversation.LinesSent + plain.Count(c => c == '\n') + 1;
                    output = await _conversation.AskAsync(plain + _script.UnnamedText + "(check-sat)\n", limit.Token).ConfigureAwait(false);
                }
            }
            finally
            {
                _inCheck = false;
            }
            var answer = SolverResponse.Parse(output);
            if (Failure(answer) is { } failure)
                return new(failure, ProcessFate.Discard);
            if (answer.Unsupported)
            {
                var detail = _conversation.Process.TakeDiagnostics().Trim();
                var reason = $"{Name} reported a command or option of the script as unsupported";
                return new(Unknown(detail.Length > 0 ? $"{reason} ({FirstLine(detail)})" : reason), ProcessFate.Reusable);
            }
            if (answer.Verdict is not { } verdict)
                return new(Error($"unexpected {Name} output: {SolverResponse.Excerpt(output)}"), ProcessFate.Discard);

            // Follow-ups are quick; a verdict that arrived just before the deadline still gets its model.
            if (finite) limit.CancelAfter(Max(hardLimit - _clock.Elapsed, killGrace));
            return verdict switch
            {
                SolverStatus.Sat => await SatAsync(limit.Token).ConfigureAwait(false),
                SolverStatus.Unsat => await UnsatAsync(limit, killGrace, cancellationToken).ConfigureAwait(false),
                _ => await UnknownAsync(finite, limit.Token).ConfigureAwait(false),
            };
        }
        catch (Exception e) when (IsInterruption(e) && cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException("the goal was cancelled", e, cancellationToken);
        }
        catch (Exception e) when (IsInterruption(e) && limit.IsCancellationRequested)
        {
            return new(Unknown(DurationText.TimeoutReason(_request.Timeout)), ProcessFate.Discard, TimedOut: true);
        }
        catch (SolverProcessDiedException died)
        {
            return Died(died, scriptSent);
        }
        catch (SolverProtocolException e)
        {
            return new(Error(e.Message), ProcessFate.Discard);
        }
    }

    private static bool IsInterruption(Exception e) =>
        e is OperationCanceledException or SolverProcessDiedException or SolverProtocolException;

    private GoalOutcome Died(SolverProcessDiedException died, bool scriptSent)
    {
        var partial = SolverResponse.Parse(died.PartialOutput);
        // cvc5 exits after every error; the error is the news, not the exit.
        if (partial.Errors.Count > 0)
            return new(Error($"{Name} error: {JoinErrors(partial)}"), ProcessFate.Died);
        var fate = died.BeforeRequest && !scriptSent ? ProcessFate.DiedBeforeGoal : ProcessFate.Died;
        return new(Unknown($"solver process died ({died.Detail})"), fate);
    }

    private async Task<GoalOutcome> SatAsync(CancellationToken cancellationToken)
    {
        var model = new Dictionary<string, ModelValue>(StringComparer.Ordinal);
        if (_request.ModelVariables.Count == 0)
            return new(Result(SolverStatus.Sat, model, null, null), ProcessFate.Reusable);

        var output = await _conversation.AskAsync($"(get-value ({_quotedVariables}))", cancellationToken).ConfigureAwait(false);
        var answer = SolverResponse.Parse(output);
        if (Failure(answer) is { } failure)
            return new(failure, ProcessFate.Discard);
        if (ValuePairs(answer, _request.ModelVariables.Count) is not { } values)
            return new(Error($"unexpected {Name} get-value output: {SolverResponse.Excerpt(output)}"), ProcessFate.Discard);

        var irrational = new List<int>();
        for (var i = 0; i < values.Count; i++)
        {
            if (ModelValueParser.TryParseExact(values[i]) is { } exact)
                model[_request.ModelVariables[i]] = exact;
            else if (ModelValueParser.IsAlgebraic(values[i]))
                irrational.Add(i);
            // Anything else (a value of an uninterpreted sort, an array) has no ModelValue; it is left out.
        }
        if (irrational.Count > 0)
        {
            var decimals = await ApproximateAsync(irrational, values, cancellationToken).ConfigureAwait(false);
            for (var k = 0; k < irrational.Count; k++)
            {
                var i = irrational[k];
                model[_request.ModelVariables[i]] = new AlgebraicModelValue(decimals[k], values[i].ToString());
            }
        }
        return new(Result(SolverStatus.Sat, model, null, null), ProcessFate.Reusable);
    }

    private async Task<IReadOnlyList<string>> ApproximateAsync(List<int> irrational, IReadOnlyList<SExpr> values,
        CancellationToken cancellationToken)
    {
        var fromIntervals = irrational.Select(i => ModelValueParser.TryApproximateFromInterval(values[i].ToString()) ?? "?").ToList();
        var quoted = string.Join(' ', irrational.Select(i => SSymbol.Quote(_request.ModelVariables[i])));
        if (_dialect.DecimalValuesQuery(quoted) is not { } query)
            return fromIntervals;

        var answer = SolverResponse.Parse(await _conversation.AskAsync(query, cancellationToken).ConfigureAwait(false));
        if (answer.Errors.Count > 0 || ValuePairs(answer, irrational.Count) is not { } decimals)
            return fromIntervals;
        return decimals.Select((d, k) => ModelValueParser.TryReadDecimal(d) ?? fromIntervals[k]).ToList();
    }

    /// <summary>The first form's share of a goal's limit (at least a second, or the whole limit if shorter).</summary>
    internal static TimeSpan FirstFormLimit(TimeSpan timeout)
    {
        if (timeout == Timeout.InfiniteTimeSpan) return TimeSpan.FromSeconds(10);
        var share = Max(timeout / 4, TimeSpan.FromSeconds(1));
        return share < timeout ? share : timeout;
    }

    /// <summary>How long the core pass may take at least, and per unit of the decision's own time.</summary>
    internal static readonly TimeSpan CoreBase = TimeSpan.FromMilliseconds(250);

    internal const int CoreFactor = 4;

    /// <summary>
    /// The core pass's soft limit: a few times what the decision took, never past the goal's own limit. A core is
    /// a nicety (which assumptions a proof used); the verdict is already in, so it must not cost a goal's budget.
    /// </summary>
    internal static TimeSpan CoreBudget(TimeSpan decision, TimeSpan remaining)
    {
        var wanted = CoreBase + decision * CoreFactor;
        return remaining == Timeout.InfiniteTimeSpan || wanted < remaining ? wanted : remaining;
    }

    private async Task<GoalOutcome> UnsatAsync(CancellationTokenSource limit, TimeSpan killGrace, CancellationToken cancellationToken)
    {
        var unsat = new GoalOutcome(Result(SolverStatus.Unsat, null, null, null), ProcessFate.Reusable);
        // Another solver already won the race: nobody will read this core.
        if (!_request.WantUnsatCore || _interrupted) return unsat;
        try
        {
            // Decided by the first form, which had cores on: the core is there to read.
            if (!_plainPass) return await CoreAsync(limit.Token).ConfigureAwait(false) ?? unsat with { Fate = ProcessFate.Discard };
            return await CorePassAsync(limit, killGrace).ConfigureAwait(false) ?? unsat;
        }
        catch (Exception e) when (IsInterruption(e) && !cancellationToken.IsCancellationRequested)
        {
            // The core pass ran past its limit and the process was killed: the unsat answer stands, without a core.
            return unsat with { Fate = ProcessFate.Discard };
        }
    }

    /// <summary>
    /// The same goal again with unsat cores on, under a limit of its own (<see cref="CoreBudget"/>); its core,
    /// or null when it found none in time (the caller then counts every named assumption as used).
    /// </summary>
    private async Task<GoalOutcome?> CorePassAsync(CancellationTokenSource limit, TimeSpan killGrace)
    {
        // The plain form's own time, not the first form's share before it: a few times that is what a core costs.
        var decision = _clock.Elapsed - _plainStarted;
        var remaining = _request.Timeout == Timeout.InfiniteTimeSpan ? Timeout.InfiniteTimeSpan : _request.Timeout - _clock.Elapsed;
        if (remaining != Timeout.InfiniteTimeSpan && remaining < CoreBase) return null;
        var budget = CoreBudget(decision, remaining);
        limit.CancelAfter(budget + killGrace);
        string output;
        _inCheck = true;
        try
        {
            if (_interrupted) return null;
            output = await _conversation.AskAsync(_dialect.Preamble(_request with { Timeout = budget }, _script) + _script.Text + "(check-sat)\n",
                limit.Token).ConfigureAwait(false);
        }
        finally
        {
            _inCheck = false;
        }
        var again = SolverResponse.Parse(output);
        // The verdict stands whatever the core pass says, except a contradiction; a process that said something
        // unexpected is not reused.
        var withoutCore = new GoalOutcome(Result(SolverStatus.Unsat, null, null, null), ProcessFate.Discard);
        if (Failure(again) is not null)
            return withoutCore;
        if (again.Verdict == SolverStatus.Sat)
            return new(Error($"{Name} answered unsat, then sat for the same goal with unsat cores on"), ProcessFate.Discard);
        // Unknown within the budget: no core, the process stays warm; no verdict line at all: not reused.
        if (again.Verdict != SolverStatus.Unsat)
            return again.Verdict is null ? withoutCore : null;

        return await CoreAsync(limit.Token).ConfigureAwait(false) ?? withoutCore;
    }

    /// <summary>The unsat core after an unsat answer with cores on, or null when the solver's reply is not one.</summary>
    private async Task<GoalOutcome?> CoreAsync(CancellationToken cancellationToken)
    {
        var coreOutput = await _conversation.AskAsync("(get-unsat-core)", cancellationToken).ConfigureAwait(false);
        var answer = SolverResponse.Parse(coreOutput);
        if (Failure(answer) is not null || answer.Items is not [SList core] || core.Items.Any(n => n is not SSymbol))
            return null;
        var names = core.Items.Cast<SSymbol>().Select(s => s.Name).ToList();
        return new(Result(SolverStatus.Unsat, null, names, null), ProcessFate.Reusable);
    }

    private async Task<GoalOutcome> UnknownAsync(bool finite, CancellationToken cancellationToken)
    {
        var answer = SolverResponse.Parse(
            await _conversation.AskAsync("(get-info :reason-unknown)", cancellationToken).ConfigureAwait(false));
        var reason = answer is { Errors.Count: 0, Items: [SList { Items: [SAtom { Text: ":reason-unknown" }, var value] }] }
            ? value switch
            {
                SString s => s.Value,
                SSymbol s => s.Name,
                _ => value.ToString(),
            }
            : "unknown";
        // Both solvers say "timeout" when their soft limit (our Timeout) fires; z3 sometimes says "canceled".
        if (finite && !_interrupted && reason is "timeout" or "canceled" or "cancelled")
            return new(Unknown(DurationText.TimeoutReason(_request.Timeout)), ProcessFate.Reusable, TimedOut: true);
        var text = reason is "unknown" or "" ? $"{Name} returned unknown" : $"{Name}: {reason}";
        return new(Unknown(text), ProcessFate.Reusable);
    }

    /// <summary>An Error result when the solver printed (error ...) or unreadable text, else null.</summary>
    private SolverResult? Failure(SolverResponse answer)
    {
        if (answer.Errors.Count > 0)
            return Error($"{Name} error: {JoinErrors(answer)}");
        if (answer.Unreadable is { } raw)
            return Error($"unreadable {Name} output: {SolverResponse.Excerpt(raw)}");
        return null;
    }

    private string JoinErrors(SolverResponse answer) =>
        string.Join("; ", answer.Errors.Select(e => _dialect.RelocateError(e, _scriptFirstLine, _script.LineCount)));

    /// <summary>The values of a get-value answer "((x 1) (y 2))", in request order, or null if malformed.</summary>
    private static IReadOnlyList<SExpr>? ValuePairs(SolverResponse answer, int expected)
    {
        if (answer.Items is not [SList pairs] || pairs.Count != expected)
            return null;
        var values = new List<SExpr>(expected);
        foreach (var pair in pairs.Items)
        {
            if (pair is not SList { Items: [_, var value] })
                return null;
            values.Add(value);
        }
        return values;
    }

    private static string FirstLine(string text) => text.Split('\n')[0].Trim();

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private SolverResult Result(SolverStatus status, IReadOnlyDictionary<string, ModelValue>? model,
        IReadOnlyList<string>? core, string? reason) =>
        new(Kind, status, _clock.Elapsed, model, core, reason);

    private SolverResult Unknown(string reason) => SolverResult.Unknown(Kind, _clock.Elapsed, reason);

    private SolverResult Error(string reason) => SolverResult.Error(Kind, _clock.Elapsed, reason);
}
