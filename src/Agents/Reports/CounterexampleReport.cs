namespace Hms.Agents.Reports;

/// <summary>
/// An assignment that satisfies the assumptions and falsifies the statement. Values are text a program parses
/// as a number (integers, p/q, and decimals for the names in <see cref="Approximate"/>) or true/false.
/// <see cref="Validation"/> says how it was confirmed, as on the wire: exact, interval, solver or none;
/// <see cref="Validated"/> is true exactly for exact and interval (checked without trusting a solver).
/// </summary>
public sealed record CounterexampleReport(
    IReadOnlyDictionary<string, string> Values, bool Validated, string Explanation, string Validation, IReadOnlyList<string> Approximate);
