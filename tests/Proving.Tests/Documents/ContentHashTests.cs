using Hms.Proving.Documents;

namespace Hms.Proving.Tests.Documents;

public sealed class ContentHashTests
{
    private const string Original = """
        id: demand
        name: Demand slopes down
        domain: consumer_theory
        variables:
          p: Real
          n: Int
        assumptions:
          - "p > 0"
          - "n >= 1"
        statement: "n / p > 0"
        timeout_seconds: 30
        strategies: [z3, cvc5]
        use_genetic_optimization: false
        metadata:
          source: MWG
          year: 1995
        expected: proved
        """;

    // The same theorem: other key order, flow style, quoting, comments, block scalars, CRLF.
    private const string Reformatted =
        "# reordered\r\n"
        + "metadata: {year: \"1995\", source: 'MWG'}\r\n"
        + "statement: |\r\n  n / p > 0\r\n"
        + "strategies:\r\n  - z3\r\n  - cvc5\r\n"
        + "assumptions: ['p > 0', n >= 1]\r\n"
        + "variables: {n: Int, p: Real}\r\n"
        + "use_genetic_optimization: False\r\n"
        + "domain: consumer_theory   # free text\r\n"
        + "timeout_seconds: 30\r\n"
        + "name: \"Demand slopes down\"\r\n"
        + "id: demand\r\n";

    [Fact]
    public void HashIsHexSha256()
    {
        Assert.Matches("^[0-9a-f]{64}$", Load(Original).ContentHash);
    }

    [Fact]
    public void SameTheoremFormattedDifferentlyHashesAlike()
    {
        var original = Load(Original);
        var reformatted = Load(Reformatted);

        Assert.Equal(original.ContentHash, reformatted.ContentHash);
        Assert.Equal(original with { SourceFile = null }, reformatted with { SourceFile = null, Expected = ExpectedVerdict.Proved });
    }

    [Fact]
    public void JsonAndYamlAgree()
    {
        const string json = """
            {"id": "demand", "name": "Demand slopes down", "domain": "consumer_theory",
             "variables": {"p": "Real", "n": "Int"}, "assumptions": ["p > 0", "n >= 1"],
             "statement": "n / p > 0", "timeout_seconds": 30, "strategies": ["z3", "cvc5"],
             "metadata": {"source": "MWG", "year": "1995"}}
            """;

        Assert.Equal(Load(Original).ContentHash, Assert.Single(TheoremFileLoader.LoadText(json, "demand.json").Theorems).ContentHash);
    }

    [Fact]
    public void ExpectedAndSourceFileDoNotChangeTheHash()
    {
        var original = Load(Original);

        Assert.Equal(original.ContentHash, (original with { Expected = ExpectedVerdict.Disproved }).ContentHash);
        Assert.Equal(original.ContentHash, (original with { Expected = null, SourceFile = "elsewhere.yaml" }).ContentHash);
        Assert.Equal(original.ContentHash, Load(Original.Replace("expected: proved", "expected: unknown", StringComparison.Ordinal)).ContentHash);
    }

    public static TheoryData<string, Func<TheoremDocument, TheoremDocument>> Changes => new()
    {
        { "id", t => t with { Id = "demand2" } },
        { "name", t => t with { Name = "Other" } },
        { "no name", t => t with { Name = null } },
        { "domain", t => t with { Domain = "producer_theory" } },
        { "format", t => t with { Format = TheoremFormat.Lean4 } },
        { "variable sort", t => t with { Variables = [new("p", Sort.Real), new("n", Sort.Real)] } },
        { "extra variable", t => t with { Variables = [.. t.Variables, new("q", Sort.Bool)] } },
        { "assumption", t => t with { Assumptions = ["p > 0"] } },
        { "assumption order", t => t with { Assumptions = ["n >= 1", "p > 0"] } },
        { "statement", t => t with { Statement = "n / p >= 0" } },
        { "lean code", t => t with { LeanCode = "by simp" } },
        { "timeout", t => t with { TimeoutSeconds = 31 } },
        { "no timeout", t => t with { TimeoutSeconds = null } },
        { "strategies", t => t with { Strategies = ["z3"] } },
        { "strategy order", t => t with { Strategies = ["cvc5", "z3"] } },
        { "genetic", t => t with { UseGeneticOptimization = true } },
        { "metadata value", t => t with { Metadata = new Dictionary<string, string> { ["source"] = "MWG", ["year"] = "1996" } } },
        { "metadata key", t => t with { Metadata = new Dictionary<string, string> { ["source"] = "MWG" } } },
    };

    [Theory]
    [MemberData(nameof(Changes))]
    public void AnyContentChangeChangesTheHash(string change, Func<TheoremDocument, TheoremDocument> apply)
    {
        var original = Load(Original);
        var changed = apply(original);

        Assert.NotEqual(original.ContentHash, changed.ContentHash);
        Assert.False(original.Equals(changed), change);
    }

    [Fact]
    public void FieldBoundariesAreUnambiguous()
    {
        var a = new TheoremDocument { Id = "t", Name = "ab", Domain = "c" };
        var b = new TheoremDocument { Id = "t", Name = "a", Domain = "bc" };
        var empty = new TheoremDocument { Id = "t", Name = "" };
        var none = new TheoremDocument { Id = "t", Name = null };

        Assert.NotEqual(a.ContentHash, b.ContentHash);
        Assert.NotEqual(empty.ContentHash, none.ContentHash);
    }

    [Fact]
    public void WithRecomputesACachedHash()
    {
        var original = Load(Original);
        var before = original.ContentHash;

        var changed = original with { Statement = "false" };

        Assert.NotEqual(before, changed.ContentHash);
        Assert.Equal(before, original.ContentHash);
    }

    [Fact]
    public void EqualityIsByValueAndConsistentWithHashCode()
    {
        var first = Load(Original);
        var second = Load(Original);

        Assert.NotSame(first, second);
        Assert.Equal(first, second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
        Assert.True(first == second);
        Assert.NotEqual(first, first with { Expected = ExpectedVerdict.Unknown });
        Assert.NotEqual(first, first with { SourceFile = "other.yaml" });
        Assert.Single(new HashSet<TheoremDocument> { first, second });
    }

    private static TheoremDocument Load(string yaml)
    {
        var file = TheoremFileLoader.LoadText(yaml, "demand.yaml");
        Assert.Empty(file.Errors);
        return Assert.Single(file.Theorems);
    }
}
