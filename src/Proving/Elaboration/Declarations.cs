using System.Numerics;
using Hms.Proving.Documents;
using Hms.Proving.Syntax;
using Hms.Proving.Syntax.Tree;

namespace Hms.Proving.Elaboration;

/// <summary>
/// A theorem's <c>variables:</c> as the elaborator needs them: plain ones as declared, and indexed ones
/// (<c>x[1..3]: Real</c>) expanded into their elements x[1], x[2], x[3], which are ordinary variables from
/// then on (the solver sees them under an escaped name, the user under their own).
/// </summary>
public sealed class Declarations
{
    private readonly Dictionary<string, IndexedVariable> indexed = new(StringComparer.Ordinal);

    private Declarations(IReadOnlyList<KeyValuePair<string, Sort>> variables) => Variables = variables;

    /// <summary>Every declared variable, indexed ones as their elements, in declaration order.</summary>
    public IReadOnlyList<KeyValuePair<string, Sort>> Variables { get; }

    public IReadOnlyDictionary<string, IndexedVariable> Indexed => indexed;

    /// <summary>Reads the declarations; each problem is added to <paramref name="errors"/> as "variable 'KEY': why".</summary>
    public static Declarations Read(IReadOnlyList<KeyValuePair<string, Sort>> declared, List<string> errors)
    {
        var variables = new List<KeyValuePair<string, Sort>>();
        var ranges = new List<IndexedVariable>();
        foreach (var (key, sort) in declared)
        {
            if (!key.Contains('['))
            {
                variables.Add(new(key, sort));
                continue;
            }
            try
            {
                var range = ReadRange(key, sort);
                if (ranges.Any(r => r.Name == range.Name) || declared.Any(d => d.Key == range.Name))
                    throw new FormulaException(new SourcePosition(0, 1, 1), $"'{range.Name}' is declared more than once");
                ranges.Add(range);
                for (var i = range.From; i <= range.To; i++)
                    variables.Add(new(IndexExpr.ElementName(range.Name, i), sort));
            }
            catch (FormulaException e)
            {
                errors.Add($"variable '{key}' {e.Position}: {e.Reason}");
            }
        }
        if (variables.Count > DocumentLimits.MaxVariables)
            errors.Add($"variables: {variables.Count:N0} variables with the elements of indexed ones; at most {DocumentLimits.MaxVariables:N0}");
        var result = new Declarations(variables);
        foreach (var range in ranges) result.indexed[range.Name] = range;
        return result;
    }

    private static IndexedVariable ReadRange(string key, Sort sort)
    {
        const string shape = "an indexed variable is declared as name[FROM..TO] with integer bounds, e.g. x[1..3]";
        var tokens = Lexer.Tokenize(key);
        if (tokens.Count != 7 || tokens[0].Kind != TokenKind.Name || tokens[1].Kind != TokenKind.LeftBracket
            || tokens[3].Kind != TokenKind.DotDot || tokens[5].Kind != TokenKind.RightBracket || tokens[6].Kind != TokenKind.End)
            throw new FormulaException(tokens.FirstOrDefault(t => t.Kind == TokenKind.LeftBracket)?.Position ?? tokens[0].Position, shape);
        var from = Bound(tokens[2], shape);
        var to = Bound(tokens[4], shape);
        if (to < from)
            throw new FormulaException(tokens[4].Position, $"the range {from}..{to} is empty");
        if (to - from + 1 > FormulaLimits.MaxRangeLength)
            throw new FormulaException(tokens[2].Position,
                $"the range {from}..{to} has {to - from + 1:N0} elements; at most {FormulaLimits.MaxRangeLength:N0}");
        return new IndexedVariable(tokens[0].Text, from, to, sort);
    }

    private static BigInteger Bound(Token token, string shape) =>
        token.Kind == TokenKind.Number && token.Text.All(char.IsAsciiDigit) && token.Text.Length <= 9
            ? BigInteger.Parse(token.Text, System.Globalization.CultureInfo.InvariantCulture)
            : throw new FormulaException(token.Position, shape);
}
