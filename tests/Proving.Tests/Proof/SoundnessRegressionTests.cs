using Hms.Proving.Compiling;
using Hms.Proving.Documents;
using Hms.Proving.Obligations;
using Hms.Proving.Proof;
using Hms.Proving.Search;
using Hms.Proving.Syntax;

namespace Hms.Proving.Tests.Proof;

/// <summary>Inputs that once produced a wrong verdict, each pinned to the right one.</summary>
[Collection(ProverCollection.Name)]
public sealed class SoundnessRegressionTests(ProverFixture fixture)
{
    [Fact]
    public async Task A_renamed_witness_is_not_captured_by_an_inner_binder_of_that_name()
    {
        var falseOne = new TheoremDocument { Id = "f", Statement = "forall y: exists y_1: y_1 = 1 and y = 1", Assumptions = ["y >= 0"] };
        Assert.Equal(TheoremStatus.Disproved, (await fixture.ProveAsync(falseOne)).Status);
        var trueOne = new TheoremDocument { Id = "t", Statement = "forall y: y > 5 -> forall y_1: y > 5", Variables = [new("y", Sort.Real)] };
        Assert.Equal(TheoremStatus.Proved, (await fixture.ProveAsync(trueOne)).Status);
    }

    [Fact]
    public void A_search_witness_is_not_captured_by_an_inner_bool_binder()
    {
        var theorem = TheoremCompiler.Compile(new TheoremDocument
        {
            Id = "s", Statement = "forall y: y > 5 -> exists y_1 in Bool: 5 < y", Variables = [new("y", Sort.Real)],
        });
        var program = SearchProgram.Compile(theorem);
        var witness = Assert.Single(program.Witnesses);
        Assert.NotEqual("y_1", witness.Key);
        var check = new CandidateCheck(program).Check(new Dictionary<string, Numbers.Rational> { ["y"] = 0, [witness.Key] = 6 });
        Assert.NotEqual(Checking.ModelCheckOutcome.Confirmed, check.Outcome);
    }

    [Fact]
    public void The_cache_key_tells_what_an_answer_means()
    {
        var script = new SmtScript();
        script.Declare("x", Sort.Real);
        script.AddAssumption(0, "(> x 0.0)");
        var consistency = new ConsistencyObligation("consistency", script);
        var userScript = new ScriptObligation("claim-1", script.Text, new Dictionary<string, Sort> { ["x"] = Sort.Real });
        Assert.Equal(consistency.Script, userScript.Script);
        Assert.NotEqual(consistency.ContentHash, userScript.ContentHash);
    }

    [Fact]
    public async Task A_constant_declared_in_a_popped_scope_is_not_part_of_the_counterexample()
    {
        var script = "(declare-const x Int)\n(push 1)\n(declare-const y Int)\n(assert (> y 100))\n(pop 1)\n(assert (> x 5))\n(check-sat)\n";
        var result = await fixture.ProveAsync(new TheoremDocument { Id = "pp", Format = TheoremFormat.Smtlib2, Statement = script });
        Assert.Equal(TheoremStatus.Disproved, result.Status);
        Assert.Equal(["x"], result.Counterexample!.Assignment.Select(a => a.Key));
    }

    [Theory]
    [InlineData("x^100 >= 0")]
    [InlineData("x^(2^40) >= 0")]
    public void Huge_integer_exponents_are_a_clear_error(string statement)
    {
        var error = Assert.Throws<TheoremInputException>(() => TheoremCompiler.Compile(new TheoremDocument { Id = "p", Statement = statement }));
        Assert.Contains("too large", error.Message);
    }
}
