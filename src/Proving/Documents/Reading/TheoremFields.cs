namespace Hms.Proving.Documents.Reading;

/// <summary>The field names a theorem mapping may use.</summary>
internal static class TheoremFields
{
    public const string Id = "id";
    public const string Name = "name";
    public const string Domain = "domain";
    public const string Format = "format";
    public const string Variables = "variables";
    public const string Definitions = "definitions";
    public const string Assumptions = "assumptions";
    public const string Statement = "statement";
    public const string LeanCode = "lean_code";
    public const string TimeoutSeconds = "timeout_seconds";
    public const string Strategies = "strategies";
    public const string UseGeneticOptimization = "use_genetic_optimization";
    public const string Metadata = "metadata";
    public const string Expected = "expected";

    /// <summary>The top-level key of a file holding several theorems.</summary>
    public const string Theorems = "theorems";

    /// <summary>In the order the spec lists them, which is also how messages list them.</summary>
    public static readonly IReadOnlyList<string> All =
    [
        Id, Name, Domain, Format, Variables, Definitions, Assumptions, Statement, LeanCode,
        TimeoutSeconds, Strategies, UseGeneticOptimization, Metadata, Expected,
    ];
}
