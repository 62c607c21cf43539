using Hms.Proving.Numbers;
using Hms.Proving.Syntax.Tree;

namespace Hms.Proving.Syntax;

/// <summary>
/// Recursive-descent parser for the infix language. Precedence, lowest first:
/// &lt;-&gt; (left), -&gt; (right), or, and, not, comparisons (chained), + -, * /, unary -, ^ (right).
/// "if … then … else B" and quantifier bodies extend as far right as they can.
/// Calls of names that are not built-in (definitions, d, maximizes, minimizes), sum(i in a..b, …) and x[i]
/// become surface nodes that <see cref="Elaboration.Elaborator"/> replaces by core nodes before type checking.
/// </summary>
public sealed class Parser
{
    private static readonly Dictionary<string, Function> Functions = new(StringComparer.Ordinal)
    {
        ["abs"] = Function.Abs,
        ["min"] = Function.Min,
        ["max"] = Function.Max,
        ["sqrt"] = Function.Sqrt,
        ["exp"] = Function.Exp,
        ["log"] = Function.Log,
    };

    private static readonly Dictionary<string, Sort> SortNames = new(StringComparer.Ordinal)
    {
        ["Real"] = Sort.Real,
        ["Int"] = Sort.Int,
        ["Bool"] = Sort.Bool,
    };

    private readonly IReadOnlyList<Token> tokens;
    private int index;
    private int nesting;

    private Parser(IReadOnlyList<Token> tokens) => this.tokens = tokens;

    /// <summary>Parses one whole formula; throws <see cref="FormulaException"/> with a position on error.</summary>
    public static Expr Parse(string formula)
    {
        var parser = new Parser(Lexer.Tokenize(formula));
        if (parser.Current.Kind == TokenKind.End)
            throw new FormulaException(parser.Current.Position, "empty formula: expected an expression");
        var expr = parser.ParseFormula();
        if (parser.Current.Kind != TokenKind.End)
        {
            var found = parser.Current;
            throw new FormulaException(found.Position, found.Kind == TokenKind.RightParen
                ? "unmatched ')': no '(' is open here"
                : $"expected an operator or the end of the formula, found {found.Describe()}");
        }
        return expr;
    }

    private Token Current => tokens[index];
    private Token Previous => tokens[Math.Max(0, index - 1)];

    private Token Advance() => tokens[index++];

    private bool Accept(TokenKind kind)
    {
        if (Current.Kind != kind) return false;
        index++;
        return true;
    }

    private Token Expect(TokenKind kind, string what)
    {
        if (Current.Kind != kind)
            throw new FormulaException(Current.Position, $"expected {what}, found {Current.Describe()}");
        return Advance();
    }

    private int EndOfPrevious => Previous.Position.Offset + Previous.Text.Length;

    private T Checked<T>(T expr) where T : Expr
    {
        if (expr.Height > FormulaLimits.MaxHeight)
            throw new FormulaException(expr.Start,
                $"formula is nested deeper than {FormulaLimits.MaxHeight} levels; split it into assumptions or definitions");
        return expr;
    }

    private void Enter()
    {
        if (++nesting > FormulaLimits.MaxNesting)
            throw new FormulaException(Current.Position,
                $"formula is nested more than {FormulaLimits.MaxNesting} levels deep");
    }

    private void Leave() => nesting--;

    private Expr ParseFormula() => ParseIff();

    private Expr ParseIff()
    {
        var left = ParseImplies();
        while (Current.Kind == TokenKind.Iff)
        {
            var op = Advance();
            var right = Operand(ParseImplies, op);
            left = Checked(new BinaryExpr(left.Start, right.End, BinaryOperator.Iff, left, right));
        }
        return left;
    }

    private Expr ParseImplies()
    {
        var left = ParseOr();
        if (Current.Kind != TokenKind.Implies) return left;
        var op = Advance();
        Enter();
        var right = Operand(ParseImplies, op);
        Leave();
        return Checked(new BinaryExpr(left.Start, right.End, BinaryOperator.Implies, left, right));
    }

    private Expr ParseOr()
    {
        var left = ParseAnd();
        while (Current.Kind == TokenKind.Or)
        {
            var op = Advance();
            var right = Operand(ParseAnd, op);
            left = Checked(new BinaryExpr(left.Start, right.End, BinaryOperator.Or, left, right));
        }
        return left;
    }

    private Expr ParseAnd()
    {
        var left = ParseNot();
        while (Current.Kind == TokenKind.And)
        {
            var op = Advance();
            var right = Operand(ParseNot, op);
            left = Checked(new BinaryExpr(left.Start, right.End, BinaryOperator.And, left, right));
        }
        return left;
    }

    private Expr ParseNot()
    {
        if (Current.Kind != TokenKind.Not) return ParseComparison();
        var op = Advance();
        Enter();
        var operand = Operand(ParseNot, op);
        Leave();
        return Checked(new UnaryExpr(op.Position, operand.End, UnaryOperator.Not, operand));
    }

    private Expr ParseComparison()
    {
        var first = ParseSum();
        Expr? chain = null;
        var left = first;
        while (TryCompareOperator(Current.Kind, out var compare))
        {
            var op = Advance();
            var right = Operand(ParseSum, op);
            var link = Checked(new CompareExpr(left.Start, right.End, compare, left, right));
            // A chain a < b < c means a < b and b < c: the later link may assume the earlier one.
            chain = chain is null ? link : Checked(new BinaryExpr(first.Start, right.End, BinaryOperator.And, chain, link));
            left = right;
        }
        return chain ?? first;
    }

    private static bool TryCompareOperator(TokenKind kind, out CompareOperator op)
    {
        (var ok, op) = kind switch
        {
            TokenKind.Less => (true, CompareOperator.Less),
            TokenKind.LessEqual => (true, CompareOperator.LessEqual),
            TokenKind.Greater => (true, CompareOperator.Greater),
            TokenKind.GreaterEqual => (true, CompareOperator.GreaterEqual),
            TokenKind.Equal => (true, CompareOperator.Equal),
            TokenKind.NotEqual => (true, CompareOperator.NotEqual),
            _ => (false, default),
        };
        return ok;
    }

    private Expr ParseSum()
    {
        var left = ParseProduct();
        while (Current.Kind is TokenKind.Plus or TokenKind.Minus)
        {
            var op = Advance();
            var right = Operand(ParseProduct, op);
            var kind = op.Kind == TokenKind.Plus ? BinaryOperator.Add : BinaryOperator.Subtract;
            left = Checked(new BinaryExpr(left.Start, right.End, kind, left, right));
        }
        return left;
    }

    private Expr ParseProduct()
    {
        var left = ParseUnary();
        while (Current.Kind is TokenKind.Star or TokenKind.Slash)
        {
            var op = Advance();
            var right = Operand(ParseUnary, op);
            var kind = op.Kind == TokenKind.Star ? BinaryOperator.Multiply : BinaryOperator.Divide;
            left = Checked(new BinaryExpr(left.Start, right.End, kind, left, right));
        }
        return left;
    }

    private Expr ParseUnary()
    {
        if (Current.Kind != TokenKind.Minus) return ParsePower();
        var op = Advance();
        Enter();
        var operand = Operand(ParseUnary, op);
        Leave();
        return Checked(new UnaryExpr(op.Position, operand.End, UnaryOperator.Negate, operand));
    }

    private Expr ParsePower()
    {
        var baseExpr = ParsePrimary();
        if (Current.Kind != TokenKind.Caret) return baseExpr;
        var op = Advance();
        Enter();
        // Right-associative, and the exponent may carry its own sign: x^-1, x^2^3 = x^(2^3).
        var exponent = Operand(ParseUnary, op);
        Leave();
        return Checked(new BinaryExpr(baseExpr.Start, exponent.End, BinaryOperator.Power, baseExpr, exponent));
    }

    /// <summary>Parses the operand after an operator, or says plainly that it is missing.</summary>
    private Expr Operand(Func<Expr> parse, Token op)
    {
        if (StartsExpression(Current.Kind)) return parse();
        throw new FormulaException(Current.Position, $"expected an expression after '{op.Text}', found {Current.Describe()}");
    }

    private static bool StartsExpression(TokenKind kind) => kind is TokenKind.Number or TokenKind.Name
        or TokenKind.LeftParen or TokenKind.Minus or TokenKind.Not or TokenKind.If or TokenKind.Forall
        or TokenKind.Exists or TokenKind.True or TokenKind.False;

    private Expr ParsePrimary()
    {
        var token = Current;
        switch (token.Kind)
        {
            case TokenKind.Number:
                Advance();
                return ParseNumber(token);
            case TokenKind.True or TokenKind.False:
                Advance();
                return new BoolExpr(token.Position, EndOfPrevious, token.Kind == TokenKind.True);
            case TokenKind.Name:
                Advance();
                return Current.Kind switch
                {
                    TokenKind.LeftParen when token.Text == SumKeyword => ParseSumOver(token),
                    TokenKind.LeftParen when Functions.ContainsKey(token.Text) => ParseCall(token),
                    TokenKind.LeftParen => ParseApply(token),
                    TokenKind.LeftBracket => ParseIndex(token),
                    _ => new NameExpr(token.Position, EndOfPrevious, token.Text),
                };
            case TokenKind.LeftParen:
                return ParseParenthesized();
            case TokenKind.If:
                return ParseIf();
            case TokenKind.Forall or TokenKind.Exists:
                return ParseQuantifier();
            case TokenKind.Not:
                return ParseNot();
            default:
                var after = index > 0 ? $" after '{Previous.Text}'" : "";
                throw new FormulaException(token.Position, $"expected an expression{after}, found {token.Describe()}");
        }
    }

    private static NumberExpr ParseNumber(Token token)
    {
        var digits = token.Text.TakeWhile(c => c is not ('e' or 'E')).Count(char.IsAsciiDigit);
        if (digits > FormulaLimits.MaxNumberDigits)
            throw new FormulaException(token.Position,
                $"number has {digits:N0} digits; the limit is {FormulaLimits.MaxNumberDigits:N0}");
        if (!Rational.TryParse(token.Text, out var value))
            throw new FormulaException(token.Position, $"'{token.Text}' is not a number this language reads (exponent too large?)");
        var isInteger = token.Text.All(char.IsAsciiDigit);
        return new NumberExpr(token.Position, token.Position.Offset + token.Text.Length, value, isInteger);
    }

    private Expr ParseParenthesized()
    {
        var open = Advance();
        Enter();
        var inner = Operand(ParseFormula, open);
        if (Current.Kind != TokenKind.RightParen)
            throw new FormulaException(Current.Position,
                $"expected ')' to close the '(' at {open.Position}, found {Current.Describe()}");
        var close = Advance();
        Leave();
        // The parentheses belong to the expression, so quoting it in a message shows them.
        inner.Start = open.Position;
        inner.End = close.Position.Offset + 1;
        return inner;
    }

    /// <summary>The built-in functions' names, which definitions may not take.</summary>
    public static IReadOnlyCollection<string> BuiltinFunctions => Functions.Keys;

    /// <summary>The word that starts <c>sum(i in 1..3, …)</c>; not a function, so a definition may not take it.</summary>
    public const string SumKeyword = "sum";

    private CallExpr ParseCall(Token name)
    {
        var function = Functions[name.Text];
        var arguments = ParseArguments(name);
        var (min, max) = function is Function.Min or Function.Max ? (2, int.MaxValue) : (1, 1);
        if (arguments.Count < min || arguments.Count > max)
        {
            var expected = max == 1 ? "exactly 1 argument" : $"at least {min} arguments";
            throw new FormulaException(name.Position, $"{name.Text} takes {expected}, found {arguments.Count}");
        }
        return Checked(new CallExpr(name.Position, EndOfPrevious, function, arguments));
    }

    /// <summary>The parenthesised, comma-separated arguments after a function's name (the '(' is current).</summary>
    private List<Expr> ParseArguments(Token name)
    {
        var open = Advance();
        Enter();
        var arguments = new List<Expr>();
        if (Current.Kind != TokenKind.RightParen)
        {
            do
            {
                arguments.Add(Operand(ParseFormula, Previous));
            } while (Accept(TokenKind.Comma));
        }
        if (Current.Kind != TokenKind.RightParen)
            throw new FormulaException(Current.Position,
                $"expected ',' or ')' to close the '(' of {name.Text} at {open.Position}, found {Current.Describe()}");
        Advance();
        Leave();
        return arguments;
    }

    /// <summary>A definition, d(…) or maximizes(…)/minimizes(…): what the name means is the elaborator's business.</summary>
    private ApplyExpr ParseApply(Token name)
    {
        var arguments = ParseArguments(name);
        return Checked(new ApplyExpr(name.Position, EndOfPrevious, name.Text, arguments));
    }

    /// <summary>sum(i in FROM..TO, BODY).</summary>
    private SumExpr ParseSumOver(Token keyword)
    {
        var open = Advance();
        Enter();
        var index = Expect(TokenKind.Name, "the index variable of 'sum' (as in sum(i in 1..3, x[i]))");
        Expect(TokenKind.In, $"'in' after the index variable '{index.Text}' of 'sum' (as in sum({index.Text} in 1..3, …))");
        var from = Operand(ParseSum, Previous);
        var dots = Expect(TokenKind.DotDot, "'..' in the range of 'sum' (as in 1..3)");
        var to = Operand(ParseSum, dots);
        var comma = Expect(TokenKind.Comma, "',' and the expression to add up after the range of 'sum'");
        var body = Operand(ParseFormula, comma);
        if (Current.Kind != TokenKind.RightParen)
            throw new FormulaException(Current.Position,
                $"expected ')' to close the '(' of sum at {open.Position}, found {Current.Describe()}");
        Advance();
        Leave();
        return Checked(new SumExpr(keyword.Position, EndOfPrevious, new Binder(index.Text, Sort.Int, index.Position), from, to, body));
    }

    /// <summary>x[INDEX]: an element of a variable declared as x[1..n].</summary>
    private IndexExpr ParseIndex(Token name)
    {
        var open = Advance();
        Enter();
        var index = Operand(ParseSum, open);
        if (Current.Kind != TokenKind.RightBracket)
            throw new FormulaException(Current.Position,
                $"expected ']' to close the '[' of {name.Text} at {open.Position}, found {Current.Describe()}");
        Advance();
        Leave();
        return Checked(new IndexExpr(name.Position, EndOfPrevious, name.Text, index));
    }

    private IfExpr ParseIf()
    {
        var ifToken = Advance();
        Enter();
        var condition = Operand(ParseFormula, ifToken);
        var thenToken = Expect(TokenKind.Then, $"'then' in the 'if' at {ifToken.Position}");
        var then = Operand(ParseFormula, thenToken);
        var elseToken = Expect(TokenKind.Else, $"'else' in the 'if' at {ifToken.Position}");
        var otherwise = Operand(ParseFormula, elseToken);
        Leave();
        return Checked(new IfExpr(ifToken.Position, otherwise.End, condition, then, otherwise));
    }

    private QuantifierExpr ParseQuantifier()
    {
        var keyword = Advance();
        var quantifier = keyword.Kind == TokenKind.Forall ? Quantifier.Forall : Quantifier.Exists;
        Enter();
        var binders = new List<Binder>();
        var pending = new List<Token>();
        while (true)
        {
            pending.Add(Expect(TokenKind.Name, $"a variable name after '{Previous.Text}'"));
            if (Accept(TokenKind.Comma)) continue;
            if (Accept(TokenKind.In))
            {
                var sortToken = Expect(TokenKind.Name, "a type (Real, Int or Bool) after 'in'");
                if (!SortNames.TryGetValue(sortToken.Text, out var sort))
                    throw new FormulaException(sortToken.Position, $"unknown type '{sortToken.Text}' (expected Real, Int or Bool)");
                binders.AddRange(pending.Select(p => new Binder(p.Text, sort, p.Position)));
                pending.Clear();
                if (Accept(TokenKind.Comma)) continue;
            }
            break;
        }
        binders.AddRange(pending.Select(p => new Binder(p.Text, Sort.Real, p.Position)));
        var duplicate = binders.GroupBy(b => b.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new FormulaException(duplicate.Last().Position, $"variable '{duplicate.Key}' is bound twice by one '{keyword.Text}'");
        var colon = Expect(TokenKind.Colon, $"',', 'in' or ':' after the variables of '{keyword.Text}'");
        var body = Operand(ParseFormula, colon);
        Leave();
        return Checked(new QuantifierExpr(keyword.Position, body.End, quantifier, binders, body));
    }
}
