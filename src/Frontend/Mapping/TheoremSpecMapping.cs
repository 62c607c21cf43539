using Hms.Grains.Messages;
using Hms.Frontend.V1;

namespace Hms.Frontend.Mapping;

/// <summary>A wire theorem as the grains store it. Only the document fields are read; outputs are ignored.</summary>
internal static class TheoremSpecMapping
{
    /// <summary>Maps a theorem that <see cref="Validation.TheoremRule"/> accepted.</summary>
    public static TheoremSpec ToSpec(Theorem theorem)
    {
        if (!FormatMapping.TryToCore(theorem.Format, out var format))
        {
            throw new ArgumentException($"unknown format {theorem.Format}", nameof(theorem));
        }

        return new TheoremSpec
        {
            Id = theorem.Id,
            // Proto3 strings cannot be absent, so empty means "not given", as a missing field in a file.
            Name = NullIfEmpty(theorem.Name),
            Domain = NullIfEmpty(theorem.Domain),
            Format = format,
            Variables = [.. theorem.Variables.Select(ToVariable)],
            Assumptions = [.. theorem.Assumptions],
            Statement = theorem.Statement,
            LeanCode = NullIfEmpty(theorem.LeanCode),
            TimeoutSeconds = theorem.TimeoutSeconds == 0 ? null : theorem.TimeoutSeconds,
            Strategies = [.. theorem.Strategies],
            UseGeneticOptimization = theorem.UseGeneticOptimization,
            Metadata = new Dictionary<string, string>(theorem.Metadata),
            // A proto map has no order; definitions need none (they refer to each other by name).
            Definitions = [.. theorem.Definitions.OrderBy(d => d.Key, StringComparer.Ordinal).Select(d => new DefinitionSpec(d.Key, d.Value))],
        };
    }

    private static VariableSpec ToVariable(KeyValuePair<string, string> variable) =>
        SortMapping.TryParse(variable.Value, out var sort)
            ? new VariableSpec(variable.Key, sort)
            : throw new ArgumentException($"variable '{variable.Key}' has unknown type '{variable.Value}'");

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;
}
