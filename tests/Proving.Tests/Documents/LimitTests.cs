using System.Diagnostics;
using System.Text;
using Hms.Proving.Documents;

namespace Hms.Proving.Tests.Documents;

public sealed class LimitTests
{
    [Fact]
    public void OversizedFileIsRejectedWithoutReadingIt()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "huge.yaml");
        using (var stream = File.Create(path))
        {
            // A sparse file: the loader must refuse it from its size, not by reading 11 MiB.
            stream.SetLength(DocumentLimits.MaxFileBytes + 1);
        }

        var file = TheoremFileLoader.Load(path);

        Assert.Empty(file.Theorems);
        Assert.Equal(
            $"{path}: the file is 10485761 bytes, larger than the limit of 10485760 bytes (10 MiB)",
            Assert.Single(file.Errors).ToString());
    }

    [Fact]
    public void FileExactlyAtTheLimitIsRead()
    {
        var text = "statement: a = a\n" + new string('#', (int)DocumentLimits.MaxFileBytes - 17);

        Assert.Empty(TheoremFileLoader.LoadText(text, "edge.yaml").Errors);
        Assert.Single(TheoremFileLoader.LoadText(text + "#", "edge.yaml").Errors);
    }

    [Fact]
    public void OversizedTextIsRejected()
    {
        var text = "statement: a\n#" + new string('é', (int)(DocumentLimits.MaxFileBytes / 2));

        var error = Assert.Single(TheoremFileLoader.LoadText(text, "wide.yaml").Errors);

        Assert.Contains("larger than the limit", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AliasBombIsRejectedQuickly()
    {
        var yaml = new StringBuilder("a0: &a0 [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n");
        for (var i = 1; i < 10; i++)
        {
            yaml.Append($"a{i}: &a{i} [{string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 9))}]\n");
        }

        yaml.Append("id: bomb\nstatement: *a9\n");
        var clock = Stopwatch.StartNew();

        var file = TheoremFileLoader.LoadText(yaml.ToString(), "bomb.yaml");

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
        Assert.Empty(file.Theorems);
        Assert.Contains(
            "bomb.yaml:12:12: theorem 'bomb': field 'statement': expected a formula string, found an alias (*a9); YAML aliases are not allowed, write the value out",
            file.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void AliasesAreRejectedEverywhere()
    {
        var file = TheoremFileLoader.LoadText("id: t\nname: &n x\ndomain: *n\nstatement: a\n", "alias.yaml");

        Assert.Equal(
            "alias.yaml:3:9: theorem 't': field 'domain': expected a string, found an alias (*n); YAML aliases are not allowed, write the value out",
            Assert.Single(file.Errors).ToString());
    }

    [Fact]
    public void MergeKeysAreRejected()
    {
        var file = TheoremFileLoader.LoadText("base: &b {statement: a}\n<<: *b\n", "merge.yaml");

        Assert.Empty(file.Theorems);
        Assert.Contains(file.Errors, e => e.Message.StartsWith("unknown field '<<'", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData('[')]
    [InlineData('{')]
    public void DeepNestingStopsEarly(char open)
    {
        var text = "statement: " + new string(open, 2_000_000);
        var clock = Stopwatch.StartNew();

        var error = Assert.Single(TheoremFileLoader.LoadText(text, "deep.yaml").Errors);

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
        Assert.Equal("nesting is deeper than 32 levels (a theorem file needs at most 5)", error.Message);
    }

    [Fact]
    public void DeepBlockNestingStopsEarly()
    {
        var text = string.Concat(Enumerable.Range(0, 1000).Select(i => new string(' ', i) + "-\n"));

        Assert.Contains("nesting is deeper", Assert.Single(TheoremFileLoader.LoadText(text, "deep.yaml").Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StatementOverOneMebibyteIsRejected()
    {
        var text = $"id: long\nstatement: \"{new string('x', DocumentLimits.MaxStatementBytes + 1)}\"\n";

        Assert.Equal(
            "long.yaml:2:12: theorem 'long': field 'statement' is 1048577 bytes long (at most 1048576)",
            Assert.Single(TheoremFileLoader.LoadText(text, "long.yaml").Errors).ToString());
    }

    [Fact]
    public void TooManyAssumptions()
    {
        var yaml = "statement: a\nassumptions:\n" + string.Concat(Enumerable.Repeat("  - b\n", DocumentLimits.MaxAssumptions + 1));

        Assert.Equal(
            "many.yaml:3:3: theorem 'many': field 'assumptions': too many assumptions, 1001 (at most 1000)",
            Assert.Single(TheoremFileLoader.LoadText(yaml, "many.yaml").Errors).ToString());
        Assert.Empty(TheoremFileLoader.LoadText(yaml[..^6], "many.yaml").Errors);
    }

    [Fact]
    public void TooManyVariables()
    {
        var yaml = "statement: a\nvariables:\n" + string.Concat(Enumerable.Range(0, DocumentLimits.MaxVariables + 1).Select(i => $"  v{i}: Int\n"));

        Assert.Equal(
            "field 'variables': too many variables, 1001 (at most 1000)",
            Assert.Single(TheoremFileLoader.LoadText(yaml, "vars.yaml").Errors).Message);
    }

    [Fact]
    public void TooManyTheorems()
    {
        var yaml = "theorems:\n" + string.Concat(Enumerable.Range(0, DocumentLimits.MaxTheoremsPerFile + 1).Select(i => $"  - {{id: t{i}, statement: a}}\n"));

        Assert.Equal(
            "field 'theorems' holds 10001 theorems (at most 10000 per file)",
            Assert.Single(TheoremFileLoader.LoadText(yaml, "lots.yaml").Errors).Message);
    }

    [Fact]
    public void TenThousandTheoremsLoad()
    {
        var yaml = "theorems:\n" + string.Concat(Enumerable.Range(0, DocumentLimits.MaxTheoremsPerFile).Select(i => $"  - {{id: t{i}, statement: a}}\n"));

        Assert.Equal(DocumentLimits.MaxTheoremsPerFile, TheoremFileLoader.LoadText(yaml, "lots.yaml").Theorems.Count);
    }

    [Fact]
    public void ErrorListIsCapped()
    {
        var yaml = "statement: a\n" + string.Concat(Enumerable.Range(0, 5000).Select(i => $"junk{i}: 1\n"));

        var errors = TheoremFileLoader.LoadText(yaml, "junk.yaml").Errors;

        Assert.Equal(DocumentLimits.MaxErrorsPerFile + 1, errors.Count);
        Assert.Equal("junk.yaml: too many errors: showing the first 1000 of 5000", errors[^1].ToString());
    }

    [Theory]
    [InlineData("\0\0\0")]
    [InlineData("statement: \u0001")]
    [InlineData("{{{}}}")]
    [InlineData("]]]")]
    [InlineData("- - - - -")]
    [InlineData("? [a]\n: b\n")]
    [InlineData("%YAML 1.2\n--- !custom\nstatement: a\n")]
    [InlineData("statement: !!binary aGVsbG8=\n")]
    [InlineData("&a [*a]")]
    [InlineData("statement: *undefined\n")]
    [InlineData("\"statement\": \"a\" \"b\"")]
    [InlineData("statement: |\n  a\n b\n")]
    [InlineData("\tstatement: a\n")]
    public void MalformedInputNeverThrows(string text)
    {
        var file = TheoremFileLoader.LoadText(text, "junk.yaml");

        Assert.All(file.Errors, e => Assert.False(string.IsNullOrWhiteSpace(e.Message)));
    }
}
