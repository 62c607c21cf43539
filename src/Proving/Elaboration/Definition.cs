using Hms.Proving.Syntax;
using Hms.Proving.Syntax.Tree;

namespace Hms.Proving.Elaboration;

/// <summary>
/// One entry of a theorem's <c>definitions:</c>, such as <c>profit(q): "(p - c)*q"</c> or <c>q_star: "(a - c)/(2*b)"</c>:
/// a name, its parameters and the parsed body. The body's other names are the theorem's variables.
/// </summary>
public sealed record Definition(string Head, string Name, IReadOnlyList<Binder> Parameters, string BodyText, Expr Body)
{
    /// <summary>How messages name it: the head as written, <c>profit(q)</c>.</summary>
    public override string ToString() => Head;

    /// <summary>Reads one definition; a problem is a <see cref="DefinitionException"/> saying whether the head or the body is wrong, and where.</summary>
    public static Definition Read(string head, string body)
    {
        var (name, parameters) = ReadHead(head);
        Expr tree;
        try
        {
            tree = Parser.Parse(body);
        }
        catch (FormulaException e)
        {
            throw new DefinitionException(head, inHead: false, e);
        }
        return new Definition(head.Trim(), name, parameters, body, tree);
    }

    private static (string Name, IReadOnlyList<Binder> Parameters) ReadHead(string head)
    {
        try
        {
            var tokens = Lexer.Tokenize(head);
            var at = 0;
            var name = tokens[at++];
            if (name.Kind != TokenKind.Name)
                throw new FormulaException(name.Position, $"expected the name being defined (as in profit(q) or q_star), found {name.Describe()}");
            if (ElaborationNames.Reserved.Contains(name.Text))
                throw new FormulaException(name.Position, $"'{name.Text}' is built into the language and cannot be redefined");
            var parameters = new List<Binder>();
            if (tokens[at].Kind == TokenKind.LeftParen)
            {
                at++;
                while (true)
                {
                    var parameter = tokens[at++];
                    if (parameter.Kind != TokenKind.Name)
                        throw new FormulaException(parameter.Position, $"expected a parameter name, found {parameter.Describe()}");
                    if (parameters.Any(p => p.Name == parameter.Text))
                        throw new FormulaException(parameter.Position, $"parameter '{parameter.Text}' is given twice");
                    parameters.Add(new Binder(parameter.Text, Sort.Real, parameter.Position));
                    var next = tokens[at++];
                    if (next.Kind == TokenKind.RightParen) break;
                    if (next.Kind != TokenKind.Comma)
                        throw new FormulaException(next.Position, $"expected ',' or ')' after parameter '{parameter.Text}', found {next.Describe()}");
                }
            }
            if (tokens[at].Kind != TokenKind.End)
                throw new FormulaException(tokens[at].Position, $"expected ':' and the definition after '{head.Trim()}', found {tokens[at].Describe()} (write name(x, y): \"formula\")");
            return (name.Text, parameters);
        }
        catch (FormulaException e)
        {
            throw new DefinitionException(head, inHead: true, e);
        }
    }
}
