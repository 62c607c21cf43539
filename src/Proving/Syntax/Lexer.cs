namespace Hms.Proving.Syntax;

/// <summary>
/// Splits a formula into tokens. Words and symbols that mean the same operator (and, &amp;&amp;, ∧) become one
/// token kind, so the parser sees a single grammar whichever notation the economist pasted.
/// </summary>
public sealed class Lexer
{
    private static readonly Dictionary<string, TokenKind> Keywords = new(StringComparer.Ordinal)
    {
        ["and"] = TokenKind.And,
        ["or"] = TokenKind.Or,
        ["not"] = TokenKind.Not,
        ["implies"] = TokenKind.Implies,
        ["iff"] = TokenKind.Iff,
        ["forall"] = TokenKind.Forall,
        ["exists"] = TokenKind.Exists,
        ["in"] = TokenKind.In,
        ["if"] = TokenKind.If,
        ["then"] = TokenKind.Then,
        ["else"] = TokenKind.Else,
        ["true"] = TokenKind.True,
        ["false"] = TokenKind.False,
    };

    // Longest first, so "<->" wins over "<=" and "<".
    private static readonly (string Text, TokenKind Kind)[] Symbols =
    [
        ("<->", TokenKind.Iff), ("<=>", TokenKind.Iff), ("..", TokenKind.DotDot),
        ("->", TokenKind.Implies), ("=>", TokenKind.Implies),
        ("<=", TokenKind.LessEqual), (">=", TokenKind.GreaterEqual), ("==", TokenKind.Equal), ("!=", TokenKind.NotEqual),
        ("&&", TokenKind.And), ("||", TokenKind.Or),
        ("(", TokenKind.LeftParen), (")", TokenKind.RightParen), (",", TokenKind.Comma), (":", TokenKind.Colon),
        ("+", TokenKind.Plus), ("-", TokenKind.Minus), ("*", TokenKind.Star), ("/", TokenKind.Slash), ("^", TokenKind.Caret),
        ("[", TokenKind.LeftBracket), ("]", TokenKind.RightBracket),
        ("<", TokenKind.Less), (">", TokenKind.Greater), ("=", TokenKind.Equal), ("!", TokenKind.Not),
        ("≤", TokenKind.LessEqual), ("≥", TokenKind.GreaterEqual), ("≠", TokenKind.NotEqual),
        ("∧", TokenKind.And), ("∨", TokenKind.Or), ("¬", TokenKind.Not),
        ("→", TokenKind.Implies), ("⇒", TokenKind.Implies), ("↔", TokenKind.Iff), ("⇔", TokenKind.Iff),
        ("∀", TokenKind.Forall), ("∃", TokenKind.Exists),
        ("−", TokenKind.Minus), ("·", TokenKind.Star), ("×", TokenKind.Star), ("⋅", TokenKind.Star),
    ];

    private readonly string text;
    private int offset;
    private int line = 1;
    private int column = 1;

    private Lexer(string text) => this.text = text;

    public static IReadOnlyList<Token> Tokenize(string text)
    {
        if (text.Length > FormulaLimits.MaxLength)
            throw new FormulaException(new SourcePosition(0, 1, 1),
                $"formula is {text.Length:N0} characters long; the limit is {FormulaLimits.MaxLength:N0}");
        return new Lexer(text).ReadAll();
    }

    private List<Token> ReadAll()
    {
        var tokens = new List<Token>();
        while (true)
        {
            SkipWhitespace();
            var start = Here;
            if (offset >= text.Length)
            {
                tokens.Add(new Token(TokenKind.End, "", start));
                return tokens;
            }
            tokens.Add(ReadToken(start));
        }
    }

    private SourcePosition Here => new(offset, line, column);

    private void SkipWhitespace()
    {
        while (offset < text.Length && char.IsWhiteSpace(text[offset]))
            Advance(1);
    }

    private void Advance(int count)
    {
        for (var i = 0; i < count; i++)
        {
            if (text[offset] == '\n')
            {
                line++;
                column = 1;
            }
            else
            {
                column++;
            }
            offset++;
        }
    }

    private Token ReadToken(SourcePosition start)
    {
        var c = text[offset];
        if (char.IsAsciiDigit(c) || (c == '.' && offset + 1 < text.Length && char.IsAsciiDigit(text[offset + 1])))
            return Take(TokenKind.Number, NumberLength(), start);
        if (char.IsLetter(c) || c == '_')
        {
            var length = 1;
            while (offset + length < text.Length && (char.IsLetterOrDigit(text[offset + length]) || text[offset + length] == '_'))
                length++;
            var word = text.Substring(offset, length);
            return Take(Keywords.GetValueOrDefault(word, TokenKind.Name), length, start);
        }
        foreach (var (symbol, kind) in Symbols)
        {
            if (string.CompareOrdinal(text, offset, symbol, 0, symbol.Length) == 0)
                return Take(kind, symbol.Length, start);
        }
        throw new FormulaException(start, $"unexpected character '{c}'");
    }

    private int NumberLength()
    {
        var i = offset;
        while (i < text.Length && char.IsAsciiDigit(text[i])) i++;
        // "1..3" is a range, not the number "1." followed by ".3".
        if (i < text.Length && text[i] == '.' && !(i + 1 < text.Length && text[i + 1] == '.'))
        {
            i++;
            while (i < text.Length && char.IsAsciiDigit(text[i])) i++;
        }
        if (i < text.Length && text[i] is 'e' or 'E')
        {
            var j = i + 1;
            if (j < text.Length && text[j] is '+' or '-') j++;
            if (j < text.Length && char.IsAsciiDigit(text[j]))
            {
                while (j < text.Length && char.IsAsciiDigit(text[j])) j++;
                i = j;
            }
        }
        return i - offset;
    }

    private Token Take(TokenKind kind, int length, SourcePosition start)
    {
        var tokenText = text.Substring(offset, length);
        Advance(length);
        return new Token(kind, tokenText, start);
    }
}
