namespace Hms.Fuzz;

/// <summary>
/// One entry point for user text. <see cref="Run"/> must return normally or throw one of the exception
/// types the entry point documents for bad input; those it swallows itself. Anything else that escapes,
/// and any hang, is a finding.
/// </summary>
internal sealed record FuzzTarget(string Name, string Description, Action<string> Run);
