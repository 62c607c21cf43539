extern alias frontend;

using frontend::Hms.Frontend.Mapping;
using Google.Protobuf.WellKnownTypes;
using W = frontend::Hms.Frontend.V1;

namespace Hms.Frontend.Tests.Units;

public sealed class TheoremMappingTests
{
    [Fact]
    public void A_disproved_snapshot_carries_its_counterexample_and_obligations()
    {
        var theorem = TheoremMapping.ToWire(Snapshots.Disproved());

        Assert.Equal(W.TheoremStatus.Disproved, theorem.Status);
        Assert.Equal(W.TheoremComplexity.Moderate, theorem.Complexity);
        Assert.Equal(W.Theorem.ProofStateOneofCase.Counterexample, theorem.ProofStateCase);
        Assert.Equal(new Dictionary<string, string> { ["n"] = "1", ["r"] = "1" }, theorem.Counterexample.Assignment);
        Assert.True(theorem.Counterexample.Validated);
        var obligation = Assert.Single(theorem.Obligations);
        Assert.Equal(W.ObligationKind.WellDefinedness, obligation.Kind);
        Assert.Equal(W.ObligationStatus.Disproved, obligation.Status);
        Assert.Equal(["careful"], theorem.Warnings);
        Assert.Equal(Timestamp.FromDateTimeOffset(Snapshots.Created), theorem.CreatedAt);
        Assert.Equal(new Dictionary<string, string> { ["n"] = "Int", ["r"] = "Real" }, theorem.Variables);
        Assert.Equal(W.TheoremFormat.Infix, theorem.Format);
    }

    [Fact]
    public void A_proved_snapshot_names_each_deciding_strategy_once()
    {
        var theorem = TheoremMapping.ToWire(Snapshots.Proved());

        Assert.Equal(W.Theorem.ProofStateOneofCase.Proof, theorem.ProofStateCase);
        Assert.Equal("z3,cvc5", theorem.Proof.Strategy);
        Assert.Equal(["z3 4.13", "cvc5 1.2"], theorem.Proof.SolverVersions);
        Assert.Equal(["r > 0"], theorem.Proof.AssumptionsUsed);
        Assert.Equal(40, theorem.Proof.ElapsedMs);
    }

    [Fact]
    public void An_undecided_snapshot_has_no_proof_state_completion_or_complexity()
    {
        var theorem = TheoremMapping.ToWire(Snapshots.Pending());

        Assert.Equal(W.TheoremStatus.Pending, theorem.Status);
        Assert.Equal(W.Theorem.ProofStateOneofCase.None, theorem.ProofStateCase);
        Assert.Null(theorem.CompletedAt);
        Assert.Equal(W.TheoremComplexity.Unspecified, theorem.Complexity);
        Assert.Equal("", theorem.Error);
    }

    [Fact]
    public void A_theorem_read_back_and_sent_again_is_the_same_document()
    {
        var spec = TheoremSpecMapping.ToSpec(TheoremMapping.ToWire(Snapshots.Disproved()));

        Assert.Equal(Snapshots.Spec.ContentHash, spec.ContentHash);
    }

    [Fact]
    public void Empty_wire_fields_are_absent_in_the_document()
    {
        var spec = TheoremSpecMapping.ToSpec(new W.Theorem { Id = "t", Statement = "x > 0" });

        Assert.Null(spec.Name);
        Assert.Null(spec.Domain);
        Assert.Null(spec.LeanCode);
        Assert.Null(spec.TimeoutSeconds);
        Assert.Equal(Hms.Proving.Documents.TheoremFormat.Infix, spec.Format);
    }

    [Fact]
    public void Zero_options_fall_back_to_the_theorem()
    {
        var settings = ProveSettingsMapping.FromOptions(new W.ProveOptions { Priority = 3 });

        Assert.Null(settings.TimeoutSeconds);
        Assert.Empty(settings.Strategies);
        Assert.Equal(3, settings.Priority);
    }
}
