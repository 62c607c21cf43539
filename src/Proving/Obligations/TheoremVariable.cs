namespace Hms.Proving.Obligations;

/// <summary>A free variable of a theorem: its name, sort and SMT-LIB symbol.</summary>
public sealed record TheoremVariable(string Name, Sort Sort, string Symbol);
