namespace Hms.Proving.Solvers;

/// <summary>
/// One solver process and the running state of talking to it. Each request ends with an
/// <c>(echo "hms-&lt;token&gt;")</c>; the echoed line marks the end of the answer, so answers need no framing and a
/// silent command (declare, assert) cannot leave the reader waiting. The token is 128 random bits drawn for
/// each request, so nothing a script makes a solver print can pass for it, and only a line that is exactly
/// the marker counts.
/// </summary>
internal sealed class SolverConversation(SolverProcess process)
{
    // Generous for any model of a theorem's variables, small enough that a runaway script cannot exhaust memory.
    private const int MaxOutputChars = 16 * 1024 * 1024;

    private long _requests;
    private long _linesSent;
    private int _busy;

    public SolverProcess Process { get; } = process;

    /// <summary>When set, every request's text and its answer are appended here (the prover log, <see cref="SolverDump"/>).</summary>
    public System.Text.StringBuilder? Transcript { get; set; }

    /// <summary>Lines written to the process so far; solvers number error positions by them.</summary>
    public long LinesSent => Interlocked.Read(ref _linesSent);

    /// <summary>Requests answered so far; 0 for a fresh process.</summary>
    public long Requests => Interlocked.Read(ref _requests);

    /// <summary>Sends <paramref name="commands"/> and returns everything printed in answer.</summary>
    /// <exception cref="SolverProcessDiedException">the process ended first; carries what it printed.</exception>
    /// <exception cref="SolverProtocolException">the answer exceeded the size limit.</exception>
    /// <param name="sent">Called once the request is written, before its answer is awaited.</param>
    public async Task<string> AskAsync(string commands, CancellationToken cancellationToken, Action? sent = null)
    {
        // The pool hands a process to one goal at a time; a second caller would steal the first one's answer.
        if (Interlocked.Exchange(ref _busy, 1) == 1)
            throw new InvalidOperationException("a solver process answers one request at a time");
        try
        {
            Interlocked.Increment(ref _requests);
            var sentinel = NewSentinel();
            var text = (commands.EndsWith('\n') ? commands : commands + "\n") + $"(echo \"{sentinel}\")\n";
            await Process.SendAsync(text, cancellationToken).ConfigureAwait(false);
            Interlocked.Add(ref _linesSent, text.Count(c => c == '\n'));
            Transcript?.Append(text);
            sent?.Invoke();

            var output = new System.Text.StringBuilder();
            while (true)
            {
                string line;
                try
                {
                    line = await Process.ReadLineAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (SolverProcessDiedException died)
                {
                    throw died.WithPartialOutput(output.ToString());
                }
                if (IsSentinel(line.AsSpan().Trim(), sentinel))
                {
                    Transcript?.Append(Commented(output.ToString()));
                    return output.ToString();
                }
                if (output.Length + line.Length > MaxOutputChars)
                    throw new SolverProtocolException($"solver output exceeded {MaxOutputChars / (1024 * 1024)} MB");
                output.Append(line).Append('\n');
            }
        }
        finally
        {
            Volatile.Write(ref _busy, 0);
        }
    }

    private static string Commented(string output)
    {
        var sb = new System.Text.StringBuilder();
        foreach (var line in output.Split('\n'))
        {
            if (line.Length > 0) sb.Append(";; ").Append(line).Append('\n');
        }
        return sb.ToString();
    }

    private static string NewSentinel() =>
        "hms-" + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));

    // z3 echoes the bare text, cvc5 echoes it as a string literal.
    private static bool IsSentinel(ReadOnlySpan<char> line, string sentinel) =>
        line.SequenceEqual(sentinel) ||
        (line.Length == sentinel.Length + 2 && line[0] == '"' && line[^1] == '"' && line[1..^1].SequenceEqual(sentinel));
}
