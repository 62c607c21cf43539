namespace Hms.Agents.Reports;

/// <summary>
/// An assignment that satisfies the assumptions and falsifies the statement. Values are exact (rationals
/// as p/q, booleans as true/false); <see cref="Validated"/> says the exact re-check confirmed it.
/// </summary>
public sealed record CounterexampleReport(IReadOnlyDictionary<string, string> Values, bool Validated, string Explanation);
