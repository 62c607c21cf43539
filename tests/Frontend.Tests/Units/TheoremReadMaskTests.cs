extern alias frontend;

using frontend::Hms.Frontend.Mapping;
using Google.Protobuf.WellKnownTypes;

namespace Hms.Frontend.Tests.Units;

public sealed class TheoremReadMaskTests
{
    [Fact]
    public void Only_the_masked_fields_are_kept()
    {
        var full = TheoremMapping.ToWire(Snapshots.Disproved());

        var masked = TheoremReadMask.Apply(new FieldMask { Paths = { "id", "counterexample", "variables" } }, full);

        Assert.Equal(full.Id, masked.Id);
        Assert.Equal(full.Counterexample, masked.Counterexample);
        Assert.Equal(full.Variables, masked.Variables);
        Assert.Equal("", masked.Statement);
        Assert.Empty(masked.Obligations);
        Assert.Null(masked.CreatedAt);
    }

    [Fact]
    public void No_mask_or_an_empty_one_keeps_everything()
    {
        var full = TheoremMapping.ToWire(Snapshots.Disproved());

        Assert.Equal(full, TheoremReadMask.Apply(null, full));
        Assert.Equal(full, TheoremReadMask.Apply(new FieldMask(), full));
    }

    [Theory]
    [InlineData("status")]
    [InlineData("counterexample.assignment")]
    [InlineData("proof.solver_versions")]
    public void Field_names_are_valid_paths(string path)
    {
        Assert.Null(TheoremReadMask.Check(new FieldMask { Paths = { path } }));
    }

    [Theory]
    [InlineData("verdict")]
    [InlineData("proof_state")] // a oneof, not a field
    [InlineData("createdAt")] // JSON names are not paths
    [InlineData("status.code")]
    public void Anything_else_is_named_in_the_problem(string path)
    {
        Assert.Contains($"'{path}'", TheoremReadMask.Check(new FieldMask { Paths = { "id", path } }));
    }
}
