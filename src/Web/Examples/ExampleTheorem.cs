namespace Hms.Web.Examples;

/// <summary>One example theorem as the editor shows it: the fields of the wire's Theorem that the editor has.</summary>
internal sealed record ExampleTheorem(
    string File,
    string Id,
    string Name,
    string Domain,
    string Format,
    string Statement,
    IReadOnlyList<string> Assumptions,
    IReadOnlyDictionary<string, string> Variables,
    IReadOnlyDictionary<string, string> Definitions,
    string? Expected);
