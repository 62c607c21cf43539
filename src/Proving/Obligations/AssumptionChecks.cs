using Hms.Proving.Checking;

namespace Hms.Proving.Obligations;

/// <summary>Evaluates assumptions in order under a model, as a counterexample must satisfy them.</summary>
internal static class AssumptionChecks
{
    /// <summary>
    /// Null when every assumption holds; otherwise why the model is no counterexample.
    /// An undefined assumption throws: that is a counterexample of its own (an earlier assumption held).
    /// </summary>
    public static string? FirstFailing(ModelBinding binding, IReadOnlyList<Formula> assumptions)
    {
        foreach (var assumption in assumptions)
        {
            if (!binding.EvaluatorFor(assumption).Holds(assumption.Tree))
                return $"{assumption.Role} ({assumption.Text}) is false under the solver's model";
        }
        return null;
    }
}
