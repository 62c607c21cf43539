using System.Text.Json;
using Hms.Proving.Compiling;
using Hms.Proving.Documents;
using Hms.Proving.Search;

namespace Hms.Proving.Tests.Search;

public sealed class SearchProgramTests
{
    private static SearchVariable Variable(SearchProgram program, string name) => program.Variables.Single(v => v.Name == name);

    [Fact]
    public void Equations_define_variables_that_are_computed_in_order_not_searched()
    {
        var program = Theorems.Program("abs(dx_dp * p / x) > 1",
            "0 < alpha < 1", "p > 0 and m > 0", "x = alpha * m / p", "dx_dp = -alpha * m / p^2");
        Assert.True(program.Supported, program.Reason);
        Assert.Equal(["alpha", "p", "m"], program.Variables.Where(v => v.Role == SearchRole.Searched).Select(v => v.Name));
        Assert.Equal(["x", "dx_dp"], program.Definitions.Select(d => d.Name));
        Assert.Equal(SearchRole.Defined, Variable(program, "x").Role);
        Assert.Equal(3, program.SearchedCount);
        Assert.Equal(5 + 3, program.OutputWidth);
    }

    [Fact]
    public void Definitions_are_ordered_by_what_they_read()
    {
        var program = Theorems.Program("y > 0", "y = 2 * x", "x = a + 1");
        Assert.Equal(["x", "y"], program.Definitions.Select(d => d.Name));
        Assert.Equal(["a"], program.Variables.Where(v => v.Role == SearchRole.Searched).Select(v => v.Name));
    }

    [Theory]
    [InlineData("x = x + 1")]          // reads itself
    [InlineData("y = x + 1", "x = y * 2")] // the second would close a cycle: only y is defined
    public void An_equation_that_reads_its_own_variable_is_only_a_constraint(params string[] assumptions)
    {
        var program = Theorems.Program("x > 0", assumptions);
        Assert.Equal(SearchRole.Searched, Variable(program, "x").Role);
    }

    [Fact]
    public void The_first_equation_defines_and_later_ones_constrain()
    {
        var program = Theorems.Program("q > 0", "q = a - p", "q = 2 * b");
        var definition = Assert.Single(program.Definitions);
        Assert.Equal("a - p", definition.Source.Quote(definition.Value));
        Assert.Equal(2, program.Assumptions.Count);
    }

    [Fact]
    public void Conjuncts_of_an_assumption_define_too_and_either_side_may_be_the_variable()
    {
        var program = Theorems.Program("x + y > 0", "b > 0 and x = a / b", "2 * a = y");
        Assert.Equal(["x", "y"], program.Definitions.Select(d => d.Name));
    }

    [Fact]
    public void An_integer_is_defined_only_by_an_integer_expression()
    {
        Int("n = k + 1", SearchRole.Defined);
        Int("n = k / 2", SearchRole.Searched);

        static void Int(string assumption, SearchRole expected)
        {
            var theorem = Theorems.CompileWith([new("n", Sort.Int), new("k", Sort.Int)], "n >= 0", assumption);
            Assert.Equal(expected, Variable(SearchProgram.Compile(theorem), "n").Role);
        }
    }

    [Fact]
    public void Bounds_come_from_comparisons_with_constants_and_chains()
    {
        var program = Theorems.Program("x + y + z + w > 0", "0 < x < 1", "y >= 2^3", "10 > z", "w != 0 and x*y > 0");
        Assert.Equal(new SearchBounds(0, 1, true, true, true, true), Variable(program, "x").Bounds);
        var y = Variable(program, "y").Bounds!;
        Assert.Equal((8.0, 108.0, false, true, false), (y.Low, y.High, y.LowOpen, y.LowFromAssumptions, y.HighFromAssumptions));
        var z = Variable(program, "z").Bounds!;
        Assert.Equal((-90.0, 10.0, true), (z.Low, z.High, z.HighOpen));
        Assert.Equal(SearchBounds.Default, Variable(program, "w").Bounds);
    }

    [Fact]
    public void Integer_bounds_are_integers_and_strict_ones_move_inward()
    {
        var theorem = Theorems.CompileWith([new("n", Sort.Int), new("m", Sort.Int)], "n * m > 0", "n > 0", "m > -2.5 and m < 7");
        var program = SearchProgram.Compile(theorem);
        Assert.Equal((1.0, 101.0), (Variable(program, "n").Bounds!.Low, Variable(program, "n").Bounds!.High));
        Assert.Equal((-2.0, 6.0), (Variable(program, "m").Bounds!.Low, Variable(program, "m").Bounds!.High));
    }

    [Fact]
    public void Leading_forall_variables_of_the_statement_become_bounded_witnesses()
    {
        var program = Theorems.Program("forall q: 0 <= q <= 1 -> q * T + (1 - q) * P > P", "T > P");
        var witness = Assert.Single(program.Witnesses);
        Assert.Equal("q", witness.Key);
        Assert.True(witness.InStatement);
        var q = Variable(program, "q");
        Assert.True(q.IsWitness);
        Assert.Equal((0.0, 1.0), (q.Bounds!.Low, q.Bounds.High));
        Assert.DoesNotContain("forall", program.ToJson());
    }

    [Fact]
    public void A_witness_never_takes_a_theorem_variable_name()
    {
        var program = Theorems.Program("q > 0 -> forall q: q * q >= 0");
        Assert.Equal("q_1", Assert.Single(program.Witnesses).Key);
        Assert.Equal(["q", "q_1"], program.Variables.Select(v => v.Name));
    }

    [Fact]
    public void Forall_under_a_conjunction_and_exists_in_an_assumption_are_witnesses_too()
    {
        var program = Theorems.Program("(forall q: q >= 0 -> q * a >= 0) and a >= 0", "exists y: y > 0 and a = y * y");
        Assert.True(program.Supported, program.Reason);
        Assert.Equal(["y", "q"], program.Witnesses.Select(w => w.Key));
        Assert.False(program.Witnesses[0].InStatement);
    }

    [Theory]
    [InlineData("exists q: q > a", "where no value may satisfy it")]
    [InlineData("(forall q: q * q >= 0) <-> a > 0", "where it must be both true and false")]
    public void Quantifiers_a_search_cannot_witness_make_the_theorem_unsupported(string statement, string why)
    {
        var program = Theorems.Program(statement);
        Assert.False(program.Supported);
        Assert.Contains("statement at 1:", program.Reason);
        Assert.Contains(why, program.Reason);
        Assert.Contains("\"supported\":false", program.ToJson());
    }

    [Fact]
    public void A_forall_in_an_assumption_is_unsupported()
    {
        var program = Theorems.Program("a > 0", "forall x: x * x + a > 0");
        Assert.False(program.Supported);
        Assert.StartsWith("assumption 1 at 1:1:", program.Reason);
        Assert.Contains("where it must hold for every value", program.Reason);
    }

    [Fact]
    public void Bool_quantifiers_are_enumerated_by_the_evaluator()
    {
        var program = Theorems.Program("exists r in Bool: exists c in Bool: (r <-> c) and not r");
        Assert.True(program.Supported, program.Reason);
        Assert.Equal(0, program.SearchedCount);
        Assert.Equal([SearchRole.Bound, SearchRole.Bound], program.Variables.Select(v => v.Role));
        using var json = JsonDocument.Parse(program.ToJson());
        Assert.Equal("exists", json.RootElement.GetProperty("statement")[0].GetString());
    }

    [Fact]
    public void Smtlib_theorems_are_unsupported_with_a_reason()
    {
        var theorem = TheoremCompiler.Compile(new TheoremDocument
        {
            Id = "s",
            Format = TheoremFormat.Smtlib2,
            Statement = "(declare-const x Int)(assert (> x 0))(check-sat)",
        });
        var program = SearchProgram.Compile(theorem);
        Assert.False(program.Supported);
        Assert.Contains("infix", program.Reason);
    }

    [Fact]
    public void Divisions_become_targets_with_their_path_conditions()
    {
        var program = Theorems.Program("p > a / (2*b) -> abs(-b * p / q) > 1", "a > 0 and b > 0", "q = a - b*p");
        Assert.Equal(["a / (2*b) in statement: (2*b) ≠ 0", "-b * p / q in statement: q ≠ 0"],
            program.Divisors.Select(d => d.Description));
        using var json = JsonDocument.Parse(program.ToJson());
        var divisor = json.RootElement.GetProperty("divisors")[1];
        Assert.Equal(2, divisor.GetProperty("formula").GetInt32());
        Assert.Equal("zero", divisor.GetProperty("rule").GetString());
        Assert.True(Assert.Single(divisor.GetProperty("path").EnumerateArray()).GetProperty("holds").GetBoolean());
    }

    [Fact]
    public void The_json_is_a_tree_of_operations_over_variable_slots()
    {
        var program = Theorems.Program("x * x > x", "x > 0");
        // Single quotes stand for double quotes, to keep the expected text readable.
        Assert.Equal(
            ("{'version':1,'supported':true,'reason':null,'theorem':'t','tolerance':1E-09,'columns':1," +
             "'variables':[{'name':'x','sort':'real','role':'searched','index':0,'witness':false,'low':0,'high':100," +
             "'low_open':true,'high_open':false,'low_given':true,'high_given':false}]," +
             "'assumptions':[['gt',['var',0],['const',0]]],'statement':['gt',['mul',['var',0],['var',0]],['var',0]],'divisors':[]}")
            .Replace('\'', '"'),
            program.ToJson());
    }

    [Fact]
    public void Transcendental_functions_make_a_program_only_numerically_checkable()
    {
        Assert.True(Theorems.Program("x^2 >= 0").ExactlyCheckable);
        Assert.False(Theorems.Program("sqrt(x) >= 0", "x >= 0").ExactlyCheckable);
        Assert.False(Theorems.Program("x^(1/2) >= 0", "x >= 0").ExactlyCheckable);
        Assert.False(Theorems.Program("exp(x) > 0").ExactlyCheckable);
    }

    [Fact]
    public void Every_infix_corpus_theorem_compiles_to_a_program_or_a_reason()
    {
        foreach (var file in TheoremFileLoader.FindTheoremFiles(Documents.CorpusLocator.Economics))
        {
            foreach (var document in TheoremFileLoader.Load(file).Theorems.Where(t => t.Format == TheoremFormat.Infix))
            {
                var program = SearchProgram.Compile(TheoremCompiler.Compile(document));
                using var json = JsonDocument.Parse(program.ToJson());
                Assert.Equal(program.Supported, json.RootElement.GetProperty("supported").GetBoolean());
                Assert.True(program.Supported || !string.IsNullOrEmpty(program.Reason), document.Id);
            }
        }
    }
}
