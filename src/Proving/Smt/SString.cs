using System.Text;

namespace Hms.Proving.Smt;

/// <summary>A string literal; <see cref="Value"/> has the "" escapes already undone.</summary>
public sealed record SString(string Value) : SExpr
{
    private protected override void WriteAtomTo(StringBuilder builder)
    {
        // z3 4.8 reads \" as an escaped quote: a backslash would make the printed text mean something else.
        if (Value.Contains('\\'))
            throw new InvalidOperationException("a string literal holding a backslash cannot be written for the solvers");
        builder.Append('"').Append(Value.Replace("\"", "\"\"")).Append('"');
    }
}
