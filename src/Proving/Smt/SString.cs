using System.Text;

namespace Hms.Proving.Smt;

/// <summary>A string literal; <see cref="Value"/> has the "" escapes already undone.</summary>
public sealed record SString(string Value) : SExpr
{
    private protected override void WriteAtomTo(StringBuilder builder) =>
        builder.Append('"').Append(Value.Replace("\"", "\"\"")).Append('"');

}
