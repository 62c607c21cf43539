using Grpc.Core;
using Hms.Frontend.Tests.Hosting;
using Hms.Frontend.V1;

namespace Hms.Frontend.Tests.Api;

[Collection(FrontendCollection.Name)]
public sealed class ListTheoremsTests(FrontendHost host)
{
    private TheoremProver.TheoremProverClient Client => host.Client;

    [Fact]
    public async Task Pages_follow_id_order_within_the_domain_and_the_last_has_no_token()
    {
        var ids = Enumerable.Range(1, 7).Select(i => $"list-paging-{i}").ToList();
        foreach (var id in ids)
        {
            await Client.ProveTheoremAsync(new ProveTheoremRequest { Theorem = Theorems.Trivial(id, "list_paging") },
                deadline: Calls.Deadline());
        }

        // Same id prefix, other domain: the filter must leave these out.
        await Client.SubmitTheoremAsync(new SubmitTheoremRequest { Theorem = Theorems.Trivial("list-paging-0", "list_paging_other") },
            deadline: Calls.Deadline());
        await Client.SubmitTheoremAsync(new SubmitTheoremRequest { Theorem = Theorems.Trivial("list-paging-35", "list_paging_other") },
            deadline: Calls.Deadline());

        var pages = new List<ListTheoremsResponse>();
        var token = "";
        do
        {
            var page = await Client.ListTheoremsAsync(new ListTheoremsRequest { PageSize = 3, PageToken = token, Domain = "list_paging" },
                deadline: Calls.Deadline());
            pages.Add(page);
            token = page.NextPageToken;
        }
        while (token.Length > 0 && pages.Count < 10);

        Assert.Equal([3, 3, 1], pages.Select(p => p.Theorems.Count));
        Assert.Equal(ids, pages.SelectMany(p => p.Theorems).Select(t => t.Id));
        Assert.All(pages.SelectMany(p => p.Theorems), t => Assert.Equal(TheoremStatus.Proved, t.Status));
        Assert.Equal("", pages[^1].NextPageToken);
    }

    [Fact]
    public async Task The_status_filter_keeps_only_theorems_with_that_status()
    {
        await Client.ProveTheoremAsync(new ProveTheoremRequest { Theorem = Theorems.Trivial("list-status-proved", "list_status") },
            deadline: Calls.Deadline());
        var disproved = Theorems.Trivial("list-status-disproved", "list_status");
        disproved.Statement = "x > x";
        await Client.ProveTheoremAsync(new ProveTheoremRequest { Theorem = disproved }, deadline: Calls.Deadline());

        var page = await Client.ListTheoremsAsync(new ListTheoremsRequest { Domain = "list_status", Status = TheoremStatus.Disproved },
            deadline: Calls.Deadline());

        Assert.Equal(["list-status-disproved"], page.Theorems.Select(t => t.Id));
        Assert.Equal("", page.NextPageToken);
    }

    [Fact]
    public async Task A_page_size_above_the_maximum_is_lowered_not_refused()
    {
        await Client.SubmitTheoremAsync(new SubmitTheoremRequest { Theorem = Theorems.Trivial("list-large-page", "list_large_page") },
            deadline: Calls.Deadline());

        var page = await Client.ListTheoremsAsync(new ListTheoremsRequest { PageSize = 1_000_000, Domain = "list_large_page" },
            deadline: Calls.Deadline());

        Assert.Equal(["list-large-page"], page.Theorems.Select(t => t.Id));
    }

    [Fact]
    public async Task A_negative_page_size_is_invalid_argument()
    {
        var status = await Calls.StatusOfAsync(() =>
            Client.ListTheoremsAsync(new ListTheoremsRequest { PageSize = -1 }, deadline: Calls.Deadline()).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, status);
    }

    [Theory]
    [InlineData("not a token")]
    [InlineData("bGlzdC1wYWdpbmctMw")] // base64url of a bare id: no version tag
    [InlineData("djI6bGlzdA")] // "v2:list": a version this server does not know
    public async Task A_malformed_page_token_is_invalid_argument(string token)
    {
        var status = await Calls.StatusOfAsync(() =>
            Client.ListTheoremsAsync(new ListTheoremsRequest { PageToken = token }, deadline: Calls.Deadline()).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, status);
    }
}
