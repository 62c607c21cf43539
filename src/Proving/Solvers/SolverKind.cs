namespace Hms.Proving.Solvers;

/// <summary>The SMT solvers the pool can drive.</summary>
public enum SolverKind
{
    Z3,
    Cvc5,
}
