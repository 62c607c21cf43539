namespace Hms.Agents.Reports;

/// <summary>One line of list_theorems; the statement is cut to its first 64 characters (get_theorem has the rest).</summary>
public sealed record TheoremSummary(string Id, string? Name, string? Domain, string Status, string Statement, DateTimeOffset UpdatedAt);
