using Hms.Grains;
using Hms.Grains.Messages;
using Hms.Proving.Proof;

namespace Hms.Frontend.Tests.Units;

/// <summary>What an update changes decides whether it is proved again; the grain asks <see cref="TheoremChange"/>.</summary>
public sealed class TheoremChangeTests
{
    private static readonly TheoremSpec Stored = new()
    {
        Id = "t", Name = "n", Domain = "d", Statement = "x > 0", Assumptions = ["x > 1"], TimeoutSeconds = 5,
        Metadata = new Dictionary<string, string> { ["k"] = "v" },
    };

    public static TheoryData<string, TheoremSpec, TheoremChangeKind> Changes => new()
    {
        { "nothing", Stored with { }, TheoremChangeKind.None },
        { "name", Stored with { Name = "other" }, TheoremChangeKind.Description },
        { "domain and metadata", Stored with { Domain = "e", Metadata = new Dictionary<string, string>() }, TheoremChangeKind.Description },
        { "timeout", Stored with { TimeoutSeconds = 50 }, TheoremChangeKind.Effort },
        { "strategies", Stored with { Strategies = ["z3"] }, TheoremChangeKind.Effort },
        { "statement", Stored with { Statement = "x > 1" }, TheoremChangeKind.Meaning },
        { "assumptions", Stored with { Assumptions = ["x > -1"] }, TheoremChangeKind.Meaning },
        { "variables", Stored with { Variables = [new VariableSpec("x", Hms.Proving.Sort.Int)] }, TheoremChangeKind.Meaning },
        { "definitions", Stored with { Definitions = [new DefinitionSpec("c", "2")] }, TheoremChangeKind.Meaning },
        { "lean_code", Stored with { LeanCode = "theorem t : True := trivial" }, TheoremChangeKind.Meaning },
        { "format", Stored with { Format = Hms.Proving.Documents.TheoremFormat.Smtlib2 }, TheoremChangeKind.Meaning },
        { "name and statement", Stored with { Name = "other", Statement = "x > 1" }, TheoremChangeKind.Meaning },
    };

    [Theory]
    [MemberData(nameof(Changes))]
    public void Each_field_is_classified_by_what_it_bears_on(string what, TheoremSpec updated, TheoremChangeKind kind)
    {
        Assert.True(kind == TheoremChange.Between(Stored, updated), what);
    }

    [Theory]
    [InlineData(TheoremStatus.Proved, false)]
    [InlineData(TheoremStatus.Disproved, false)]
    [InlineData(TheoremStatus.Unknown, true)]
    [InlineData(TheoremStatus.Running, true)]
    [InlineData(TheoremStatus.Cancelled, true)]
    public void More_effort_proves_again_only_what_is_not_decided(TheoremStatus status, bool again)
    {
        Assert.Equal(again, TheoremChange.NeedsProof(TheoremChangeKind.Effort, status));
        Assert.True(TheoremChange.NeedsProof(TheoremChangeKind.Meaning, status));
        Assert.False(TheoremChange.NeedsProof(TheoremChangeKind.Description, status));
    }
}
