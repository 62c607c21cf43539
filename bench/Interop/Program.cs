using System.Globalization;
using Hms.Interop.Bench;
using Hms.Interop.Bridge;
using Hms.Interop.Hosting;
using Hms.Proving.Solvers;

// hms-bench-interop [--passes N] [--repetitions R] [--corpus DIR] [--only SECTIONS]: prints a markdown report on stdout,
// progress on stderr. Run as `./hms bench interop ...`. Exit code 1 when a solver mode gave a false theorem any verdict
// but a validated DISPROVED, 2 for usage errors.
const string Usage = "usage: hms-bench-interop [--passes N] [--repetitions R] [--corpus DIR] [--only handover,calls,genetic,corpus]";
string[] allSections = ["handover", "calls", "genetic", "corpus"];
var passes = 7;
var repetitions = 7;
var root = RepositoryRoot();
var corpusFolder = Path.GetFullPath(Path.Combine(root, "..", "shared", "corpus", "economics"));
var sections = new HashSet<string>(allSections, StringComparer.Ordinal);
for (var i = 0; i < args.Length; i++)
{
    var ok = i + 1 < args.Length;
    if (ok && args[i] == "--passes" && int.TryParse(args[++i], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0)
        passes = n;
    else if (ok && args[i] == "--repetitions" && int.TryParse(args[++i], NumberStyles.None, CultureInfo.InvariantCulture, out var r) && r > 0)
        repetitions = r;
    else if (ok && args[i] == "--corpus")
        corpusFolder = Path.GetFullPath(args[++i]);
    else if (ok && args[i] == "--only" && args[++i].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) is { Length: > 0 } only
             && only.All(allSections.Contains))
        sections = new HashSet<string>(only, StringComparer.Ordinal);
    else
    {
        Console.Error.WriteLine(Usage);
        return 2;
    }
}

var options = new PythonBridgeOptions();
// Buffers of up to 10 MB, several at once.
options.SharedMemory.SegmentBytes = 64L << 20;
await using var bridge = await PythonBridge.StartAsync(options);
var machine = MachineInfo.Read(bridge);
var module = await BenchModule.LoadAsync(bridge);

List<HandoverResult>? handovers = null;
IReadOnlyList<CallOverheadResult>? calls = null;
GeneticThroughputResult? genetic = null;
CorpusReport? corpus = null;
var solverVersions = new List<string>();

if (sections.Contains("handover") || sections.Contains("calls"))
{
    // One untimed round of everything first, so that tiered JIT has optimised the paths before any size is timed.
    Console.Error.WriteLine("warming up ...");
    foreach (var size in HandoverBenchmark.Sizes)
        await new HandoverBenchmark(bridge, module, passes: 1).RunAsync(size);
    await new CallOverheadBenchmark(bridge, module, passes: 1).RunAsync();
}
if (sections.Contains("handover"))
{
    handovers = [];
    var handover = new HandoverBenchmark(bridge, module, passes);
    foreach (var size in HandoverBenchmark.Sizes)
    {
        Console.Error.WriteLine($"handover of {size} bytes ...");
        handovers.Add(await handover.RunAsync(size));
    }
}
if (sections.Contains("calls"))
{
    Console.Error.WriteLine("call overhead ...");
    calls = await new CallOverheadBenchmark(bridge, module, passes).RunAsync();
}
if (sections.Contains("genetic"))
{
    Console.Error.WriteLine("genetic search throughput ...");
    genetic = await new GeneticThroughputBenchmark(bridge, passes: 7).RunAsync();
}
var solverFailures = 0;
if (sections.Contains("corpus"))
{
    var problems = new List<string>();
    var theorems = CorpusBenchmark.Load(corpusFolder, problems);
    var poolOptions = new SolverPoolOptions();
    await using var pool = new SolverPool(poolOptions);
    foreach (var kind in new[] { SolverKind.Z3, SolverKind.Cvc5 })
    {
        try
        {
            solverVersions.Add(await pool.GetVersionAsync(kind));
        }
        catch (InvalidOperationException e)
        {
            solverVersions.Add($"{kind}: {e.Message}");
        }
    }
    var benchmark = new CorpusBenchmark(bridge, pool, repetitions);
    var results = await benchmark.RunAsync(theorems);
    solverFailures = results.Sum(t => t.Timed[CorpusMode.Solvers].Prepend(t.WarmUp[CorpusMode.Solvers])
        .Concat(t.Timed[CorpusMode.Both]).Append(t.WarmUp[CorpusMode.Both]).Count(run => !run.Good));
    var shown = Path.GetRelativePath(root, corpusFolder);
    corpus = new CorpusReport(shown.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(shown) ? shown : corpusFolder,
        repetitions, poolOptions.MaxConcurrency, benchmark.Pool, results, problems);
}

var command = "./hms bench interop" + (args.Length > 0 ? " " + string.Join(' ', args) : "");
Console.Write(MarkdownReport.Write(machine, command, passes, solverVersions, handovers, calls, genetic, corpus));
return solverFailures == 0 ? 0 : 1;

// The folder holding HmsOrleans.sln above this binary (bench/Interop/bin/Release/net10.0), else the working directory.
static string RepositoryRoot()
{
    for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
    {
        if (File.Exists(Path.Combine(folder.FullName, "HmsOrleans.sln"))) return folder.FullName;
    }
    return Directory.GetCurrentDirectory();
}
