using Hms.Proving.Obligations;
using Hms.Proving.Syntax.Tree;

namespace Hms.Proving.Search;

/// <summary>"x = expr" in an assumption, read as how to compute x from the other variables.</summary>
public sealed record Definition(string Name, Expr Value, Formula Source);
