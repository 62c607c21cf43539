using Hms.Proving.Checking;
using Hms.Proving.Solvers;

namespace Hms.Proving.Obligations;

/// <summary>
/// "The assumptions can all hold." Unlike the others this query should be satisfiable: unsat means the
/// theorem is vacuous, and the unsat core names the assumptions that clash.
/// </summary>
public sealed class ConsistencyObligation(string id, SmtScript script)
    : Obligation(id, ObligationKind.Consistency, "the assumptions are consistent", script.SolverText, script.Declarations, script.NamedAssumptions,
        script.Text)
{
    public override ModelCheck CheckModel(IReadOnlyDictionary<string, ModelValue> model) =>
        new(ModelCheckOutcome.Rejected, [], "a model of the assumptions is no counterexample");
}
