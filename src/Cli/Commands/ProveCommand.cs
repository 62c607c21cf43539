using System.CommandLine;
using Hms.Cli.Backends;
using Hms.Cli.Output;
using Hms.Grains;
using Microsoft.Extensions.Configuration;
using Hms.Proving.Documents;
using Hms.Proving.Proof;

namespace Hms.Cli.Commands;

/// <summary>`hms prove PATH...`: proves every theorem found under the paths and reports each verdict.</summary>
internal static class ProveCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("PATH") { Description = "Theorem files (.yaml, .yml, .json, .smt2) or folders", Arity = ArgumentArity.OneOrMore };
        var server = new Option<string?>("--server") { Description = "Prove through the gRPC server at this URL instead of in-process" };
        var json = new Option<bool>("--json") { Description = "Print one JSON object per theorem per line, nothing else on stdout" };
        var timeout = new Option<int?>("--timeout") { Description = "Time limit per solver goal, in seconds" };
        var strategy = new Option<string?>("--strategy") { Description = "z3, cvc5 or portfolio (default)" };
        var genetic = new Option<bool>("--genetic") { Description = "Also hunt counterexamples with the genetic search" };
        var dump = new Option<string?>("--dump-smt")
        {
            Description = "Write the prover log to this folder: per goal and solver, exactly what the solver process was sent and what it answered",
        };
        var command = new Command("prove", "Prove or refute theorems") { paths, server, json, timeout, strategy, genetic, dump };
        command.SetAction(async (parse, ct) =>
        {
            var settings = new ProveSettings(
                parse.GetValue(paths) ?? [], parse.GetValue(server), parse.GetValue(json), parse.GetValue(timeout),
                parse.GetValue(strategy), parse.GetValue(genetic), parse.GetValue(dump));
            return await RunAsync(settings, ct);
        });
        return command;
    }

    private static async Task<int> RunAsync(ProveSettings settings, CancellationToken ct)
    {
        // The limits the embedded silo's grains enforce on every theorem, read from the same configuration
        // (environment variables such as Hms__Limits__MaxNameBytes), so the flag fails before any work starts.
        var limits = new ConfigurationBuilder().AddEnvironmentVariables().Build()
            .GetSection(TheoremLimits.Section).Get<TheoremLimits>() ?? new TheoremLimits();
        if (limits.Problem() is { } badLimits)
        {
            Console.Error.WriteLine($"hms: {TheoremLimits.Section}: {badLimits}");
            return 2;
        }
        if (settings.Validate(limits) is { } usage)
        {
            Console.Error.WriteLine($"hms: {usage}");
            return 2;
        }
        var files = new List<string>();
        foreach (var path in settings.Paths)
        {
            if (!File.Exists(path) && !Directory.Exists(path))
            {
                Console.Error.WriteLine($"hms: no such file or folder: {path}");
                return 2;
            }
            files.AddRange(TheoremFileLoader.FindTheoremFiles(path));
        }

        var backendSettings = new BackendSettings(settings.Strategy is { } s ? [s.ToLowerInvariant()] : [],
            settings.TimeoutSeconds, settings.Genetic, settings.DumpDirectory);
        await using IProverBackend backend = settings.Server is { } url
            ? GrpcBackend.Connect(url, backendSettings)
            : await EmbeddedBackend.StartAsync(backendSettings, ct);
        var report = new Reporter(settings.Json);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var runs = await report.RunAsync(files, backend.ProveAsync, ct);
        Summary.Write(runs, clock.Elapsed);
        return runs.Any(r => r.Result.Status == TheoremStatus.Error) ? 1 : 0;
    }
}
