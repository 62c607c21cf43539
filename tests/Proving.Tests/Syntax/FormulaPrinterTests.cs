using CsCheck;
using Hms.Proving.Syntax;

namespace Hms.Proving.Tests.Syntax;

public sealed class FormulaPrinterTests
{
    private static string Reprint(string formula) => FormulaPrinter.Print(Parser.Parse(formula));

    [Fact]
    public void Parsing_the_printed_text_gives_the_same_tree() =>
        SyntaxTreeGenerator.Tree(depth: 6).Sample(tree =>
        {
            var text = FormulaPrinter.Print(tree);
            var parsed = Parser.Parse(text);
            Assert.Equal(TreeShape.Of(tree), TreeShape.Of(parsed));
        }, iter: 20_000, threads: 1, print: FormulaPrinter.Print);

    [Fact]
    public void Printing_is_a_fixed_point_of_parsing() =>
        SyntaxTreeGenerator.Tree(depth: 5).Sample(tree =>
        {
            var text = FormulaPrinter.Print(tree);
            Assert.Equal(text, Reprint(text));
        }, iter: 5_000, threads: 1, print: FormulaPrinter.Print);

    [Theory]
    [InlineData("-x^2", "-x^2")]
    [InlineData("(-x)^2", "(-x)^2")]
    [InlineData("x^-1", "x^-1")]
    [InlineData("x^2^3", "x^2^3")]
    [InlineData("(x^2)^3", "(x^2)^3")]
    [InlineData("(a - b) - (c - d)", "a - b - (c - d)")]
    [InlineData("a / (b * c)", "a / (b * c)")]
    [InlineData("p -> q -> r", "p -> q -> r")]
    [InlineData("(p -> q) -> r", "(p -> q) -> r")]
    [InlineData("(p <-> q) <-> r", "p <-> q <-> r")]
    [InlineData("p <-> (q <-> r)", "p <-> (q <-> r)")]
    [InlineData("not (p and q)", "not (p and q)")]
    [InlineData("not a < b", "not a < b")]
    [InlineData("(not a) < b", "(not a) < b")]
    [InlineData("0 < a < 1", "0 < a and a < 1")]
    [InlineData("(a < b) = c", "(a < b) = c")]
    [InlineData("a + (if c then x else y) - b", "a + (if c then x else y) - b")]
    [InlineData("a + if c then x else y - b", "a + if c then x else y - b")]
    [InlineData("(forall x in Int: x > 0) and p", "(forall x in Int: x > 0) and p")]
    [InlineData("forall x, y, n in Int: x = n", "forall x, y, n in Int: x = n")]
    [InlineData("forall x, y in Real, n: x = n", "forall x, y, n in Real: x = n")]
    [InlineData("exists x, b in Bool, n in Int: b", "exists x, b in Bool, n in Int: b")]
    [InlineData("max(a, if p then 1 else 2, .5) >= 2.50", "max(a, if p then 1 else 2, 0.5) >= 2.5")]
    [InlineData("x = 5.0 and y = 1e-3", "x = 5.0 and y = 0.001")]
    public void Prints_the_parentheses_the_grammar_needs(string formula, string expected) =>
        Assert.Equal(expected, Reprint(formula));
}
