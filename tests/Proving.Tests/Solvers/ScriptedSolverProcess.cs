using Hms.Proving.Smt;
using Hms.Proving.Solvers;

namespace Hms.Proving.Tests.Solvers;

/// <summary>
/// A stand-in solver process for fault injection. It reads the commands sent to it and answers each with
/// what <c>respond</c> returns: lines to print, <see cref="Hang"/> (go silent until killed) or
/// <see cref="Die"/> (exit mid-answer). Commands it is not told about print nothing; echo echoes like z3.
/// </summary>
internal sealed class ScriptedSolverProcess(SolverKind kind, Func<SList, string[]?> respond) : SolverProcess(kind)
{
    public static readonly string[] Hang = ["<hang>"];
    public static readonly string[] Die = ["<die>"];

    private static int _nextId = 1_000_000;
    private readonly object _lock = new();
    private bool _hanging;
    private bool _exited;

    public override int Id { get; } = Interlocked.Increment(ref _nextId);

    public override bool HasExited
    {
        get
        {
            lock (_lock) return _exited;
        }
    }

    public bool WasKilled { get; private set; }

    public List<string> Sent { get; } = [];

    /// <summary>Ends the process as if it crashed while idle.</summary>
    public void Crash() => Exit();

    public override Task SendAsync(string text, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (_exited)
                throw new SolverProcessDiedException("exit code 1") { BeforeRequest = true };
            Sent.Add(text);
            foreach (var command in SExprReader.ParseAll(text).OfType<SList>())
            {
                if (_hanging || _exited) break;
                var reply = respond(command) ?? Default(command);
                if (ReferenceEquals(reply, Hang))
                    _hanging = true;
                else if (ReferenceEquals(reply, Die))
                    ExitLocked();
                else
                    foreach (var line in reply) Emit(line);
            }
        }
        return Task.CompletedTask;
    }

    public override Task<string> DescribeExitAsync() => Task.FromResult(WasKilled ? "exit code 137, signal 9" : "exit code 1");

    public override string TakeDiagnostics() => "";

    public override void Kill()
    {
        WasKilled = true;
        Exit();
    }

    public override ValueTask DisposeAsync()
    {
        if (!HasExited) Kill();
        return ValueTask.CompletedTask;
    }

    private static string[] Default(SList command) => command switch
    {
        { Items: [SSymbol { Name: "echo" }, SString text] } => [text.Value],
        _ => [],
    };

    private void Exit()
    {
        lock (_lock) ExitLocked();
    }

    private void ExitLocked()
    {
        _exited = true;
        EndOfOutput();
    }
}
