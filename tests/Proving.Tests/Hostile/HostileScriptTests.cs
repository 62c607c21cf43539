using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Hms.Proving.Documents;
using Hms.Proving.Proof;
using Hms.Proving.Smt;
using Hms.Proving.Solvers;

namespace Hms.Proving.Tests.Hostile;

/// <summary>
/// The hostile-script suite: every script under Hostile/scripts (and a few generated ones too large to keep
/// as files) through the real prover on one shared pool. Each is refused with the error its header names or
/// gets the right verdict; afterwards no file may have appeared outside the solvers' scratch folders (nor
/// inside them), and two known goals on the same pool must still get their answers.
/// </summary>
/// <remarks>
/// A script's header: <c>; expect: error TEXT | proved | disproved | proved-or-unknown</c>, optionally
/// <c>; strategy: z3|cvc5|portfolio</c>, <c>; timeout: SECONDS</c>, <c>; warning: TEXT</c>. In the body
/// <c>{TARGET}</c> is a folder anyone may write, <c>{TAG}</c> a name unique to the run, <c>{U+XXXX}</c> that character.
/// </remarks>
[Collection(Tests.Proof.ProverCollection.Name)]
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed partial class HostileScriptTests(HostileScriptTests.Sandbox sandbox) : IClassFixture<HostileScriptTests.Sandbox>
{
    private static readonly string ScriptFolder = FindScriptFolder();

    public static TheoryData<string> Scripts()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(ScriptFolder, "*.smt2").Order(StringComparer.Ordinal))
            data.Add(Path.GetFileNameWithoutExtension(file));
        foreach (var generated in Generated.Keys)
            data.Add(generated);
        return data;
    }

    [Fact]
    public void The_suite_covers_at_least_forty_scripts() => Assert.True(Scripts().Count >= 40, $"{Scripts().Count} scripts");

    [Theory]
    [MemberData(nameof(Scripts))]
    public async Task A_hostile_script_is_refused_or_answered_correctly_and_touches_nothing(string name)
    {
        var text = Generated.TryGetValue(name, out var make) ? make() : await File.ReadAllTextAsync(Path.Combine(ScriptFolder, name + ".smt2"));
        var header = Header(text);
        var script = Placeholder().Replace(text.Replace("{TARGET}", sandbox.Target).Replace("{TAG}", sandbox.Tag),
            m => char.ConvertFromUtf32(int.Parse(m.Groups[1].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture)));
        var strategy = header.GetValueOrDefault("strategy") is { } s ? StrategyParser.Parse(s) : Strategy.Portfolio;
        var timeout = TimeSpan.FromSeconds(int.Parse(header.GetValueOrDefault("timeout") ?? "5", CultureInfo.InvariantCulture));

        var result = await sandbox.ProveAsync(script, strategy, timeout);

        var expect = header["expect"];
        var outcome = $"{name}: {result.Status} ({result.Error})";
        if (expect.StartsWith("error ", StringComparison.Ordinal))
        {
            Assert.True(result.Status == TheoremStatus.Error, outcome);
            Assert.True(result.Error?.Contains(expect["error ".Length..], StringComparison.Ordinal) == true, $"{outcome}: expected '{expect}'");
        }
        else
        {
            var allowed = expect switch
            {
                "proved" => [TheoremStatus.Proved],
                "disproved" => [TheoremStatus.Disproved],
                "proved-or-unknown" => new[] { TheoremStatus.Proved, TheoremStatus.Unknown },
                _ => throw new InvalidDataException($"{name}: unknown expectation '{expect}'"),
            };
            Assert.True(allowed.Contains(result.Status), outcome);
            if (result.Status == TheoremStatus.Disproved) Assert.NotNull(result.Counterexample);
        }
        if (header.GetValueOrDefault("warning") is { } warning)
            Assert.Contains(result.Warnings, w => w.Contains(warning, StringComparison.Ordinal));

        sandbox.AssertNothingWritten(name);
        await sandbox.AssertKnownGoalsStillAnsweredAsync(name);
    }

    // Too large to keep as files: long and deeply nested input.
    private static readonly Dictionary<string, Func<string>> Generated = new(StringComparer.Ordinal)
    {
        ["generated-nesting-at-the-limit"] = () =>
            "; expect: proved\n(declare-const x Int)\n(assert (< x 0))\n(assert " +
            string.Concat(Enumerable.Repeat("(not ", SExprReader.MaxDepth - 2)) + "(> x 0)" +
            new string(')', SExprReader.MaxDepth - 2) + ")\n(check-sat)\n",
        ["generated-nesting-past-the-limit"] = () =>
            $"; expect: error lists nest deeper than {SExprReader.MaxDepth} levels\n(declare-const x Int)\n(assert " +
            string.Concat(Enumerable.Repeat("(not ", SExprReader.MaxDepth + 5)) + "(> x 0)" +
            new string(')', SExprReader.MaxDepth + 5) + ")\n(check-sat)\n",
        ["generated-five-thousand-assertions"] = () =>
        {
            var text = new StringBuilder("; expect: disproved\n(declare-const x Int)\n");
            for (var i = 0; i < 5_000; i++) text.Append(CultureInfo.InvariantCulture, $"(assert (> x {i}))\n");
            return text.Append("(check-sat)\n").ToString();
        },
        ["generated-quarter-megabyte-quoted-symbol"] = () =>
        {
            var name = new string('q', 256 * 1024);
            return $"; expect: disproved\n(declare-const |{name} | Int)\n(assert (> |{name} | 0))\n(check-sat)\n";
        },
    };

    private static Dictionary<string, string> Header(string text)
    {
        var header = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in text.Split('\n'))
        {
            if (HeaderLine().Match(line) is not { Success: true } match) break;
            header[match.Groups[1].Value] = match.Groups[2].Value.Trim();
        }
        return header;
    }

    private static string FindScriptFolder()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "tests", "Proving.Tests", "Hostile", "scripts");
            if (Directory.Exists(candidate)) return candidate;
        }
        throw new DirectoryNotFoundException("tests/Proving.Tests/Hostile/scripts not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"^; ([a-z]+): (.*)$")]
    private static partial Regex HeaderLine();

    [GeneratedRegex(@"\{U\+([0-9A-Fa-f]{4,6})\}")]
    private static partial Regex Placeholder();

    /// <summary>One pool whose solvers keep their scratch folders under a fresh root, and the places to watch.</summary>
    public sealed class Sandbox : IAsyncLifetime
    {
        private static readonly string[] SolverFileNames = ["z3.log", ".z3-trace", "proof.dot", "stderr", "stdout"];

        private readonly string _scratchRoot = Directory.CreateTempSubdirectory("hms-hostile-scratch-").FullName;
        private readonly SolverPool _pool;
        private readonly string[] _watched;
        private readonly Dictionary<string, bool> _existedBefore = [];

        public Sandbox()
        {
            _pool = new SolverPool(new SolverPoolOptions { Sandbox = new SolverSandboxOptions { ScratchRoot = _scratchRoot } });
            var repo = Path.GetDirectoryName(ScriptFolder.TrimEnd('/'))!;
            for (var i = 0; i < 3; i++) repo = Path.GetDirectoryName(repo)!;
            _watched = [Path.GetTempPath(), Environment.CurrentDirectory, repo, Path.Combine(Path.GetTempPath(), "hms-solvers")];
        }

        public string Tag { get; } = $"hms-hostile-{Guid.NewGuid():N}";

        /// <summary>Writable by every user, so only the prover can be what keeps it empty.</summary>
        public string Target { get; } = Directory.CreateTempSubdirectory("hms-hostile-target-").FullName;

        public Task InitializeAsync()
        {
            File.SetUnixFileMode(Target, (UnixFileMode)0x1FF);
            // What an include would read: it would make any satisfiable script "proved".
            File.WriteAllText(Path.Combine(Target, "other.smt2"), "(assert false)\n");
            foreach (var folder in _watched)
            {
                foreach (var name in SolverFileNames)
                    _existedBefore[Path.Combine(folder, name)] = Path.Exists(Path.Combine(folder, name));
            }
            return Task.CompletedTask;
        }

        public async Task DisposeAsync()
        {
            await _pool.DisposeAsync();
            // Every process is gone, so every scratch folder must be too.
            var left = Directory.EnumerateFileSystemEntries(_scratchRoot).ToList();
            Directory.Delete(_scratchRoot, recursive: true);
            Directory.Delete(Target, recursive: true);
            Assert.Empty(left);
        }

        public Task<TheoremResult> ProveAsync(string script, Strategy strategy, TimeSpan timeout) =>
            new TheoremProver(new ObligationProver(_pool)).ProveAsync(
                new TheoremDocument { Id = "hostile", Format = TheoremFormat.Smtlib2, Statement = script },
                new ProofOptions { Strategy = strategy, Timeout = timeout }, null);

        private static TheoremDocument Known(string statement) =>
            new() { Id = "known", Statement = statement, Variables = [new("y", Sort.Int)] };

        public void AssertNothingWritten(string script)
        {
            Assert.True(Directory.EnumerateFileSystemEntries(Target).Select(Path.GetFileName).SequenceEqual(["other.smt2"]),
                $"{script}: something appeared in {Target}");
            var inScratch = Directory.EnumerateFiles(_scratchRoot, "*", SearchOption.AllDirectories).ToList();
            Assert.True(inScratch.Count == 0, $"{script}: a solver wrote {string.Join(", ", inScratch)}");
            foreach (var folder in _watched.Where(Directory.Exists))
            {
                var tagged = Directory.EnumerateFileSystemEntries(folder, $"*{Tag}*").ToList();
                Assert.True(tagged.Count == 0, $"{script}: {string.Join(", ", tagged)} appeared");
            }
            foreach (var (path, existed) in _existedBefore)
                Assert.True(existed || !Path.Exists(path), $"{script}: {path} appeared");
        }

        public async Task AssertKnownGoalsStillAnsweredAsync(string script)
        {
            // Infix theorems run on warm processes, which is where a hostile script's state would linger.
            var prover = new TheoremProver(new ObligationProver(_pool));
            var options = new ProofOptions { Timeout = TimeSpan.FromSeconds(10) };
            var proved = await prover.ProveAsync(Known("not (y > 2 and y < 1)"), options, null);
            var disproved = await prover.ProveAsync(Known("2 * y != 10"), options, null);

            Assert.True(proved.Status == TheoremStatus.Proved, $"after {script}: {proved.Status} ({proved.Error})");
            Assert.True(disproved.Status == TheoremStatus.Disproved, $"after {script}: {disproved.Status} ({disproved.Error})");
            Assert.Equal("5", disproved.Counterexample!.Assignment.Single(v => v.Key == "y").Value);
        }
    }
}
