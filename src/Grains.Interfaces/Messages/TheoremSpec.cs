using Hms.Proving.Documents;

namespace Hms.Grains.Messages;

/// <summary>
/// A theorem document as it crosses grain boundaries and is stored. The core's document type stays free
/// of Orleans; this record mirrors it field for field.
/// </summary>
[GenerateSerializer, Immutable, Alias("hms.TheoremSpec")]
public sealed record TheoremSpec
{
    [Id(0)] public required string Id { get; init; }
    [Id(1)] public string? Name { get; init; }
    [Id(2)] public string? Domain { get; init; }
    [Id(3)] public TheoremFormat Format { get; init; }
    [Id(4)] public IReadOnlyList<VariableSpec> Variables { get; init; } = [];
    [Id(5)] public IReadOnlyList<string> Assumptions { get; init; } = [];
    [Id(6)] public string Statement { get; init; } = "";
    [Id(7)] public string? LeanCode { get; init; }
    [Id(8)] public int? TimeoutSeconds { get; init; }
    [Id(9)] public IReadOnlyList<string> Strategies { get; init; } = [];
    [Id(10)] public bool UseGeneticOptimization { get; init; }
    [Id(11)] public IReadOnlyDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>();

    /// <summary>Definitions, head to body, in order (<see cref="TheoremDocument.Definitions"/>).</summary>
    [Id(12)] public IReadOnlyList<DefinitionSpec> Definitions { get; init; } = [];

    public static TheoremSpec From(TheoremDocument d) => new()
    {
        Id = d.Id,
        Name = d.Name,
        Domain = d.Domain,
        Format = d.Format,
        Variables = [.. d.Variables.Select(v => new VariableSpec(v.Key, v.Value))],
        Assumptions = [.. d.Assumptions],
        Statement = d.Statement,
        LeanCode = d.LeanCode,
        TimeoutSeconds = d.TimeoutSeconds,
        Strategies = [.. d.Strategies],
        UseGeneticOptimization = d.UseGeneticOptimization,
        Metadata = new Dictionary<string, string>(d.Metadata),
        Definitions = [.. d.Definitions.Select(x => new DefinitionSpec(x.Key, x.Value))],
    };

    public TheoremDocument ToDocument() => new()
    {
        Id = Id,
        Name = Name,
        Domain = Domain,
        Format = Format,
        Variables = [.. Variables.Select(v => new KeyValuePair<string, Hms.Proving.Sort>(v.Name, v.Sort))],
        Assumptions = [.. Assumptions],
        Statement = Statement,
        LeanCode = LeanCode,
        TimeoutSeconds = TimeoutSeconds,
        Strategies = [.. Strategies],
        UseGeneticOptimization = UseGeneticOptimization,
        Metadata = new Dictionary<string, string>(Metadata),
        Definitions = [.. Definitions.Select(x => new KeyValuePair<string, string>(x.Head, x.Body))],
    };

    /// <summary>Same content means the same document: what idempotent resubmission compares.</summary>
    public string ContentHash => ToDocument().ContentHash;
}
