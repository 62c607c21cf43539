using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Hms.Frontend.Tests.Hosting;
using Hms.Frontend.V1;

namespace Hms.Frontend.Tests.Api;

/// <summary>
/// Issue 7, finding 7: however large the theorems, a ListTheorems page stays under the page byte cap
/// (Hms:Frontend:MaxListPageBytes, 1 MiB by default) and says there is more, instead of growing to tens of MB.
/// </summary>
[Collection(FrontendCollection.Name)]
public sealed class ListPageBytesTests(FrontendHost host)
{
    private const int Cap = 1024 * 1024;
    private const string Domain = "list_page_bytes";

    private TheoremProver.TheoremProverClient Client => host.Client;

    /// <summary>Twelve theorems of ~250 KiB each (lean_code and metadata near their limits, the longest domain): 3 MB in all.</summary>
    private async Task<List<string>> SubmitLargeTheoremsAsync()
    {
        var ids = Enumerable.Range(10, 12).Select(i => $"list-bytes-{i}").ToList();
        foreach (var id in ids)
        {
            var theorem = Theorems.Trivial(id, Domain + new string('d', 256 - Domain.Length));
            theorem.LeanCode = new string('l', 240 * 1024);
            theorem.Metadata.Add(Enumerable.Range(0, 4).ToDictionary(i => $"k{i}", i => new string('m', 4096)));
            await Client.SubmitTheoremAsync(new SubmitTheoremRequest { Theorem = theorem }, deadline: Calls.Deadline());
        }

        return ids;
    }

    [Fact]
    public async Task Pages_of_full_large_theorems_stay_under_the_cap_and_go_on_with_a_token()
    {
        var ids = await SubmitLargeTheoremsAsync();
        var domain = Domain + new string('d', 256 - Domain.Length);

        var pages = new List<ListTheoremsResponse>();
        var token = "";
        do
        {
            var page = await Client.ListTheoremsAsync(new ListTheoremsRequest
            {
                Domain = domain, PageSize = 1000, PageToken = token, ReadMask = new FieldMask { Paths = { "id", "lean_code", "metadata", "domain" } },
            }, deadline: Calls.Deadline());
            pages.Add(page);
            token = page.NextPageToken;
        }
        while (token.Length > 0 && pages.Count < 20);

        Assert.All(pages, p => Assert.True(p.CalculateSize() <= Cap, $"a page of {p.Theorems.Count} is {p.CalculateSize()} bytes"));
        Assert.True(pages.Count > 1, "3 MB of theorems came in one page");
        Assert.Equal(ids, pages.SelectMany(p => p.Theorems).Select(t => t.Id));
        Assert.All(pages.SelectMany(p => p.Theorems), t => Assert.Equal(240 * 1024, t.LeanCode.Length));
    }

    [Fact]
    public async Task Without_a_read_mask_a_page_holds_summaries_without_the_bulky_fields()
    {
        await SubmitLargeTheoremsAsync();
        var domain = Domain + new string('d', 256 - Domain.Length);

        var page = await Client.ListTheoremsAsync(new ListTheoremsRequest { Domain = domain, PageSize = 1000 }, deadline: Calls.Deadline());

        Assert.Equal(12, page.Theorems.Count);
        Assert.Equal("", page.NextPageToken);
        Assert.True(page.CalculateSize() < 64 * 1024, $"{page.CalculateSize()} bytes");
        Assert.All(page.Theorems, t =>
        {
            Assert.Equal("", t.LeanCode);
            Assert.Empty(t.Metadata);
            Assert.Equal("", t.Statement);
            Assert.Equal(domain, t.Domain);
            Assert.StartsWith("trivial ", t.Name);
        });
    }
}
