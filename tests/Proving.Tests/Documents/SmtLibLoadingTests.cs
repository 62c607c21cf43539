using Hms.Proving.Documents;

namespace Hms.Proving.Tests.Documents;

public sealed class SmtLibLoadingTests
{
    private const string Script = """
        ; source: somewhere (expected answer recorded there as set-info:status)
        (set-logic QF_LRA)
        (set-info :source |a note mentioning (set-info :status sat)|)
        (set-info :status unsat)
        (declare-const x Real)
        (assert (< x x))
        (check-sat)
        """;

    [Theory]
    [InlineData("unsat", ExpectedVerdict.Proved)]
    [InlineData("sat", ExpectedVerdict.Disproved)]
    [InlineData("unknown", ExpectedVerdict.Unknown)]
    public void ExpectedVerdictComesFromTheStatus(string status, ExpectedVerdict expected)
    {
        var file = TheoremFileLoader.LoadText($"(set-logic QF_LIA)\n(set-info :status {status})\n(check-sat)\n", "case.smt2");

        Assert.Equal(expected, Assert.Single(file.Theorems).Expected);
    }

    [Fact]
    public void TheWholeScriptIsTheStatement()
    {
        var file = TheoremFileLoader.LoadText(Script, Path.Combine("QF_LRA", "cvc5__regress.base.smtv1.smt2"));

        Assert.Empty(file.Errors);
        var theorem = Assert.Single(file.Theorems);
        Assert.Equal("cvc5__regress.base.smtv1", theorem.Id);
        Assert.Equal(TheoremFormat.Smtlib2, theorem.Format);
        Assert.Equal(Script, theorem.Statement);
        Assert.Equal(ExpectedVerdict.Proved, theorem.Expected);
    }

    [Fact]
    public void StatusInCommentsStringsAndNestedTermsIsIgnored()
    {
        const string script = """
            ; (set-info :status sat)
            (set-info :source "(set-info :status sat)")
            (assert (set-info :status sat))
            (check-sat)
            """;

        Assert.Null(Assert.Single(TheoremFileLoader.LoadText(script, "quiet.smt2").Theorems).Expected);
    }

    [Fact]
    public void UnknownStatusIsAnError()
    {
        var file = TheoremFileLoader.LoadText("(set-logic QF_LIA)\n  (set-info :status maybe)\n", "odd.smt2");

        Assert.Empty(file.Theorems);
        Assert.Equal(
            "odd.smt2:2:21: theorem 'odd': unknown status 'maybe' in (set-info :status ...) (expected sat, unsat or unknown)",
            Assert.Single(file.Errors).ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("  \n\t\n")]
    public void EmptyScriptIsAnError(string text)
    {
        Assert.Equal(
            "blank.smt2: theorem 'blank': the file is empty (expected an SMT-LIB 2 script)",
            Assert.Single(TheoremFileLoader.LoadText(text, "blank.smt2").Errors).ToString());
    }

    [Fact]
    public void ScriptOverTheStatementLimitIsAnError()
    {
        var text = "(check-sat)\n" + new string(';', DocumentLimits.MaxStatementBytes);

        var error = Assert.Single(TheoremFileLoader.LoadText(text, "big.smt2").Errors);

        Assert.Contains("at most 1048576", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadsFromDisk()
    {
        using var folder = new TempFolder();
        var path = folder.Write("disk.smt2", Script);

        var theorem = Assert.Single(TheoremFileLoader.Load(path).Theorems);

        Assert.Equal("disk", theorem.Id);
        Assert.Equal(path, theorem.SourceFile);
    }
}
