using System.Globalization;

namespace Hms.Benchmarks.Fairness;

/// <summary>The command line of `hms-bench fairness`.</summary>
internal sealed record FairnessOptions
{
    public int LongGoals { get; init; } = 4;
    public TimeSpan LongTimeout { get; init; } = TimeSpan.FromSeconds(12);
    public int Repetitions { get; init; } = 3;
    public bool Unfair { get; init; } = true;
    public bool Help { get; init; }

    public const string Usage = """
        usage: hms-bench fairness [--long N] [--long-timeout S] [--repetitions R] [--no-unfair]
          --long N           hard goals (no solver decides them) submitted first, alternating z3 and cvc5 (default 4)
          --long-timeout S   their time limit in seconds; above the pool's short-goal limit of 10 s (default 12)
          --repetitions R    trivial goals timed per setting, idle and behind the long ones (default 3)
          --no-unfair        skip the baseline without a short-goal lane or owners (each repetition waits for long goals to time out)
        Prints progress on stderr and a markdown report on stdout.
        """;

    /// <exception cref="ArgumentException">an unknown option or a bad value; the message says which.</exception>
    public static FairnessOptions Parse(IReadOnlyList<string> args)
    {
        var options = new FairnessOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            switch (name)
            {
                case "-h" or "--help":
                    return options with { Help = true };
                case "--no-unfair":
                    options = options with { Unfair = false };
                    continue;
            }
            var value = i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{name} needs a value");
            options = name switch
            {
                "--long" => options with { LongGoals = Positive(name, value, 64) },
                "--long-timeout" => options with { LongTimeout = TimeSpan.FromSeconds(Positive(name, value, 600)) },
                "--repetitions" or "--reps" => options with { Repetitions = Positive(name, value, 100) },
                _ => throw new ArgumentException($"unknown option '{name}'"),
            };
        }
        return options;
    }

    private static int Positive(string name, string value, int max) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 && n <= max
            ? n
            : throw new ArgumentException($"{name} needs a whole number from 1 to {max}, got '{value}'");
}
