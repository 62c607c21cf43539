using System.Globalization;

namespace Hms.Benchmarks.Solvers;

/// <summary>The command line of `hms-bench solvers`.</summary>
internal sealed record SolversOptions
{
    public IReadOnlyList<string> Corpora { get; init; } = [];
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);
    public string? Only { get; init; }
    public bool Help { get; init; }

    public const string Usage = """
        usage: hms-bench solvers [--corpus DIR]... [--timeout S] [--only TEXT]
          --corpus DIR   a folder of theorem files (.yaml, .smt2), searched recursively; repeatable
                         (default: ../shared/corpus and bench/models)
          --timeout S    every goal's time limit in seconds, the same for hms and for each solver alone (default 10)
          --only TEXT    only files whose path contains TEXT
        For each theorem: hms (the default portfolio, through TheoremProver) against z3 alone and cvc5 alone
        (every obligation's script on warm pool processes, no model check), in one run. Markdown on stdout.
        """;

    /// <exception cref="ArgumentException">an unknown option or a bad value.</exception>
    public static SolversOptions Parse(IReadOnlyList<string> args)
    {
        var options = new SolversOptions();
        var corpora = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "-h" or "--help":
                    options = options with { Help = true };
                    break;
                case "--corpus":
                    var dir = Value();
                    if (!Directory.Exists(dir)) throw new ArgumentException($"--corpus {dir}: no such folder");
                    corpora.Add(dir);
                    break;
                case "--timeout":
                    var text = Value();
                    if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var s) || s <= 0 || s > 3600)
                        throw new ArgumentException($"--timeout must be a number of seconds in (0, 3600], not '{text}'");
                    options = options with { Timeout = TimeSpan.FromSeconds(s) };
                    break;
                case "--only":
                    options = options with { Only = Value() };
                    break;
                default:
                    throw new ArgumentException($"unknown option '{args[i]}'");
            }
        }
        return options with { Corpora = corpora };
    }
}
