using Hms.Proving.Compiling;
using Hms.Proving.Documents;

namespace Hms.Proving.Tests.Fuzz;

/// <summary>
/// Inputs the fuzzer (tests/Fuzz, ./hms fuzz) found, replayed through the entry point it reached: each must
/// be refused with a clear error, never escape as another exception.
/// </summary>
public sealed class FuzzFindingTests
{
    [Theory]
    // A stray symbol holding a backslash: quoting it for the message threw ArgumentException (minimised).
    [InlineData("a\\b")]
    // The input as found (document target, first byte '2' selects .smt2), invalid UTF-8 read as U+FFFD.
    [InlineData("ood,---:oodyl\\an_code:rrity\uFFFDb")]
    // A NUL inside a symbol (found on the strict reader of i7-smt: a check for a bad character that
    // answers '\0' for "none found" let exactly '\0' through), minimised.
    [InlineData("(assert (not x\0))(check-sat)")]
    public void A_script_with_a_character_no_symbol_may_hold_is_refused_with_an_input_error(string script)
    {
        var file = TheoremFileLoader.LoadText(script, "finding.smt2");
        var refused = file.Errors.Count > 0;
        foreach (var theorem in file.Theorems)
        {
            var error = Record.Exception(() => TheoremCompiler.Compile(theorem));
            Assert.True(error is null or TheoremInputException, $"expected a TheoremInputException, got {error}");
            refused |= error is TheoremInputException;
        }
        Assert.True(refused, "a script that is not SMT-LIB was accepted");
    }
}
