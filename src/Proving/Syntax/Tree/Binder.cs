namespace Hms.Proving.Syntax.Tree;

/// <summary>A variable bound by a quantifier, with its sort (Real when not written).</summary>
public sealed record Binder(string Name, Sort Sort, SourcePosition Position);
