using CsCheck;
using Hms.Proving.Smt;

namespace Hms.Proving.Tests.Smt;

/// <summary>
/// parse(print(x)) == x over generated trees: what the pool sends a solver is the tree it checked, so the
/// printer must never produce text that reads back as something else, whatever the symbols and strings hold.
/// </summary>
public class SExprRoundTripTests
{
    // Everything a quoted symbol or string may hold, the awkward ones overrepresented: spaces, newlines,
    // quotes, parentheses, comment starts, bars (strings only), non-ASCII and a surrogate pair.
    private const string Nasty = " \t\n\r\"();:#'`,{}[]<>=!@$%^&*_-+.?/~aZ09éλ中\u00a0\u2028";

    private static readonly Gen<string> SimpleName =
        Gen.Select(Gen.Char["abcxyzAZ~!@$%^&*_-+=<>.?/"], Gen.Char["abz09~!@$%^&*_-+=<>.?/"].Array[0, 6],
            (first, rest) => first + new string(rest));

    private static readonly Gen<string> NastyText =
        Gen.OneOf(Gen.Char[Nasty].Array[0, 12].Select(a => new string(a)), Gen.Const("😀 emoji"), Gen.Const(""));

    private static readonly Gen<SExpr> Symbol = Gen.Frequency(
        (4, SimpleName.Select(n => (SExpr)new SSymbol(n))),
        (3, NastyText.Where(t => !t.Contains('|')).Select(n => (SExpr)new SSymbol(n))),
        (1, Gen.OneOf("_", "!", "as", "let", "forall", "exists", "match", "par", "NUMERAL")
            .SelectMany(n => Gen.Bool.Select(bare => (SExpr)new SSymbol(n) { IsReservedWord = bare }))),
        (1, Gen.OneOf("sat", "unsat", "echo", "hms-0123", "check-sat", "true").Select(n => (SExpr)new SSymbol(n))));

    private static readonly Gen<SExpr> Atom = Gen.Frequency(
        (3, Gen.ULong.Select(n => (SExpr)new SAtom(n.ToString()))),
        (1, Gen.Int[1, 400].Select(n => (SExpr)new SAtom("9" + new string('0', n)))),
        (2, Gen.Select(Gen.UInt, Gen.Char["0123456789"].Array[1, 8], (w, f) => (SExpr)new SAtom($"{w}.{new string(f)}"))),
        (1, Gen.Char["0123456789abcdefABCDEF"].Array[1, 10].Select(h => (SExpr)new SAtom("#x" + new string(h)))),
        (1, Gen.Char["01"].Array[1, 16].Select(b => (SExpr)new SAtom("#b" + new string(b)))),
        (2, SimpleName.Select(n => (SExpr)new SAtom(":" + n))),
        (3, Symbol),
        (2, NastyText.Select(t => (SExpr)new SString(t.Replace('|', '"') + "|"))));

    private static Gen<SExpr> Expression(int depth) => depth == 0
        ? Atom
        : Gen.Frequency(
            (2, Atom),
            (1, Expression(depth - 1).Array[0, 5].Select(items => (SExpr)new SList(items))));

    [Fact]
    public void Printing_any_tree_reads_back_to_an_equal_tree() =>
        Expression(5).Array[1, 4].Sample(expressions =>
        {
            var printed = string.Join("\n", expressions.Select(e => e.ToString()));
            var read = SExprReader.ParseAll(printed);
            Assert.Equal(expressions, read);
            // Printing is canonical: the text of what was read is the text that was printed.
            Assert.Equal(printed, string.Join("\n", read.Select(e => e.ToString())));
        }, iter: 5_000);

    [Fact]
    public void Reading_a_printed_script_twice_gives_the_same_text() =>
        Gen.Select(SimpleName, NastyText.Where(t => !t.Contains('|')), Gen.ULong)
            .Sample((plain, quoted, n) =>
            {
                var script = $"(declare-const {SSymbol.Quote(plain)} Int)(declare-const {SSymbol.Quote(quoted)} Int)" +
                             $"(assert (! (> {SSymbol.Quote(quoted)} {n}) :named a1)) ; {quoted.Replace('\n', ' ')}\n";
                var once = string.Concat(SExprReader.ParseAll(script).Select(e => e + "\n"));
                var twice = string.Concat(SExprReader.ParseAll(once).Select(e => e + "\n"));
                Assert.Equal(once, twice);
            }, iter: 2_000);
}
