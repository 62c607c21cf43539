using Hms.Proving.Proof;

namespace Hms.Grains.Messages;

[GenerateSerializer, Immutable, Alias("hms.CounterexampleData")]
public sealed record CounterexampleData(
    [property: Id(0)] IReadOnlyList<NamedValue> Assignment,
    [property: Id(1)] bool Validated,
    [property: Id(2)] string Explanation)
{
    public static CounterexampleData? From(Counterexample? c) => c is null ? null
        : new([.. c.Assignment.Select(a => new NamedValue(a.Key, a.Value))], c.Validated, c.Explanation);
}
