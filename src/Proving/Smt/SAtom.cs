using System.Text;

namespace Hms.Proving.Smt;

/// <summary>
/// An unquoted token that is not a symbol: a numeral, decimal, #x/#b literal or :keyword.
/// The reader is lenient here so that any solver output (e.g. z3's "1.41?" approximations) still reads.
/// </summary>
public sealed record SAtom(string Text) : SExpr
{
    public bool IsKeyword => Text.StartsWith(':');

    public bool IsNumeral => Text.Length > 0 && Text.All(char.IsAsciiDigit);

    private protected override void WriteAtomTo(StringBuilder builder) => builder.Append(Text);

}
