using System.Globalization;

namespace Hms.Service.Bench;

/// <summary>The command line of hms-bench-service.</summary>
internal sealed record ServiceBenchOptions
{
    public int Theorems { get; init; } = 200;
    public IReadOnlyList<int> Concurrency { get; init; } = [1, 8, 64, 256];
    public IReadOnlyList<string> Storage { get; init; } = ["memory", "postgres"];
    public string Strategy { get; init; } = "z3";
    public int Processes { get; init; } = Environment.ProcessorCount;
    public int TimeoutSeconds { get; init; } = 10;
    public int CacheConcurrency { get; init; } = 64;
    public bool Raw { get; init; } = true;
    public string? HmsDll { get; init; }
    public bool Help { get; init; }

    public const string Usage = """
        usage: hms-bench-service [--theorems N] [--concurrency 1,8,64,256] [--storage memory,postgres]
                                 [--strategy z3|cvc5|portfolio] [--processes P] [--timeout S] [--no-raw] [--hms DLL]
          --theorems N       distinct theorems x*x + K >= K per concurrency level (default 200)
          --concurrency LIST theorems in flight at once, one level after the other (default 1,8,64,256)
          --storage LIST     the `hms serve` storages to measure, each in its own process (default memory,postgres)
          --strategy NAME    the strategy the service is asked for and the raw baseline runs (default z3)
          --processes P      warm solver processes (per solver) of the raw baseline: the pool's concurrency (default: cores)
          --timeout S        each goal's time limit in seconds (default 10)
          --no-raw           skip the raw baseline (no ratios then)
          --hms DLL          the hms.dll to run as `serve` (default: src/Cli/bin/Release/net10.0/hms.dll)
        Prints progress on stderr and a markdown report on stdout.
        """;

    /// <exception cref="ArgumentException">an unknown option or a bad value; the message says which.</exception>
    public static ServiceBenchOptions Parse(IReadOnlyList<string> args)
    {
        var options = new ServiceBenchOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (name is "-h" or "--help") return options with { Help = true };
            if (name == "--no-raw")
            {
                options = options with { Raw = false };
                continue;
            }
            var value = i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{name} needs a value");
            options = name switch
            {
                "--theorems" => options with { Theorems = Positive(name, value, 100_000) },
                "--concurrency" => options with { Concurrency = value.Split(',').Select(v => Positive(name, v.Trim(), 10_000)).Distinct().ToList() },
                "--storage" => options with { Storage = OneOf(name, value, ["memory", "postgres"]) },
                "--strategy" => options with { Strategy = OneOf(name, value, ["z3", "cvc5", "portfolio"]) is [var s] ? s : throw new ArgumentException($"{name} takes one strategy") },
                "--processes" => options with { Processes = Positive(name, value, 64) },
                "--timeout" => options with { TimeoutSeconds = Positive(name, value, 600) },
                "--cache-concurrency" => options with { CacheConcurrency = Positive(name, value, 10_000) },
                "--hms" => options with { HmsDll = value },
                _ => throw new ArgumentException($"unknown option '{name}'"),
            };
        }
        return options;
    }

    /// <summary>A whole number from 1 to <paramref name="max"/> for option <paramref name="name"/>, or a usage error.</summary>
    internal static int Positive(string name, string value, int max) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 && n <= max
            ? n
            : throw new ArgumentException($"{name} needs whole numbers from 1 to {max}, got '{value}'");

    private static List<string> OneOf(string name, string value, string[] allowed)
    {
        var items = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(s => s.ToLowerInvariant()).Distinct().ToList();
        if (items.Count == 0 || items.Any(s => !allowed.Contains(s)))
            throw new ArgumentException($"{name} takes {string.Join(", ", allowed)}, got '{value}'");
        return allowed.Where(items.Contains).ToList();
    }
}
