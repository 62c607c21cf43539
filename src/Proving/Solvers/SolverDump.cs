using System.Text;

namespace Hms.Proving.Solvers;

/// <summary>
/// The prover log (as Boogie's): for every goal, one file per solver holding exactly the text the process was
/// sent for it — preamble, script, check-sat and follow-ups, sentinels included — with each answer after the
/// request it answers as ";; " comment lines, so the file replays in the solver as it is. Named after the goal's
/// <see cref="SolverRequest.Label"/> (theorem and obligation) and the solver: "market_tax.claim-1.z3.smt2";
/// a goal run again gets "-2", "-3", … rather than overwriting the first run.
/// </summary>
internal sealed class SolverDump
{
    private readonly string _directory;
    private long _unnamed;

    /// <exception cref="IOException">the folder cannot be made or written to.</exception>
    /// <exception cref="UnauthorizedAccessException">likewise.</exception>
    public SolverDump(string directory)
    {
        _directory = Path.GetFullPath(directory);
        System.IO.Directory.CreateDirectory(_directory);
        // Checked now so that a folder the service cannot write stops the start, not the first goal.
        var probe = Path.Combine(_directory, $".hms-write-check-{Environment.ProcessId}");
        File.WriteAllText(probe, "");
        File.Delete(probe);
    }

    public string Folder => _directory;

    /// <summary>Writes one goal's transcript; a failure to write is reported on stderr, never fails the goal.</summary>
    public void Write(SolverRequest request, SolverKind kind, string transcript)
    {
        var label = Sanitize(request.Label) ?? $"goal-{Interlocked.Increment(ref _unnamed)}";
        var stem = $"{label}.{kind.ToName()}";
        try
        {
            for (var n = 1; ; n++)
            {
                var path = Path.Combine(_directory, n == 1 ? $"{stem}.smt2" : $"{stem}-{n}.smt2");
                try
                {
                    using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
                    file.Write(Encoding.UTF8.GetBytes(transcript));
                    return;
                }
                catch (IOException) when (File.Exists(path) && n < 10_000)
                {
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"hms: could not write the solver dump {stem}.smt2 in {_directory}: {e.Message}");
        }
    }

    /// <summary>A file-name-safe form of a label: letters, digits, '-', '_', '.' kept, the rest '_'; null when empty.</summary>
    private static string? Sanitize(string? label)
    {
        if (string.IsNullOrWhiteSpace(label)) return null;
        var sb = new StringBuilder(Math.Min(label.Length, 120));
        foreach (var c in label.Take(120))
            sb.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_');
        var text = sb.ToString().Trim('.');
        return text.Length == 0 ? null : text;
    }
}
