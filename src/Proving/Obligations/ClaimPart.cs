using Hms.Proving.Syntax.Tree;

namespace Hms.Proving.Obligations;

/// <summary>A piece of the statement proved on its own, with the text that names it.</summary>
public sealed record ClaimPart(Expr Claim, string Text);
