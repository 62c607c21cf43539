using System.Text;

namespace Hms.Proving.Smt;

/// <summary>
/// Reads SMT-LIB 2 text into s-expressions. Handles ; comments, |quoted symbols| and "strings" with ""
/// escapes. Iterative rather than recursive so that hostile nesting depth cannot overflow the stack.
/// </summary>
public static class SExprReader
{
    /// <summary>All top-level expressions in <paramref name="text"/>, in order.</summary>
    /// <exception cref="SExprParseException">unbalanced parentheses or an unterminated string/symbol.</exception>
    public static IReadOnlyList<SExpr> ParseAll(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var cursor = new Cursor(text);
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
                    item = new SString(cursor.ReadDelimited('"', allowDoubledDelimiter: true, "string"));
                    break;
                case '|':
                    item = new SSymbol(cursor.ReadDelimited('|', allowDoubledDelimiter: false, "quoted symbol"));
                    break;
                default:
                    var token = cursor.ReadToken();
                    item = token[0] is ':' or '#' || char.IsAsciiDigit(token[0]) ? new SAtom(token) : new SSymbol(token);
                    break;
            }

            if (item is not SList)
                item = item with { Span = new SourceSpan(start, cursor.Position - start, line, column) };
            if (open.Count > 0) open.Peek().Items.Add(item);
            else top.Add(item);
        }
    }

    private sealed record OpenList(int Start, int Line, int Column)
    {
        public List<SExpr> Items { get; } = [];
    }

    private sealed class Cursor(string text)
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

        public void SkipSpaceAndComments()
        {
            while (!AtEnd)
            {
                if (char.IsWhiteSpace(Current))
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

        /// <summary>Reads "..." or |...| starting at the opening delimiter; returns the content.</summary>
        public string ReadDelimited(char delimiter, bool allowDoubledDelimiter, string what)
        {
            var (line, column) = (Line, Column);
            Advance();
            var content = new StringBuilder();
            while (true)
            {
                if (AtEnd)
                    throw new SExprParseException(line, column, $"unterminated {what}: no closing {delimiter}");
                var c = Current;
                Advance();
                if (c != delimiter)
                {
                    content.Append(c);
                }
                else if (allowDoubledDelimiter && !AtEnd && Current == delimiter)
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

        /// <summary>
        /// Reads up to whitespace or a delimiter. Deliberately accepts characters SMT-LIB does not
        /// (cvc5 prints algebraic numbers as "<1*x^2 + (-2), (1, 2)>"), so solver output always reads.
        /// </summary>
        public string ReadToken()
        {
            var start = Position;
            while (!AtEnd && !char.IsWhiteSpace(Current) && Current is not ('(' or ')' or '"' or '|' or ';'))
                Advance();
            return text[start..Position];
        }
    }
}
