using System.Text;

namespace Hms.Proving.Smt;

/// <summary>
/// An unquoted token that is not a symbol: a numeral, decimal, #x/#b literal or :keyword.
/// A user's script only ever yields well-formed ones; solver output may hold others (z3's "1.41?").
/// </summary>
public sealed record SAtom(string Text) : SExpr
{
    public bool IsKeyword => Text.StartsWith(':');

    public bool IsNumeral => Text.Length > 0 && Text.All(char.IsAsciiDigit);

    private protected override void WriteAtomTo(StringBuilder builder) => builder.Append(Text);

}
