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
        Assert.Equal(new SSymbol("!") { IsReservedWord = true }, named[0]);
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

    [Theory]
    [InlineData("(declare-const |A\\| B |Int)", 1, 18, "backslash is not allowed in a quoted symbol")]
    [InlineData("(echo \"a\\\" )\")", 1, 9, "backslash is not allowed in a string literal")]
    [InlineData("(assert (> x 007))", 1, 14, "'007' is not a number")]
    [InlineData("(assert (> x 1.2.3))", 1, 14, "'1.2.3' is not a number")]
    [InlineData("(assert (> x 1a))", 1, 14, "'1a' is not a number")]
    [InlineData("#xZZ", 1, 1, "not a #x (hexadecimal) or #b (binary) literal")]
    [InlineData("#b012", 1, 1, "not a #x (hexadecimal) or #b (binary) literal")]
    [InlineData("(set-option : 1)", 1, 13, "a keyword needs a name")]
    [InlineData("(f a|b|)", 1, 5, "'|' must be separated")]
    [InlineData("(f |a||b|)", 1, 7, "'|' must be separated")]
    [InlineData("(f x\"s\")", 1, 5, "'\"' must be separated")]
    [InlineData("(f \u03b1)", 1, 4, "contains character U+03B1, which a simple symbol cannot hold")]
    [InlineData("(f a\u000bb)", 1, 4, "contains character U+000B")]
    [InlineData("(f |a\u0000b|)", 1, 6, "U+0000 is not a printable character")]
    [InlineData("(f x,y)", 1, 4, "contains ','")]
    public void The_strict_reader_refuses_what_smt_lib_does_not_allow(string text, int line, int column, string problem)
    {
        var error = Assert.Throws<SExprParseException>(() => SExprReader.ParseAll(text));

        Assert.Contains(problem, error.Message);
        Assert.Equal((line, column), (error.Line, error.Column));
    }

    [Fact]
    public void A_decimal_without_digits_after_the_point_reads_as_point_zero()
    {
        Assert.Equal("(* 2.0 x)", Assert.Single(SExprReader.ParseAll("(* 2. x)")).ToString());
    }

    [Fact]
    public void A_lone_surrogate_is_refused()
    {
        var text = "(f \"a" + '\ud800' + "\")";

        var error = Assert.Throws<SExprParseException>(() => SExprReader.ParseAll(text));

        Assert.Contains("U+D800 is not a printable character", error.Message);
    }

    [Fact]
    public void Reserved_words_keep_whether_they_were_quoted()
    {
        var read = SExprReader.ParseAll("(let ((|let| 1)) (! |let| :named |_|)) (_ bv1 8)");

        Assert.Equal("(let ((|let| 1)) (! |let| :named |_|))", read[0].ToString());
        Assert.Equal("(_ bv1 8)", read[1].ToString());
        Assert.NotEqual(new SSymbol("let") { IsReservedWord = true }, new SSymbol("let"));
    }

    [Fact]
    public void Solver_output_is_read_leniently_but_never_with_a_backslash()
    {
        var read = SExprReader.ParseSolverOutput("((x (_ real_algebraic_number <1*x^2 + (-2), (1, 2)>)) (y 1.41?))");

        Assert.Single(read);
        Assert.Throws<SExprParseException>(() => SExprReader.ParseSolverOutput("(error |a\\|)"));
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

        var expression = Assert.Single(SExprReader.ParseSolverOutput(text));

        Assert.Equal(text, expression.ToString());
    }

    [Fact]
    public void A_script_may_nest_up_to_the_limit_and_no_deeper()
    {
        static string Nested(int depth) => new string('(', depth) + "x" + new string(')', depth);

        Assert.Single(SExprReader.ParseAll(Nested(SExprReader.MaxDepth)));
        var error = Assert.Throws<SExprParseException>(() => SExprReader.ParseAll(Nested(SExprReader.MaxDepth + 1)));
        Assert.Equal((1, SExprReader.MaxDepth + 1), (error.Line, error.Column));
        Assert.Contains($"nest deeper than {SExprReader.MaxDepth}", error.Message);
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
