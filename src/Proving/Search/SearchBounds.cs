namespace Hms.Proving.Search;

/// <summary>
/// The box a searched variable is sampled from. <see cref="FromAssumptions"/> says whether a side came from an
/// assumption (a hard limit) or is a default (a soft one, only where to look). Open sides mark strict
/// inequalities: the value itself is excluded, which the evaluator enforces, not the box.
/// </summary>
public sealed record SearchBounds(double Low, double High, bool LowOpen, bool HighOpen, bool LowFromAssumptions, bool HighFromAssumptions)
{
    /// <summary>Where to look when the assumptions say nothing: economic quantities are rarely beyond this.</summary>
    public const double DefaultMagnitude = 100;

    public static SearchBounds Default { get; } = new(-DefaultMagnitude, DefaultMagnitude, false, false, false, false);

    public bool FromAssumptions => LowFromAssumptions || HighFromAssumptions;
}
