using System.Globalization;
using Hms.Proving.Solvers;

namespace Hms.Benchmarks;

/// <summary>The command line of hms-bench.</summary>
internal sealed record BenchOptions
{
    public int Goals { get; init; } = 200;
    public int Repetitions { get; init; } = 5;
    public int Warmup { get; init; } = 20;
    public int Offset { get; init; }
    public int Concurrency { get; init; } = Environment.ProcessorCount;
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);
    public IReadOnlyList<SolverKind> Solvers { get; init; } = [SolverKind.Z3, SolverKind.Cvc5];
    public IReadOnlyList<string> Modes { get; init; } = ["pool", "spawn", "raw"];
    public bool Help { get; init; }

    public const string Usage = """
        usage: hms-bench [--goals N] [--repetitions R] [--warmup W] [--concurrency C] [--solvers z3,cvc5]
                         [--modes pool,spawn,raw] [--timeout S] [--offset K]
          --goals N          distinct small goals per pass (default 200)
          --repetitions R    timed passes per mode; median and best are reported (default 5)
          --warmup W         untimed goals per mode first, to start processes and JIT (default 20)
          --concurrency C    the parallel passes' goals at once (default: cores, here {0})
          --solvers LIST     which solvers (default z3,cvc5)
          --modes LIST       which modes (default pool,spawn,raw); ratios need all three
          --timeout S        each goal's solver time limit in seconds (default 10)
          --offset K         start the batch at goal K of the catalogue, so another goal comes first (default 0)
        Prints progress on stderr and a markdown report on stdout.
        """;

    /// <exception cref="ArgumentException">an unknown option or a bad value; the message says which.</exception>
    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        var options = new BenchOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (name is "-h" or "--help")
                return options with { Help = true };
            var value = i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{name} needs a value");
            options = name switch
            {
                "--goals" => options with { Goals = Positive(name, value) },
                "--repetitions" or "--reps" => options with { Repetitions = Positive(name, value) },
                "--warmup" => options with { Warmup = NonNegative(name, value) },
                "--offset" => options with { Offset = NonNegative(name, value) },
                "--concurrency" => options with { Concurrency = Positive(name, value) },
                "--timeout" => options with { Timeout = TimeSpan.FromSeconds(Positive(name, value)) },
                "--solvers" => options with { Solvers = List(name, value, ["z3", "cvc5"]).Select(s => s == "z3" ? SolverKind.Z3 : SolverKind.Cvc5).ToList() },
                "--modes" => options with { Modes = List(name, value, ["pool", "spawn", "raw"]) },
                _ => throw new ArgumentException($"unknown option '{name}'"),
            };
        }
        // Far beyond any sensible run; keeps goal indices and the raw mode's script sizes in range.
        if (options.Goals > 1_000_000 || options.Offset > 1_000_000)
            throw new ArgumentException("--goals and --offset are limited to 1000000");
        return options;
    }

    private static int Positive(string name, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new ArgumentException($"{name} needs a positive whole number, got '{value}'");

    private static int NonNegative(string name, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? n
            : throw new ArgumentException($"{name} needs a whole number, got '{value}'");

    private static List<string> List(string name, string value, string[] allowed)
    {
        var items = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => s.ToLowerInvariant()).Distinct().ToList();
        if (items.Count == 0 || items.Any(s => !allowed.Contains(s)))
            throw new ArgumentException($"{name} takes a comma-separated list of {string.Join(", ", allowed)}, got '{value}'");
        // The report's order is the canonical one, whatever order the list was given in.
        return allowed.Where(items.Contains).ToList();
    }
}
