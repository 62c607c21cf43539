using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Hms.Web.Tests.Hosting;

namespace Hms.Web.Tests;

/// <summary>The page's routes over plain HTTP: the transcoded rpcs, the event stream, and who is refused.</summary>
[Collection(WebServeCollection.Name)]
public sealed class WebRouteTests(WebServeFixture server)
{
    private readonly HttpClient http = new() { BaseAddress = server.Page, Timeout = TimeSpan.FromSeconds(120) };

    [Fact]
    public async Task A_theorem_submitted_as_JSON_streams_its_progress_as_events_and_reads_back_PROVED()
    {
        var id = $"web-route-{Guid.NewGuid():N}";
        using var submitted = await http.PostAsync("/v1/theorems", Json(new { theorem = new { id, statement = "z*z >= 0" } }));
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);

        // The event stream ends after the completion event; each event's id is its sequence number.
        var stream = await http.GetStringAsync($"/v1/theorems/{id}/events");
        var events = stream.Split("\n\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("id: 1\nevent: progress\ndata: ", events[0]);
        var last = JsonDocument.Parse(events[^1][(events[^1].IndexOf("data: ", StringComparison.Ordinal) + 6)..]).RootElement;
        Assert.Equal("PROGRESS_KIND_COMPLETED", last.GetProperty("kind").GetString());
        Assert.Equal("THEOREM_STATUS_PROVED", last.GetProperty("theoremStatus").GetString());

        // Resuming after an event (as a reconnecting EventSource does) replays only what came after it.
        using var resume = new HttpRequestMessage(HttpMethod.Get, $"/v1/theorems/{id}/events");
        resume.Headers.Add("Last-Event-ID", "1");
        var rest = await (await http.SendAsync(resume)).Content.ReadAsStringAsync();
        Assert.StartsWith("id: 2\n", rest);

        var theorem = await http.GetFromJsonAsync<JsonElement>($"/v1/theorems/{id}");
        Assert.Equal("THEOREM_STATUS_PROVED", theorem.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_formula_that_does_not_parse_is_400_with_the_parsers_line_and_column()
    {
        using var response = await http.PostAsync("/v1/theorems", Json(new { theorem = new { id = "web-bad", statement = "x >" } }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("statement 1:4", body.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Events_of_an_unknown_theorem_are_404()
    {
        using var response = await http.GetAsync("/v1/theorems/web-nobody/events");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_request_addressed_to_another_host_name_is_404()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/theorems");
        request.Headers.Host = $"rebound.example:{server.WebPort}";
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_write_from_another_origin_or_not_as_JSON_is_refused()
    {
        var body = new { theorem = new { id = "web-csrf", statement = "1 = 1" } };
        using var crossSite = new HttpRequestMessage(HttpMethod.Post, "/v1/theorems") { Content = Json(body) };
        crossSite.Headers.Add("Origin", "http://elsewhere.example");
        Assert.Equal(HttpStatusCode.Forbidden, (await http.SendAsync(crossSite)).StatusCode);

        using var form = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "text/plain");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await http.PostAsync("/v1/theorems", form)).StatusCode);

        using var stored = await http.GetAsync("/v1/theorems/web-csrf");
        Assert.Equal(HttpStatusCode.NotFound, stored.StatusCode);
    }

    [Fact]
    public async Task The_page_is_served_with_a_policy_that_allows_only_its_own_scripts()
    {
        using var response = await http.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("script-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/app/Web.csproj")).StatusCode);
    }

    private static StringContent Json(object value) =>
        new(JsonSerializer.Serialize(value), Encoding.UTF8, "application/json");
}
