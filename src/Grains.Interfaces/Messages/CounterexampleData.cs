using Hms.Proving.Proof;

namespace Hms.Grains.Messages;

[GenerateSerializer, Immutable, Alias("hms.CounterexampleData")]
public sealed record CounterexampleData(
    [property: Id(0)] IReadOnlyList<NamedValue> Assignment,
    [property: Id(1)] bool Validated,
    [property: Id(2)] string Explanation)
{
    /// <summary>How the assignment was confirmed; <see cref="Validated"/> is true exactly when this is Exact.</summary>
    /// <remarks>State stored before this field existed reads as None; its Validated still says Exact.</remarks>
    [Id(3)] public CounterexampleValidation Validation { get; init; }

    public CounterexampleValidation Confirmation =>
        Validation == CounterexampleValidation.None && Validated ? CounterexampleValidation.Exact : Validation;

    public static CounterexampleData? From(Counterexample? c) => c is null ? null
        : new([.. c.Assignment.Select(a => new NamedValue(a.Key, a.Value))], c.Validated, c.Explanation) { Validation = c.Validation };

    public Counterexample ToCore() =>
        new([.. Assignment.Select(a => new KeyValuePair<string, string>(a.Name, a.Value))], Confirmation, Explanation);
}
