using Hms.Proving.Solvers;

namespace Hms.Proving.Tests.Solvers;

/// <summary>SMT-LIB goals with known behaviour in z3 4.8.12 and cvc5 1.0.3.</summary>
internal static class Goals
{
    public static readonly TimeSpan Generous = TimeSpan.FromSeconds(30);

    /// <summary>Sat with a unique model: i = 3, r = 1/2, q = -2/3, n = -7, b = true.</summary>
    public static SolverRequest SatWithModel => new(
        """
        (declare-const i Int)(declare-const r Real)(declare-const q Real)(declare-const n Int)(declare-const b Bool)
        (assert (= i 3))
        (assert (= (* 2 r) 1))
        (assert (= (* 3 q) (- 2)))
        (assert (= n (- 7)))
        (assert b)
        """, Generous, ["i", "r", "q", "n", "b"]);

    public static SolverRequest UnsatWithCore => new(
        """
        (declare-const x Int)
        (assert (! (> x 2) :named a1))
        (assert (! (< x 0) :named |a 2|))
        (assert (! (< x 10) :named a3))
        """, Generous, [], WantUnsatCore: true);

    /// <summary>Refers to an undeclared constant on its second line.</summary>
    public static SolverRequest UndeclaredConstant => new("(declare-const x Int)\n(assert (> y 2))", Generous, ["x"]);

    /// <summary>
    /// x^3 + y^3 = z^3 over positive integers has no solution (Fermat, n = 3) and neither solver can show it:
    /// both search for well over 20 s here.
    /// </summary>
    public static SolverRequest Hard(TimeSpan timeout) => new(
        """
        (declare-const x Int)(declare-const y Int)(declare-const z Int)
        (assert (> x 0))(assert (> y 0))(assert (> z 0))
        (assert (= (+ (* x x x) (* y y y)) (* z z z)))
        """, timeout, ["x", "y", "z"]);

    public static SolverRequest Easy(int n) => new(
        $"(declare-const x Int)(assert (= (* 2 x) {2 * n}))", Generous, ["x"]);

    public static SolverRequest EasyUnsat(int n) => new(
        $"(declare-const x Int)(assert (= (* 2 x) {2 * n + 1}))", Generous, []);

    /// <summary>x = -sqrt(2): z3 answers at once with a root-obj; cvc5 1.0.3 (built without libpoly) never does.</summary>
    public static SolverRequest IrrationalRoot => new(
        "(declare-const x Real)(assert (= (* x x) 2.0))(assert (< x 0.0))", Generous, ["x"]);

    /// <summary>Pigeonhole with 41 pigeons and 40 holes as pure SAT: a lot of clauses, a lot of memory.</summary>
    public static SolverRequest Pigeonhole(TimeSpan timeout)
    {
        const int holes = 40;
        var script = new System.Text.StringBuilder();
        for (var p = 0; p <= holes; p++)
        for (var h = 0; h < holes; h++)
            script.Append($"(declare-const p{p}_{h} Bool)\n");
        for (var p = 0; p <= holes; p++)
            script.Append("(assert (or ").AppendJoin(' ', Enumerable.Range(0, holes).Select(h => $"p{p}_{h}")).Append("))\n");
        for (var h = 0; h < holes; h++)
        for (var p = 0; p <= holes; p++)
        for (var q = p + 1; q <= holes; q++)
            script.Append($"(assert (or (not p{p}_{h}) (not p{q}_{h})))\n");
        return new(script.ToString(), timeout, []);
    }
}
