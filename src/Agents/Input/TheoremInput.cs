using Hms.Frontend.Mapping;
using Hms.Frontend.Validation;
using Hms.Grains.Messages;
using Wire = Hms.Frontend.V1;

namespace Hms.Agents.Input;

/// <summary>
/// A theorem as the tools take it. It is put into the gRPC frontend's message and judged by the frontend's
/// rules, so a theorem is accepted or refused alike whichever door it comes through; the grain then parses
/// it and answers with the parser's message (field, line and column) when it does not parse.
/// </summary>
internal sealed record TheoremInput(
    string Statement,
    IReadOnlyList<string>? Assumptions,
    IReadOnlyDictionary<string, string>? Variables,
    string? Format,
    int? Timeout,
    string? Strategy)
{
    /// <summary>The theorem to submit, or what is wrong with the input.</summary>
    public (TheoremSpec? Spec, string? Problem) ToSpec(string id)
    {
        Wire.TheoremFormat format;
        switch (Format)
        {
            case null or "" or "infix":
                format = Wire.TheoremFormat.Infix;
                break;
            case "smtlib2":
                format = Wire.TheoremFormat.Smtlib2;
                break;
            default:
                return (null, $"format '{Quote.Shorten(Format)}' is not known (expected infix or smtlib2)");
        }

        var theorem = new Wire.Theorem
        {
            Id = id,
            Statement = Statement ?? "",
            Format = format,
            TimeoutSeconds = Timeout ?? 0,
        };
        // JSON may hold nulls where a schema says string; the wire message cannot, so they are named here.
        if (Assumptions?.Any(a => a is null) == true)
        {
            return (null, "assumptions: an assumption is null (expected a formula)");
        }

        theorem.Assumptions.AddRange(Assumptions ?? []);
        if (Strategy is not null)
        {
            theorem.Strategies.Add(Strategy);
        }

        foreach (var (name, sort) in Variables ?? new Dictionary<string, string>())
        {
            theorem.Variables[name] = sort ?? "";
        }

        return TheoremRule.Check(theorem) is { } problem ? (null, problem) : (TheoremSpecMapping.ToSpec(theorem), null);
    }
}
