using Hms.Grains.Cache;
using Hms.Grains.Messages;
using Hms.Proving.Proof;

namespace Hms.Grains.Spread;

/// <summary>An obligation's result to and from the form that crosses silos (the model as the cache keeps it).</summary>
internal static class ObligationOutcomes
{
    public static ObligationOutcome From(ObligationResult result) => new()
    {
        Result = ObligationState.From(result),
        Model = CachedModel.From(result.Model),
        UnsatCore = [.. result.UnsatCore],
        ElapsedTicks = result.Elapsed.Ticks,
    };

    public static ObligationOutcome Refusal(string why) => new() { Refused = why };

    public static ObligationResult ToResult(ObligationOutcome outcome)
    {
        var s = outcome.Result ?? throw new InvalidOperationException("an obligation outcome without a result or a refusal");
        return new ObligationResult(s.Id, s.Kind, s.Description, s.Status, s.Strategy, TimeSpan.FromTicks(outcome.ElapsedTicks),
            s.Counterexample?.ToCore(), [.. s.AssumptionsUsed], s.Reason, s.ContentHash)
        {
            Model = outcome.Model.Count > 0 ? CachedModel.ToModel(outcome.Model) : null,
            UnsatCore = [.. outcome.UnsatCore],
            Silo = s.Silo,
        };
    }
}
