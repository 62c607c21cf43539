using Hms.Proving.Documents;

namespace Hms.Proving.Tests.Documents;

public sealed class YamlLoadingTests
{
    [Fact]
    public void ReadsEveryField()
    {
        const string yaml = """
            id: full-theorem_1.0
            name: Every field
            domain: testing
            format: infix
            variables:
              z: Bool
              a: Int
              m: Real
            assumptions:
              - "a > 0"
              - m >= a
            statement: "z -> m > 0"
            lean_code: "theorem t : True := trivial"
            timeout_seconds: 90
            strategies: [cvc5, z3]
            use_genetic_optimization: true
            metadata:
              source: textbook
              year: 1951
            expected: disproved
            """;

        var file = TheoremFileLoader.LoadText(yaml, "full.yaml");

        Assert.Empty(file.Errors);
        var theorem = Assert.Single(file.Theorems);
        Assert.Equal("full-theorem_1.0", theorem.Id);
        Assert.Equal("Every field", theorem.Name);
        Assert.Equal("testing", theorem.Domain);
        Assert.Equal(TheoremFormat.Infix, theorem.Format);
        Assert.Equal(
            [new("z", Sort.Bool), new("a", Sort.Int), new("m", Sort.Real)],
            theorem.Variables);
        Assert.Equal(["a > 0", "m >= a"], theorem.Assumptions);
        Assert.Equal("z -> m > 0", theorem.Statement);
        Assert.Equal("theorem t : True := trivial", theorem.LeanCode);
        Assert.Equal(90, theorem.TimeoutSeconds);
        Assert.Equal(["cvc5", "z3"], theorem.Strategies);
        Assert.True(theorem.UseGeneticOptimization);
        Assert.Equal("textbook", theorem.Metadata["source"]);
        Assert.Equal("1951", theorem.Metadata["year"]);
        Assert.Equal(ExpectedVerdict.Disproved, theorem.Expected);
        Assert.Equal("full.yaml", theorem.SourceFile);
        Assert.Equal("full.yaml", file.Path);
    }

    [Fact]
    public void DefaultsApplyWhenFieldsAreMissing()
    {
        var file = TheoremFileLoader.LoadText("statement: x = x\n", "reflexive.yml");

        var theorem = Assert.Single(file.Theorems);
        Assert.Equal("reflexive", theorem.Id);
        Assert.Null(theorem.Name);
        Assert.Equal(TheoremFormat.Infix, theorem.Format);
        Assert.Empty(theorem.Variables);
        Assert.Empty(theorem.Assumptions);
        Assert.Null(theorem.TimeoutSeconds);
        Assert.Empty(theorem.Strategies);
        Assert.False(theorem.UseGeneticOptimization);
        Assert.Empty(theorem.Metadata);
        Assert.Null(theorem.Expected);
    }

    [Fact]
    public void DefaultIdIsTheFileNameWithoutExtension()
    {
        var file = TheoremFileLoader.LoadText("statement: \"1 < 2\"\n", Path.Combine("some", "dir", "one.two.yaml"));

        Assert.Equal("one.two", Assert.Single(file.Theorems).Id);
    }

    [Fact]
    public void ReadsSeveralTheoremsFromATheoremsList()
    {
        const string yaml = """
            # two theorems in one file
            theorems:
              - id: first
                statement: "x >= x"
                expected: proved
              - id: second
                format: smtlib2
                statement: |
                  (declare-const x Real)
                  (assert (< x x))
                  (check-sat)
                expected: disproved
            """;

        var file = TheoremFileLoader.LoadText(yaml, "pair.yaml");

        Assert.Empty(file.Errors);
        Assert.Equal(["first", "second"], file.Theorems.Select(t => t.Id));
        Assert.Equal(TheoremFormat.Smtlib2, file.Theorems[1].Format);
        Assert.StartsWith("(declare-const x Real)\n", file.Theorems[1].Statement, StringComparison.Ordinal);
    }

    [Fact]
    public void ASingleListedTheoremMayUseTheDefaultId()
    {
        var file = TheoremFileLoader.LoadText("theorems:\n  - statement: a = a\n", "lonely.yaml");

        Assert.Equal("lonely", Assert.Single(file.Theorems).Id);
    }

    [Fact]
    public void ValidTheoremsSurviveBesideInvalidOnes()
    {
        const string yaml = """
            theorems:
              - id: good
                statement: "1 = 1"
              - id: bad
                statement: ""
              - id: also-good
                statement: "2 = 2"
            """;

        var file = TheoremFileLoader.LoadText(yaml, "mixed.yaml");

        Assert.Equal(["good", "also-good"], file.Theorems.Select(t => t.Id));
        var error = Assert.Single(file.Errors);
        Assert.Equal("bad", error.TheoremId);
    }

    [Fact]
    public void ReadsJson()
    {
        const string json = """
            {
            	"theorems": [
            		{
            			"id": "json-one",
            			"variables": {"n": "Int", "p": "Bool"},
            			"assumptions": ["n > 0", "p"],
            			"statement": "n >= 1 and p",
            			"timeout_seconds": 5,
            			"use_genetic_optimization": false,
            			"metadata": {"source": "a \"quoted\" text\u00e9", "count": 3},
            			"expected": "proved"
            		},
            		{"id": "json-two", "statement": "true"}
            	]
            }
            """;

        var file = TheoremFileLoader.LoadText(json, "theorems.json");

        Assert.Empty(file.Errors);
        Assert.Equal(2, file.Theorems.Count);
        var first = file.Theorems[0];
        Assert.Equal([new("n", Sort.Int), new("p", Sort.Bool)], first.Variables);
        Assert.Equal(5, first.TimeoutSeconds);
        Assert.Equal("a \"quoted\" texté", first.Metadata["source"]);
        Assert.Equal("3", first.Metadata["count"]);
        Assert.Equal(ExpectedVerdict.Proved, first.Expected);
        Assert.Equal("true", file.Theorems[1].Statement);
    }

    [Fact]
    public void LoadsJsonFromDisk()
    {
        using var folder = new TempFolder();
        var path = folder.Write("from-disk.json", """{"statement": "x + 0 = x", "expected": "proved"}""");

        var file = TheoremFileLoader.Load(path);

        Assert.Empty(file.Errors);
        var theorem = Assert.Single(file.Theorems);
        Assert.Equal("from-disk", theorem.Id);
        Assert.Equal(path, theorem.SourceFile);
    }

    [Fact]
    public void FormulaLikeScalarsStayText()
    {
        var file = TheoremFileLoader.LoadText("statement: true\nassumptions: [false, 1]\nname: 42\n", "typed.yaml");

        var theorem = Assert.Single(file.Theorems);
        Assert.Equal("true", theorem.Statement);
        Assert.Equal(["false", "1"], theorem.Assumptions);
        Assert.Equal("42", theorem.Name);
    }

    [Fact]
    public void NullOptionalFieldsReadAsAbsent()
    {
        var file = TheoremFileLoader.LoadText("statement: a\nname:\nvariables: ~\nassumptions: null\nmetadata:\n", "nulls.yaml");

        var theorem = Assert.Single(file.Theorems);
        Assert.Null(theorem.Name);
        Assert.Empty(theorem.Variables);
        Assert.Empty(theorem.Assumptions);
        Assert.Empty(theorem.Metadata);
    }

    [Fact]
    public void ReadsByteOrderMarkedFiles()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "bom.yaml");
        File.WriteAllBytes(path, [0xEF, 0xBB, 0xBF, .. "statement: a = a\n"u8]);

        Assert.Empty(TheoremFileLoader.Load(path).Errors);
    }

    [Fact]
    public void AnchorsWithoutAliasesAreHarmless()
    {
        var file = TheoremFileLoader.LoadText("statement: &s a = a\n", "anchor.yaml");

        Assert.Equal("a = a", Assert.Single(file.Theorems).Statement);
    }

    [Fact]
    public void LoadingTwiceGivesEqualFiles()
    {
        const string yaml = "theorems:\n  - {id: a, statement: x, assumptions: [y]}\n  - {id: b, statement: ''}\n";

        var first = TheoremFileLoader.LoadText(yaml, "twice.yaml");
        var second = TheoremFileLoader.LoadText(yaml, "twice.yaml");

        Assert.Equal(first, second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
        Assert.NotEqual(first, TheoremFileLoader.LoadText(yaml.Replace("[y]", "[z]", StringComparison.Ordinal), "twice.yaml"));
    }
}
