extern alias frontend;

using frontend::Hms.Frontend.Paging;

namespace Hms.Frontend.Tests.Units;

public sealed class PageSizeTests
{
    [Theory]
    [InlineData(0, 50)]
    [InlineData(1, 1)]
    [InlineData(1000, 1000)]
    [InlineData(1001, 1000)]
    [InlineData(int.MaxValue, 1000)]
    public void Sizes_default_and_are_lowered_to_the_maximum(int requested, int expected)
    {
        Assert.True(PageSize.TryResolve(requested, out var size));
        Assert.Equal(expected, size);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(int.MinValue)]
    public void Negative_sizes_are_refused(int requested)
    {
        Assert.False(PageSize.TryResolve(requested, out _));
    }
}
