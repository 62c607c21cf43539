using Hms.Proving.Smt;

namespace Hms.Proving.Tests.Smt;

public class SExprReaderTests
{
    [Fact]
    public void Reads_atoms_symbols_strings_and_lists()
    {
        var all = SExprReader.ParseAll("(assert (! (> x 2.5) :named a1)) sat \"hi\" #x1F 42");

        Assert.Equal(5, all.Count);
        var assert = Assert.IsType<SList>(all[0]);
        Assert.Equal("assert", assert.Head);
        var named = Assert.IsType<SList>(assert[1]);
        Assert.Equal(new SSymbol("!"), named[0]);
        Assert.Equal(new SList(new SSymbol(">"), new SSymbol("x"), new SAtom("2.5")), named[1]);
        Assert.True(Assert.IsType<SAtom>(named[2]).IsKeyword);
        Assert.Equal(new SSymbol("sat"), all[1]);
        Assert.Equal(new SString("hi"), all[2]);
        Assert.Equal(new SAtom("#x1F"), all[3]);
        Assert.True(Assert.IsType<SAtom>(all[4]).IsNumeral);
    }

    [Fact]
    public void Skips_comments_but_not_semicolons_inside_strings_or_quoted_symbols()
    {
        var all = SExprReader.ParseAll("; leading\n(echo \"a;b\") ; trailing )))\n(|c;d| e) ;");

        Assert.Equal([new SList(new SSymbol("echo"), new SString("a;b")), new SList(new SSymbol("c;d"), new SSymbol("e"))], all);
    }

    [Fact]
    public void Quoted_symbols_may_hold_spaces_and_newlines_and_equal_their_simple_form()
    {
        var all = SExprReader.ParseAll("|a b\nc| |x|");

        Assert.Equal(new SSymbol("a b\nc"), all[0]);
        Assert.Equal(new SSymbol("x"), all[1]);
        Assert.Equal("|a b\nc|", all[0].ToString());
        Assert.Equal("x", all[1].ToString());
    }

    [Fact]
    public void Doubled_quotes_escape_a_quote_in_strings()
    {
        var text = Assert.IsType<SString>(Assert.Single(SExprReader.ParseAll("\"say \"\"hi\"\"\"")));

        Assert.Equal("say \"hi\"", text.Value);
        Assert.Equal("\"say \"\"hi\"\"\"", text.ToString());
    }

    [Fact]
    public void Spans_cut_each_command_out_of_the_original_text()
    {
        const string script = "(declare-const x Int)\n  (assert ; why\n    (> x 0))\n";

        var commands = SExprReader.ParseAll(script);

        Assert.Equal("(declare-const x Int)", commands[0].Span.Slice(script));
        Assert.Equal("(assert ; why\n    (> x 0))", commands[1].Span.Slice(script));
        Assert.Equal((2, 3), (commands[1].Span.Line, commands[1].Span.Column));
        var inner = ((SList)commands[1])[1];
        Assert.Equal((3, 5), (inner.Span.Line, inner.Span.Column));
    }

    [Theory]
    [InlineData("(assert (> x 0)", 1, 1, "unbalanced '('")]
    [InlineData("(a)\n  (b (c)", 2, 3, "unbalanced '('")]
    [InlineData("(a))", 1, 4, "unbalanced ')'")]
    [InlineData("(echo \"abc)", 1, 7, "unterminated string")]
    [InlineData("\n\n |abc", 3, 2, "unterminated quoted symbol")]
    public void Malformed_text_is_reported_with_line_and_column(string text, int line, int column, string problem)
    {
        var error = Assert.Throws<SExprParseException>(() => SExprReader.ParseAll(text));

        Assert.Equal((line, column), (error.Line, error.Column));
        Assert.Contains(problem, error.Message);
        Assert.StartsWith($"line {line}:{column}: ", error.Message);
    }

    [Fact]
    public void Printing_reads_back_to_an_equal_expression()
    {
        const string text = "(define-fun |f x| ((a Int)) Bool (and (> a (- 3)) (= \"q\"\"\" \"\") :k #b01))";

        var once = SExprReader.ParseAll(text);
        var twice = SExprReader.ParseAll(once[0].ToString());

        Assert.Equal(once, twice);
    }

    [Fact]
    public void Deep_nesting_neither_overflows_the_stack_when_read_nor_when_printed()
    {
        const int depth = 200_000;
        var text = new string('(', depth) + "x" + new string(')', depth);

        var expression = Assert.Single(SExprReader.ParseAll(text));

        Assert.Equal(text, expression.ToString());
    }

    [Fact]
    public void Equality_ignores_where_an_expression_was_read()
    {
        var all = SExprReader.ParseAll("(f x)\n\n   (f x)");

        Assert.Equal(all[0], all[1]);
        Assert.Equal(all[0].GetHashCode(), all[1].GetHashCode());
        Assert.NotEqual(all[0].Span, all[1].Span);
    }

    [Fact]
    public void Empty_text_and_comments_only_give_no_expressions()
    {
        Assert.Empty(SExprReader.ParseAll(""));
        Assert.Empty(SExprReader.ParseAll("  ; nothing here\n"));
        Assert.Equal(SList.Empty, Assert.Single(SExprReader.ParseAll("()")));
    }

    [Theory]
    [InlineData("x", "x")]
    [InlineData("x.1_y?", "x.1_y?")]
    [InlineData("a b", "|a b|")]
    [InlineData("1x", "|1x|")]
    [InlineData("let", "|let|")]
    [InlineData("", "||")]
    public void Symbols_are_quoted_only_when_needed(string name, string expected) =>
        Assert.Equal(expected, SSymbol.Quote(name));

    [Theory]
    [InlineData("a|b")]
    [InlineData("a\\b")]
    public void Names_no_symbol_can_spell_are_refused(string name) =>
        Assert.Throws<ArgumentException>(() => SSymbol.Quote(name));
}
