using Hms.Grains.Runs;

namespace Hms.Grains.Tests.Cluster;

/// <summary>A run setting out of range stops the start with the setting's name and range.</summary>
public sealed class RunOptionsTests
{
    [Fact]
    public void The_defaults_are_valid() => Assert.Null(new RunOptions().Problem());

    [Theory]
    [InlineData(2, 20, 500, "Hms:Cluster:LeaseSeconds is 2; it must be 3 to 3600")]
    [InlineData(30, -1, 500, "Hms:Cluster:DrainSeconds is -1; it must be 0 to 600")]
    [InlineData(30, 20, 10, "Hms:Cluster:LoadRefreshMilliseconds is 10; it must be 50 to 60000")]
    public void A_setting_out_of_range_is_named(int lease, int drain, int refresh, string problem) =>
        Assert.Equal(problem, new RunOptions { LeaseSeconds = lease, DrainSeconds = drain, LoadRefreshMilliseconds = refresh }.Problem());
}
