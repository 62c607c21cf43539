using System.Globalization;
using System.Text;

namespace Hms.Proving.Smt;

/// <summary>
/// The one SMT-LIB 2.6 reader. <see cref="ParseAll"/> is strict and decides what a user's script means: the
/// solvers are sent our re-printing of its tree (<see cref="SExpr.ToString"/>), never the text itself, so any
/// corner where a solver's lexer differs from ours becomes a clear error here instead of a second meaning.
/// Iterative rather than recursive so that hostile nesting cannot overflow the stack.
/// </summary>
/// <remarks>
/// Stricter than the standard in one place: a backslash is refused in string literals as well as in quoted
/// symbols, because z3 4.8 reads <c>\"</c> inside a string as an escaped quote and <c>\|</c> inside a quoted
/// symbol as an escaped bar, and either lets one text mean two scripts.
/// </remarks>
public static class SExprReader
{
    /// <summary>
    /// Deepest list nesting a script may use. Our own encoder nests as deep as a formula's tree (up to 2,000 for
    /// long operator chains), the deepest benchmark in the corpus 306; both solvers still read 20,000.
    /// </summary>
    public const int MaxDepth = 5_000;

    /// <summary>All top-level expressions of a user's SMT-LIB script, in order.</summary>
    /// <exception cref="SExprParseException">anything SMT-LIB 2.6 does not allow, with line:column.</exception>
    public static IReadOnlyList<SExpr> ParseAll(string text) => Parse(text, strict: true);

    /// <summary>
    /// Reads what a solver printed. Tokens are taken as they come (cvc5 prints algebraic numbers as
    /// "&lt;1*x^2 + (-2), (1, 2)&gt;", z3 approximations as "1.41?"); never use this for input to a solver.
    /// </summary>
    public static IReadOnlyList<SExpr> ParseSolverOutput(string text) => Parse(text, strict: false);

    private static List<SExpr> Parse(string text, bool strict)
    {
        ArgumentNullException.ThrowIfNull(text);
        var cursor = new Cursor(text, strict);
        var top = new List<SExpr>();
        var open = new Stack<OpenList>();

        while (true)
        {
            cursor.SkipSpaceAndComments();
            if (cursor.AtEnd)
            {
                if (open.Count > 0)
                {
                    var unclosed = open.Peek();
                    throw new SExprParseException(unclosed.Line, unclosed.Column, "unbalanced '(': this list is never closed");
                }
                return top;
            }

            var (start, line, column) = (cursor.Position, cursor.Line, cursor.Column);
            SExpr item;
            switch (cursor.Current)
            {
                case '(':
                    if (strict && open.Count >= MaxDepth)
                        throw new SExprParseException(line, column, $"lists nest deeper than {MaxDepth} levels");
                    cursor.Advance();
                    open.Push(new OpenList(start, line, column));
                    continue;
                case ')':
                    if (open.Count == 0)
                        throw new SExprParseException(line, column, "unbalanced ')': no list is open here");
                    cursor.Advance();
                    var closed = open.Pop();
                    item = new SList(closed.Items.ToArray())
                    {
                        Span = new SourceSpan(closed.Start, cursor.Position - closed.Start, closed.Line, closed.Column),
                    };
                    break;
                case '"':
                    item = new SString(cursor.ReadDelimited('"', "string literal"));
                    cursor.ExpectSeparator();
                    break;
                case '|':
                    item = new SSymbol(cursor.ReadDelimited('|', "quoted symbol"));
                    cursor.ExpectSeparator();
                    break;
                default:
                    item = strict ? Classify(cursor.ReadToken(), line, column) : Lenient(cursor.ReadToken());
                    cursor.ExpectSeparator();
                    break;
            }

            if (item is not SList)
                item = item with { Span = new SourceSpan(start, cursor.Position - start, line, column) };
            if (open.Count > 0) open.Peek().Items.Add(item);
            else top.Add(item);
        }
    }

    private static SExpr Lenient(string token) =>
        token[0] is ':' or '#' || char.IsAsciiDigit(token[0])
            ? new SAtom(token)
            : new SSymbol(token) { IsReservedWord = SSymbol.IsReservedName(token) };

    /// <summary>A token of SMT-LIB 2.6 §3.1: numeral, decimal, #x/#b literal, keyword or simple symbol.</summary>
    private static SExpr Classify(string token, int line, int column)
    {
        var first = token[0];
        if (char.IsAsciiDigit(first))
        {
            var dot = token.IndexOf('.');
            var whole = dot < 0 ? token : token[..dot];
            var valid = IsNumeral(whole) && (dot < 0 || token[(dot + 1)..].All(char.IsAsciiDigit));
            // "2." is not SMT-LIB, but benchmarks write it and z3 reads it as 2.0: printed as that, it means
            // the same to both solvers.
            return valid
                ? new SAtom(dot == token.Length - 1 ? token + "0" : token)
                : throw new SExprParseException(line, column,
                    $"'{Short(token)}' is not a number: SMT-LIB numerals are 0 or start with 1-9, decimals are like 2.50");
        }
        if (first == '#')
        {
            var valid = token.Length > 2 &&
                        ((token[1] == 'x' && token[2..].All(char.IsAsciiHexDigit)) ||
                         (token[1] == 'b' && token[2..].All(c => c is '0' or '1')));
            return valid
                ? new SAtom(token)
                : throw new SExprParseException(line, column, $"'{Short(token)}' is not a #x (hexadecimal) or #b (binary) literal");
        }
        var name = first == ':' ? token[1..] : token;
        if (name.Length == 0)
            throw new SExprParseException(line, column, "a keyword needs a name after ':'");
        // An index, not FirstOrDefault: a NUL would read as "none found" and slip through.
        var badAt = Array.FindIndex(name.ToCharArray(), c => !SSymbol.IsSimpleSymbolChar(c));
        if (badAt >= 0)
            throw new SExprParseException(line, column,
                $"'{Short(token)}' contains {Describe(name[badAt])}, which a simple symbol cannot hold; write it as a |quoted symbol|");
        if (first == ':') return new SAtom(token);
        return new SSymbol(token) { IsReservedWord = SSymbol.IsReservedName(token) };
    }

    private static bool IsNumeral(string text) =>
        text.Length > 0 && text.All(char.IsAsciiDigit) && (text.Length == 1 || text[0] != '0');

    internal static string Describe(char c) =>
        c is >= ' ' and < (char)0x7F ? $"'{c}'" : $"character U+{(int)c:X4}";

    private static string Short(string token) => token.Length <= 40 ? token : token[..37] + "...";

    private sealed record OpenList(int Start, int Line, int Column)
    {
        public List<SExpr> Items { get; } = [];
    }

    private sealed class Cursor(string text, bool strict)
    {
        public int Position { get; private set; }
        public int Line { get; private set; } = 1;
        public int Column { get; private set; } = 1;
        public bool AtEnd => Position >= text.Length;
        public char Current => text[Position];

        public void Advance()
        {
            if (text[Position] == '\n')
            {
                Line++;
                Column = 1;
            }
            else
            {
                Column++;
            }
            Position++;
        }

        private static bool IsSpace(char c) => c is ' ' or '\t' or '\n' or '\r';

        private static bool IsDelimiter(char c) => IsSpace(c) || c is '(' or ')' or '"' or '|' or ';';

        public void SkipSpaceAndComments()
        {
            while (!AtEnd)
            {
                if (IsSpace(Current) || (!strict && char.IsWhiteSpace(Current)))
                {
                    Advance();
                }
                else if (Current == ';')
                {
                    while (!AtEnd && Current != '\n') Advance();
                }
                else
                {
                    return;
                }
            }
        }

        /// <summary>
        /// After a token, string or quoted symbol: "a|b|" or "x\"s\"" is one token to some readers and two to
        /// others, so a script must separate them.
        /// </summary>
        public void ExpectSeparator()
        {
            if (!strict || AtEnd || Current is not ('"' or '|')) return;
            throw new SExprParseException(Line, Column, $"{Describe(Current)} must be separated from what precedes it by a space");
        }

        /// <summary>Reads "..." (with "" for a quote) or |...| starting at the opening delimiter; returns the content.</summary>
        public string ReadDelimited(char delimiter, string what)
        {
            var (line, column) = (Line, Column);
            Advance();
            var content = new StringBuilder();
            while (true)
            {
                if (AtEnd)
                    throw new SExprParseException(line, column, $"unterminated {what}: no closing {delimiter}");
                var c = Current;
                CheckLiteralChar(c, what);
                Advance();
                if (c != delimiter)
                {
                    content.Append(c);
                }
                else if (delimiter == '"' && !AtEnd && Current == '"')
                {
                    content.Append(c);
                    Advance();
                }
                else
                {
                    return content.ToString();
                }
            }
        }

        private void CheckLiteralChar(char c, string what)
        {
            if (c == '\\')
                throw new SExprParseException(Line, Column,
                    $"a backslash is not allowed in a {what}: SMT-LIB 2.6 forbids it in quoted symbols and z3 reads \\\" and \\| as escapes");
            var unpaired = char.IsHighSurrogate(c)
                ? Position + 1 >= text.Length || !char.IsLowSurrogate(text[Position + 1])
                : char.IsLowSurrogate(c) && (Position == 0 || !char.IsHighSurrogate(text[Position - 1]));
            if ((char.IsControl(c) && !IsSpace(c)) || unpaired || c is '\uFFFE' or '\uFFFF')
                throw new SExprParseException(Line, Column, $"{Describe(c)} is not a printable character and not allowed in a {what}");
        }

        /// <summary>Reads up to whitespace or a delimiter; the strict reader then checks what was read.</summary>
        public string ReadToken()
        {
            var start = Position;
            while (!AtEnd && !IsDelimiter(Current) && (strict || !char.IsWhiteSpace(Current)))
                Advance();
            if (Position == start)
                throw new SExprParseException(Line, Column, $"unexpected {Describe(Current)}");
            return text[start..Position];
        }
    }
}
