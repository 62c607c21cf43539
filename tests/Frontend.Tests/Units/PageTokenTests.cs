extern alias frontend;

using frontend::Hms.Frontend.Paging;

namespace Hms.Frontend.Tests.Units;

public sealed class PageTokenTests
{
    [Theory]
    [InlineData("a")]
    [InlineData("consumer_theory.cd-budget_1")]
    public void A_token_gives_back_the_id_it_was_made_from(string id)
    {
        var token = PageToken.Encode(id);

        Assert.True(PageToken.TryDecode(token, out var decoded));
        Assert.Equal(id, decoded);
        Assert.DoesNotContain(id, token);
    }

    [Theory]
    [InlineData("***")]
    [InlineData("YQ")] // "a": no version tag
    [InlineData("djE6")] // "v1:" and no id
    [InlineData("djE6YS9i")] // "v1:a/b": not an id
    [InlineData("djI6YQ")] // "v2:a": a version this build does not know
    public void Anything_else_is_refused(string token)
    {
        Assert.False(PageToken.TryDecode(token, out _));
    }

    [Fact]
    public void An_overlong_token_is_refused_without_decoding_it()
    {
        Assert.False(PageToken.TryDecode(new string('A', 10_000), out _));
    }
}
