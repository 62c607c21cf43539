namespace Hms.Proving.Solvers;

public static class SolverKindNames
{
    /// <summary>The name a solver goes by in results and reasons: "z3", "cvc5".</summary>
    public static string ToName(this SolverKind kind) => kind == SolverKind.Z3 ? "z3" : "cvc5";
}
