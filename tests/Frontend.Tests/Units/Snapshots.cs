using Hms.Grains.Messages;
using Hms.Proving;
using Hms.Proving.Compiling;
using Hms.Proving.Documents;
using Hms.Proving.Obligations;
using Hms.Proving.Proof;

namespace Hms.Frontend.Tests.Units;

/// <summary>Grain snapshots made by hand, for mapping tests that need no silo.</summary>
internal static class Snapshots
{
    public static readonly DateTimeOffset Created = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    public static TheoremSpec Spec { get; } = new()
    {
        Id = "gordon",
        Name = "Gordon growth",
        Domain = "finance",
        Format = TheoremFormat.Infix,
        Variables = [new VariableSpec("n", Sort.Int), new VariableSpec("r", Sort.Real)],
        Assumptions = ["r > 0", "n >= 1"],
        Statement = "1 / (r - n) > 0",
        TimeoutSeconds = 30,
        Strategies = ["z3", "cvc5"],
        Metadata = new Dictionary<string, string> { ["source"] = "Gordon (1959)" },
    };

    public static TheoremSnapshot Disproved() => new()
    {
        Spec = Spec,
        Status = TheoremStatus.Disproved,
        Complexity = Complexity.Moderate,
        Obligations =
        [
            new ObligationState
            {
                Id = "wd-1", Kind = ObligationKind.WellDefinedness, Description = "r - n != 0", ContentHash = "abc",
                Status = ObligationStatus.Disproved, Strategy = "z3", ElapsedMs = 12,
            },
        ],
        Verdict = new TheoremVerdict
        {
            Status = TheoremStatus.Disproved,
            Counterexample = new CounterexampleData([new NamedValue("n", "1"), new NamedValue("r", "1")], true, "r - n is 0"),
            Warnings = ["careful"],
            ElapsedMs = 40,
        },
        CreatedAt = Created,
        UpdatedAt = Created.AddSeconds(1),
        CompletedAt = Created.AddSeconds(1),
        LastSequence = 5,
    };

    public static TheoremSnapshot Proved() => Disproved() with
    {
        Status = TheoremStatus.Proved,
        Obligations =
        [
            new ObligationState { Id = "c-1", Status = ObligationStatus.Proved, Strategy = "z3" },
            new ObligationState { Id = "c-2", Status = ObligationStatus.Proved, Strategy = "cvc5" },
            new ObligationState { Id = "c-3", Status = ObligationStatus.Proved, Strategy = "z3" },
        ],
        SolverVersions = ["z3 4.13", "cvc5 1.2"],
        Verdict = new TheoremVerdict { Status = TheoremStatus.Proved, AssumptionsUsed = ["r > 0"], ElapsedMs = 40 },
    };

    public static TheoremSnapshot Pending() => Disproved() with
    {
        Status = TheoremStatus.Pending, Complexity = null, Obligations = [], Verdict = null, CompletedAt = null,
    };
}
