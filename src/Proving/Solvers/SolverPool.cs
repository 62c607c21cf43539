using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text.RegularExpressions;
using Hms.Proving.Smt;

namespace Hms.Proving.Solvers;

/// <summary>
/// Runs goals on warm z3 and cvc5 processes. At most MaxConcurrency goals run at once; others wait, shared
/// fairly between owners (<see cref="SolverRequest.Owner"/>), by clamped priority within an owner, with a lane
/// of slots that only short goals may use (<see cref="PriorityGate"/>). Each process serves one goal at a time and is reset between goals; a process that timed out,
/// died, ran an isolated or option-changing script, or reported an error is stopped and replaced on demand.
/// </summary>
public sealed partial class SolverPool : IAsyncDisposable
{
    private readonly SolverLauncher _launcher;
    private readonly Func<SolverKind, SolverProcess> _start;
    private readonly PriorityGate _gate;
    private readonly TimeSpan _killGrace;
    private readonly int _maxIdlePerKind;
    private readonly int _minPriority;
    private readonly int _maxPriority;
    private readonly TimeSpan _shortGoalTimeout;
    private readonly object _lock = new();
    private readonly Dictionary<SolverKind, Stack<SolverConversation>> _idle = new()
    {
        [SolverKind.Z3] = new(),
        [SolverKind.Cvc5] = new(),
    };
    private readonly HashSet<SolverConversation> _busy = [];
    private readonly Dictionary<SolverKind, Task<string>> _versions = [];
    private readonly CancellationTokenSource _disposing = new();
    private readonly SolverDump? _dumps;
    private readonly SolverPoolMetrics? _metrics;

    private static readonly TimeSpan MaxFiniteTimeout = TimeSpan.FromDays(24);

    /// <param name="meters">Where the pool's instruments come from (the host's); null records none.</param>
    public SolverPool(SolverPoolOptions options, IMeterFactory? meters = null)
        : this(options, start: null, meters)
    {
    }

    /// <param name="start">Starts a process of a kind; tests pass scripted stand-ins.</param>
    internal SolverPool(SolverPoolOptions options, Func<SolverKind, SolverProcess>? start, IMeterFactory? meters = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        // A snapshot: later changes to the caller's options object must not half-apply to a running pool.
        var snapshot = new SolverPoolOptions
        {
            MaxConcurrency = options.MaxConcurrency,
            MaxQueueLength = options.MaxQueueLength,
            MemoryLimitMb = options.MemoryLimitMb,
            MinPriority = options.MinPriority,
            MaxPriority = options.MaxPriority,
            ShortGoalSlots = options.ShortGoalSlots,
            ShortGoalTimeout = options.ShortGoalTimeout,
            Z3Path = options.Z3Path,
            Cvc5Path = options.Cvc5Path,
            KillGrace = options.KillGrace,
            MaxIdlePerKind = options.MaxIdlePerKind,
            DumpDirectory = options.DumpDirectory,
            Sandbox = (options.Sandbox ?? new()).Clone(),
        };
        snapshot.Validate();
        _launcher = new SolverLauncher(snapshot);
        _start = start ?? _launcher.Start;
        _killGrace = snapshot.KillGrace;
        _maxIdlePerKind = snapshot.MaxIdlePerKind;
        _minPriority = snapshot.MinPriority;
        _maxPriority = snapshot.MaxPriority;
        _shortGoalTimeout = snapshot.ShortGoalTimeout;
        try
        {
            _dumps = string.IsNullOrEmpty(snapshot.DumpDirectory) ? null : new SolverDump(snapshot.DumpDirectory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ArgumentException($"DumpDirectory '{snapshot.DumpDirectory}' cannot be written: {e.Message}", nameof(options), e);
        }
        MaxConcurrency = snapshot.MaxConcurrency;
        _gate = new PriorityGate(snapshot.MaxConcurrency, snapshot.MaxQueueLength, Statistics.SetGauges, snapshot.ShortGoalSlots);
        _metrics = meters is null ? null : new SolverPoolMetrics(meters, snapshot.MaxConcurrency, Statistics);
    }

    public SolverPoolStatistics Statistics { get; } = new();

    /// <summary>Goals that may run at once (the published capacity of a silo's solvers).</summary>
    public int MaxConcurrency { get; private init; }

    /// <summary>Raised once a goal's script is on its way to a process (test hook: find the pid to kill).</summary>
    internal event Action<SolverProcess, SolverRequest>? GoalStarted;

    internal int IdleCount(SolverKind kind)
    {
        lock (_lock) return _idle[kind].Count;
    }

    /// <summary>
    /// Solves one goal. Every solver-side failure (error, timeout, crash, bad script) comes back as a result.
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> fired; the process was killed.</exception>
    /// <exception cref="SolverQueueFullException">too many goals are waiting.</exception>
    /// <exception cref="ObjectDisposedException">the pool was disposed.</exception>
    public async Task<SolverResult> SolveAsync(SolverKind kind, SolverRequest request, CancellationToken cancellationToken = default) =>
        (await SolveAsync(kind, request, null, default, cancellationToken).ConfigureAwait(false)).Result;

    /// <summary>
    /// Solves one goal, then the follow-up goal its answer asks for (a model's confirmation with its values
    /// fixed), in the same slot of the gate and on the same process where it may be reused: a follow-up never
    /// queues behind other goals, so a confirmation is not held up by the race it is part of.
    /// </summary>
    /// <param name="followUp">Given the first answer, the goal to run next with its own time limit, or null for none.</param>
    /// <param name="interrupt">
    /// The answer is no longer wanted: a running check-sat is interrupted (z3 stays warm, cvc5 is killed) and
    /// the goal ends Unknown; never throws, unlike <paramref name="cancellationToken"/>.
    /// </param>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> fired; the process was killed.</exception>
    /// <exception cref="SolverQueueFullException">too many goals are waiting.</exception>
    /// <exception cref="ObjectDisposedException">the pool was disposed.</exception>
    public async Task<SolverAnswer> SolveAsync(SolverKind kind, SolverRequest request, Func<SolverResult, SolverRequest?>? followUp,
        CancellationToken interrupt, CancellationToken cancellationToken)
    {
        request = Checked(request);
        ObjectDisposedException.ThrowIf(_disposing.IsCancellationRequested, this);
        cancellationToken.ThrowIfCancellationRequested();
        var first = Prepare(kind, request);
        if (first.Error is { } rejected)
            return new SolverAnswer(rejected, null);

        IDisposable slot;
        var queued = Stopwatch.GetTimestamp();
        // A goal interrupted while it waits for a slot leaves the queue: its answer is no longer wanted.
        using (var waiting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, interrupt))
        {
            try
            {
                slot = await _gate.EnterAsync(TicketFor(request), waiting.Token).ConfigureAwait(false);
                _metrics?.QueueWaited(kind, queued);
            }
            catch (OperationCanceledException) when (interrupt.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                return new SolverAnswer(SolverResult.Unknown(kind, TimeSpan.Zero, "interrupted before it started: another solver answered first"), null);
            }
        }
        using var _ = slot;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _disposing.Token);
        var result = await RunInSlotAsync(kind, request, first.Script!, first.QuotedVariables!, stop.Token, interrupt, cancellationToken)
            .ConfigureAwait(false);
        if (followUp?.Invoke(result) is not { } next || interrupt.IsCancellationRequested)
            return new SolverAnswer(result, null);
        next = Checked(next);
        var second = Prepare(kind, next);
        if (second.Error is { } bad)
            return new SolverAnswer(result, bad);
        var confirmed = await RunInSlotAsync(kind, next, second.Script!, second.QuotedVariables!, stop.Token, interrupt, cancellationToken)
            .ConfigureAwait(false);
        return new SolverAnswer(result, confirmed);
    }

    private static SolverRequest Checked(SolverRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(request.Script);
        ArgumentNullException.ThrowIfNull(request.ModelVariables);
        if (request.Timeout <= TimeSpan.Zero && request.Timeout != Timeout.InfiniteTimeSpan)
            throw new ArgumentOutOfRangeException(nameof(request), request.Timeout, "a goal's Timeout must be positive (or infinite)");
        // Timers cannot count that far; a limit of weeks means no limit.
        return request.Timeout > MaxFiniteTimeout ? request with { Timeout = Timeout.InfiniteTimeSpan } : request;
    }

    private static (ScriptInspection? Script, string? QuotedVariables, SolverResult? Error) Prepare(SolverKind kind, SolverRequest request)
    {
        var script = ScriptInspection.Inspect(request.Script);
        if (script.Problem is { } problem)
            return (null, null, SolverResult.Error(kind, TimeSpan.Zero, problem));
        try
        {
            return (script, string.Join(' ', request.ModelVariables.Select(SSymbol.Quote)), null);
        }
        catch (ArgumentException e)
        {
            return (null, null, SolverResult.Error(kind, TimeSpan.Zero, $"model variable: {e.Message.Split(" (Parameter")[0]}"));
        }
    }

    private async Task<SolverResult> RunInSlotAsync(SolverKind kind, SolverRequest request, ScriptInspection script, string quotedVariables,
        CancellationToken stop, CancellationToken interrupt, CancellationToken cancellationToken)
    {
        var dialect = SolverDialect.For(kind);
        // Only options the pool sets itself survive a (reset) safely; z3 would carry a script's own into later goals.
        var reusable = !request.Isolated && !script.SetsOptions;

        for (var attempt = 0; ; attempt++)
        {
            var (conversation, warm) = TakeIdle(kind);
            if (conversation is null)
            {
                try
                {
                    conversation = new SolverConversation(_start(kind));
                    Statistics.ProcessSpawned();
                    lock (_lock) _busy.Add(conversation);
                }
                catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException or IOException)
                {
                    return SolverResult.Error(kind, TimeSpan.Zero, $"could not start {dialect.Name} ({_launcher.PathOf(kind)}): {e.Message}");
                }
            }

            GoalOutcome? outcome = null;
            var started = Stopwatch.GetTimestamp();
            try
            {
                outcome = await GoalRunner.RunAsync(conversation, dialect, request, script, quotedVariables, _killGrace,
                    process => GoalStarted?.Invoke(process, request), stop, interrupt, _dumps).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested && _disposing.IsCancellationRequested)
            {
                throw new ObjectDisposedException(nameof(SolverPool), "the solver pool was disposed while the goal ran");
            }
            catch (OperationCanceledException)
            {
                Statistics.GoalCancelled();
                throw;
            }
            finally
            {
                await ReleaseAsync(conversation, outcome?.Fate ?? ProcessFate.Discard, reusable).ConfigureAwait(false);
            }

            // A warm process that vanished while idle says nothing about this goal: run it on a fresh one.
            if (outcome.Fate == ProcessFate.DiedBeforeGoal && warm && attempt == 0)
                continue;

            Statistics.GoalRun();
            _metrics?.GoalRan(kind, started);
            if (warm) Statistics.GoalOnWarmProcess();
            if (outcome.TimedOut) Statistics.GoalTimedOut();
            return outcome.Result;
        }
    }

    /// <summary>The gate's view of a goal: its owner, its priority within the configured range, and whether it is short.</summary>
    internal GateTicket TicketFor(SolverRequest request) => new(
        request.Owner ?? "",
        Math.Clamp(request.Priority, _minPriority, _maxPriority),
        request.Timeout != Timeout.InfiniteTimeSpan && request.Timeout <= _shortGoalTimeout);

    /// <summary>The solver's name and version, e.g. "z3 4.8.12"; read once from "--version".</summary>
    /// <exception cref="InvalidOperationException">the solver could not be run or printed no version.</exception>
    public Task<string> GetVersionAsync(SolverKind kind)
    {
        lock (_lock)
        {
            if (!_versions.TryGetValue(kind, out var version) || version.IsFaulted || version.IsCanceled)
                _versions[kind] = version = ReadVersionAsync(kind);
            return version;
        }
    }

    /// <summary>Stops every process; running goals end with <see cref="ObjectDisposedException"/>.</summary>
    public async ValueTask DisposeAsync()
    {
        List<SolverConversation> idle;
        lock (_lock)
        {
            if (_disposing.IsCancellationRequested) return;
            _disposing.Cancel();
            idle = _idle.Values.SelectMany(s => s).ToList();
            foreach (var stack in _idle.Values) stack.Clear();
            // Running goals see the cancellation and release (kill) their own processes.
        }
        _gate.Dispose();
        foreach (var conversation in idle)
        {
            Statistics.ProcessKilled();
            await conversation.Process.DisposeAsync().ConfigureAwait(false);
        }
        // _disposing is deliberately not disposed: goals still unwinding read its token.
    }

    private (SolverConversation? Conversation, bool Warm) TakeIdle(SolverKind kind)
    {
        var dead = new List<SolverConversation>();
        SolverConversation? found = null;
        lock (_lock)
        {
            // Most recently used first: its pages are the likeliest to still be in memory.
            while (_idle[kind].TryPop(out var candidate))
            {
                if (candidate.Process.HasExited)
                {
                    dead.Add(candidate);
                    continue;
                }
                _busy.Add(candidate);
                found = candidate;
                break;
            }
        }
        foreach (var conversation in dead)
        {
            Statistics.ProcessDied();
            _ = conversation.Process.DisposeAsync().AsTask();
        }
        return (found, found is not null);
    }

    private async ValueTask ReleaseAsync(SolverConversation conversation, ProcessFate fate, bool reusable)
    {
        lock (_lock)
        {
            _busy.Remove(conversation);
            if (fate == ProcessFate.Reusable && reusable && !_disposing.IsCancellationRequested &&
                _idle[conversation.Process.Kind].Count < _maxIdlePerKind && !conversation.Process.HasExited)
            {
                _idle[conversation.Process.Kind].Push(conversation);
                return;
            }
        }
        if (fate is ProcessFate.Died or ProcessFate.DiedBeforeGoal) Statistics.ProcessDied();
        else Statistics.ProcessKilled();
        await conversation.Process.DisposeAsync().ConfigureAwait(false);
    }

    private async Task<string> ReadVersionAsync(SolverKind kind)
    {
        var name = SolverDialect.For(kind).Name;
        var path = _launcher.PathOf(kind);
        try
        {
            var startInfo = new ProcessStartInfo(path)
            {
                UseShellExecute = false,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            startInfo.ArgumentList.Add("--version");
            using var process = Process.Start(startInfo) ?? throw new InvalidOperationException("it did not start");
            using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                var stderr = process.StandardError.ReadToEndAsync(limit.Token);
                var stdout = await process.StandardOutput.ReadToEndAsync(limit.Token).ConfigureAwait(false);
                await stderr.ConfigureAwait(false);
                await process.WaitForExitAsync(limit.Token).ConfigureAwait(false);
                var match = VersionNumber().Match(stdout);
                return match.Success
                    ? $"{name} {match.Groups["version"].Value}"
                    : throw new InvalidOperationException($"no version in its output: {SolverResponse.Excerpt(stdout)}");
            }
            finally
            {
                if (!process.HasExited) process.Kill();
            }
        }
        catch (Exception e)
        {
            throw new InvalidOperationException($"could not read the {name} version from '{path} --version': {e.Message}", e);
        }
    }

    [GeneratedRegex(@"version (?<version>\d+(?:\.\d+)+)", RegexOptions.IgnoreCase)]
    private static partial Regex VersionNumber();
}
