using Hms.Proving.Proof;

namespace Hms.Grains.Messages;

[GenerateSerializer, Immutable, Alias("hms.CounterexampleData")]
public sealed record CounterexampleData(
    [property: Id(0)] IReadOnlyList<NamedValue> Assignment,
    [property: Id(1)] bool Validated,
    [property: Id(2)] string Explanation)
{
    /// <summary>How the assignment was confirmed.</summary>
    /// <remarks>
    /// Nullable because state stored before this field existed reads it as absent, and the enum's default
    /// (Exact) would then forge an exact check: such state falls back to <see cref="Validated"/>.
    /// </remarks>
    [Id(3)] public CounterexampleValidation? Validation { get; init; }

    /// <summary>Names whose value is a decimal approximation of an irrational number, not exact.</summary>
    [Id(4)] public IReadOnlyList<string> Approximate { get; init; } = [];

    public CounterexampleValidation Confirmation =>
        Validation ?? (Validated ? CounterexampleValidation.Exact : CounterexampleValidation.None);

    public static CounterexampleData? From(Counterexample? c) => c is null ? null
        : new([.. c.Assignment.Select(a => new NamedValue(a.Key, a.Value))], c.Validated, c.Explanation)
        {
            Validation = c.Validation, Approximate = [.. c.Approximate],
        };

    public Counterexample ToCore() =>
        new([.. Assignment.Select(a => new KeyValuePair<string, string>(a.Name, a.Value))], Validated, Explanation)
        {
            Validation = Confirmation, Approximate = Approximate ?? [],
        };
}
