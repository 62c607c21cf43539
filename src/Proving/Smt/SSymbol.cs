using System.Text;

namespace Hms.Proving.Smt;

/// <summary>
/// A symbol, simple (<c>x</c>) or quoted (<c>|a b|</c>). <see cref="Name"/> is without the bars:
/// SMT-LIB treats <c>|x|</c> and <c>x</c> as the same symbol, so they compare equal here too.
/// </summary>
public sealed record SSymbol(string Name) : SExpr
{
    private static readonly HashSet<string> Reserved =
    [
        "BINARY", "DECIMAL", "HEXADECIMAL", "NUMERAL", "STRING",
        "_", "!", "as", "let", "exists", "forall", "match", "par",
    ];

    private protected override void WriteAtomTo(StringBuilder builder) => builder.Append(Quote(Name));

    /// <summary>True when <paramref name="name"/> can be written without bars.</summary>
    public static bool IsSimple(string name) =>
        name.Length > 0 && !char.IsAsciiDigit(name[0]) && name.All(IsSimpleSymbolChar) && !Reserved.Contains(name);

    /// <summary>
    /// The symbol as SMT-LIB text, adding bars only when needed.
    /// Throws <see cref="ArgumentException"/> for names no SMT-LIB symbol can spell ('|' or '\').
    /// </summary>
    public static string Quote(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (IsSimple(name)) return name;
        if (name.Contains('|') || name.Contains('\\'))
            throw new ArgumentException($"'{name}' cannot be written as an SMT-LIB symbol: it contains '|' or '\\'", nameof(name));
        return $"|{name}|";
    }

    internal static bool IsSimpleSymbolChar(char c) =>
        char.IsAsciiLetterOrDigit(c) || "~!@$%^&*_-+=<>.?/".Contains(c);
}
