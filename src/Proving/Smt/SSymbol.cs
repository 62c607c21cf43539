using System.Text;

namespace Hms.Proving.Smt;

/// <summary>
/// A symbol, simple (<c>x</c>) or quoted (<c>|a b|</c>). <see cref="Name"/> is without the bars:
/// SMT-LIB treats <c>|x|</c> and <c>x</c> as the same symbol, so they compare equal here too.
/// </summary>
/// <remarks>
/// The exception is a reserved word: bare <c>let</c> is syntax, <c>|let|</c> a symbol that happens to be
/// spelled alike. <see cref="IsReservedWord"/> keeps the difference so that a re-printed script means the same.
/// </remarks>
public sealed record SSymbol(string Name) : SExpr
{
    private static readonly HashSet<string> Reserved =
    [
        "BINARY", "DECIMAL", "HEXADECIMAL", "NUMERAL", "STRING",
        "_", "!", "as", "let", "exists", "forall", "match", "par",
    ];

    /// <summary>Read bare and spelled as a reserved word (<c>_</c>, <c>!</c>, <c>let</c>, ...): printed bare.</summary>
    public bool IsReservedWord { get; init; }

    private protected override void WriteAtomTo(StringBuilder builder) =>
        builder.Append(IsReservedWord && IsReservedName(Name) ? Name : Quote(Name));

    /// <summary>True when <paramref name="name"/> can be written without bars.</summary>
    public static bool IsSimple(string name) =>
        name.Length > 0 && !char.IsAsciiDigit(name[0]) && name.All(IsSimpleSymbolChar) && !Reserved.Contains(name);

    /// <summary>True for the reserved words of SMT-LIB 2.6 that are spelled like symbols.</summary>
    public static bool IsReservedName(string name) => Reserved.Contains(name);

    /// <summary>
    /// The symbol as SMT-LIB text, adding bars only when needed.
    /// Throws <see cref="ArgumentException"/> for names no SMT-LIB symbol can spell ('|', '\' or a control character).
    /// </summary>
    public static string Quote(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (IsSimple(name)) return name;
        if (name.Contains('|') || name.Contains('\\'))
            throw new ArgumentException($"'{name}' cannot be written as an SMT-LIB symbol: it contains '|' or '\\'", nameof(name));
        if (name.Any(c => char.IsControl(c) && c is not ('\t' or '\n' or '\r')))
            throw new ArgumentException($"'{name}' cannot be written as an SMT-LIB symbol: it contains a control character", nameof(name));
        return $"|{name}|";
    }

    internal static bool IsSimpleSymbolChar(char c) =>
        char.IsAsciiLetterOrDigit(c) || "~!@$%^&*_-+=<>.?/".Contains(c);
}
