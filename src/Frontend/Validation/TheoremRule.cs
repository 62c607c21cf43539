using System.Text;
using Hms.Frontend.Mapping;
using Hms.Frontend.V1;
using Hms.Proving.Documents;

namespace Hms.Frontend.Validation;

/// <summary>
/// What the frontend checks of a submitted theorem first: its shape and the core's size limits (then the
/// configured <see cref="Hms.Grains.TheoremLimits"/>). The formulas
/// themselves are the core's to judge; the grain answers Invalid with the parser's message.
/// </summary>
internal static class TheoremRule
{
    /// <summary>Null when <paramref name="theorem"/> can be submitted, else the first problem found.</summary>
    public static string? Check(Theorem? theorem)
    {
        if (theorem is null)
        {
            return "theorem is required";
        }

        if (TheoremIdRule.Check(theorem.Id, "theorem.id") is { } badId)
        {
            return badId;
        }

        var where = $"theorem '{theorem.Id}'";
        if (string.IsNullOrWhiteSpace(theorem.Statement))
        {
            return $"{where}: statement is required";
        }

        // Measured in UTF-8 bytes, as the core measures files; the character count alone could pass 4x that.
        if (theorem.Statement.Length > DocumentLimits.MaxStatementBytes
            || Encoding.UTF8.GetByteCount(theorem.Statement) > DocumentLimits.MaxStatementBytes)
        {
            return $"{where}: statement is longer than {DocumentLimits.MaxStatementBytes} bytes";
        }

        if (theorem.Assumptions.Count > DocumentLimits.MaxAssumptions)
        {
            return $"{where}: too many assumptions, {theorem.Assumptions.Count} (at most {DocumentLimits.MaxAssumptions})";
        }

        if (theorem.Variables.Count > DocumentLimits.MaxVariables)
        {
            return $"{where}: too many variables, {theorem.Variables.Count} (at most {DocumentLimits.MaxVariables})";
        }

        foreach (var (name, sort) in theorem.Variables)
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                return $"{where}: a variable has an empty name";
            }

            if (!SortMapping.TryParse(sort, out _))
            {
                return $"{where}: variable '{Quote.Shorten(name)}' has unknown type '{Quote.Shorten(sort)}' (expected {SortMapping.Expected})";
            }
        }

        if (theorem.Definitions.Count > DocumentLimits.MaxDefinitions)
        {
            return $"{where}: too many definitions, {theorem.Definitions.Count} (at most {DocumentLimits.MaxDefinitions})";
        }

        foreach (var (head, body) in theorem.Definitions)
        {
            if (string.IsNullOrWhiteSpace(head) || string.IsNullOrWhiteSpace(body))
            {
                return $"{where}: definition '{Quote.Shorten(head)}' has an empty name or body";
            }
        }

        if (!FormatMapping.TryToCore(theorem.Format, out _))
        {
            return $"{where}: unknown format {(int)theorem.Format}";
        }

        // timeout_seconds and the field sizes are checked against the configured TheoremLimits after this.
        return StrategyListRule.Check(theorem.Strategies, $"{where}: strategies");
    }
}
