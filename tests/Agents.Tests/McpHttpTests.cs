using System.Net;
using System.Text.Json;
using Hms.Agents.Tests.Hosting;
using Hms.Service.Tests.Hosting;
using ModelContextProtocol.Protocol;

namespace Hms.Agents.Tests;

/// <summary>The SDK's MCP client against `hms serve --mcp` over Streamable HTTP.</summary>
[Collection(McpServeCollection.Name)]
public sealed class McpHttpTests(McpServeFixture server)
{
    [Fact]
    public async Task The_server_lists_the_prover_tools_and_the_language_resource()
    {
        var tools = await server.Client.ListToolsAsync();
        Assert.Equal(
            ["explain_language", "get_theorem", "list_theorems", "prove_theorem", "submit_theorem"],
            tools.Select(t => t.Name).Order(StringComparer.Ordinal));
        var prove = tools.Single(t => t.Name == "prove_theorem").ProtocolTool;
        Assert.Equal(["statement"], prove.InputSchema.GetProperty("required").EnumerateArray().Select(e => e.GetString()));
        Assert.NotNull(prove.OutputSchema);

        var resources = await server.Client.ListResourcesAsync();
        Assert.Contains(resources, r => r.Uri == "hms://docs/language" && r.ProtocolResource.MimeType == "text/markdown");
    }

    [Fact]
    public async Task The_language_resource_and_explain_language_serve_docs_language_md_itself()
    {
        var file = await File.ReadAllTextAsync(Path.Combine(Repo.Root, "docs", "language.md"));
        var read = await server.Client.ReadResourceAsync("hms://docs/language");
        Assert.Equal(file, Assert.IsType<TextResourceContents>(Assert.Single(read.Contents)).Text);
        var explained = await server.Client.CallAsync("explain_language", new { });
        Assert.NotEqual(true, explained.IsError);
        Assert.Equal(file, explained.Text());
    }

    [Fact]
    public async Task A_true_theorem_is_proved_with_the_assumptions_it_used()
    {
        var result = await server.Client.CallAsync("prove_theorem", new
        {
            statement = "u*v > 0",
            assumptions = new[] { "u > 1", "v > 2", "w < 0" },
        });
        var report = result.Structured();
        Assert.Equal("PROVED", report.GetProperty("verdict").GetString());
        Assert.True(report.GetProperty("finished").GetBoolean());
        Assert.Equal(JsonValueKind.Null, report.GetProperty("counterexample").ValueKind);
        var used = report.GetProperty("assumptionsUsed").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.DoesNotContain("w < 0", used);
        Assert.NotEmpty(report.GetProperty("obligations").EnumerateArray());
        await AssertMatchesOutputSchemaAsync("prove_theorem", report);
    }

    [Fact]
    public async Task A_false_theorem_is_disproved_with_a_counterexample_that_refutes_it()
    {
        var result = await server.Client.CallAsync("prove_theorem", new
        {
            statement = "k + j > k",
            variables = new Dictionary<string, string> { ["k"] = "Int", ["j"] = "Int" },
            strategy = "z3",
            timeout = 20,
        });
        var report = result.Structured();
        Assert.Equal("DISPROVED", report.GetProperty("verdict").GetString());
        var counterexample = report.GetProperty("counterexample");
        Assert.True(counterexample.GetProperty("validated").GetBoolean());
        // The claim fails exactly when j <= 0, whatever k is.
        var j = long.Parse(counterexample.GetProperty("values").GetProperty("j").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(j <= 0, $"j = {j} does not refute k + j > k");
        await AssertMatchesOutputSchemaAsync("prove_theorem", report);
    }

    [Fact]
    public async Task An_SMT_LIB_theorem_is_proved()
    {
        var result = await server.Client.CallAsync("prove_theorem", new
        {
            statement = "(declare-const y Real)\n(assert (not (>= (+ (* y y) 1.0) 0.0)))\n(check-sat)\n",
            format = "smtlib2",
        });
        Assert.Equal("PROVED", result.Structured().GetProperty("verdict").GetString());
    }

    [Fact]
    public async Task A_formula_that_does_not_parse_is_a_tool_error_with_line_and_column()
    {
        var result = await server.Client.CallAsync("prove_theorem", new { statement = "r >= 0", assumptions = new[] { "r >= 0", "r *\n* 2 > 1" } });
        Assert.True(result.IsError);
        Assert.Null(result.StructuredContent);
        Assert.Matches(@"assumption.*2:1", result.Text());
    }

    [Theory]
    [InlineData("""{"statement":"z > 0","variables":{"z":"Complex"}}""", "unknown type 'Complex'")]
    [InlineData("""{"statement":"z > 0","format":"latex"}""", "format 'latex'")]
    [InlineData("""{"statement":"z > 0","strategy":"magic"}""", "unknown strategy 'magic'")]
    [InlineData("""{"statement":"z > 0","timeout":-1}""", "timeout_seconds must be between 1 and 600")]
    [InlineData("""{"statement":"  "}""", "statement is required")]
    [InlineData("""{"statement":"z > 0","id":"../etc"}""", "is not a theorem id")]
    public async Task Input_the_frontend_refuses_is_a_tool_error_naming_the_field(string arguments, string expected)
    {
        using var document = JsonDocument.Parse(arguments);
        var result = await server.Client.CallAsync("submit_theorem", document.RootElement);
        Assert.True(result.IsError, result.Text());
        Assert.Contains(expected, result.Text());
    }

    [Fact]
    public async Task A_long_proof_is_submitted_then_followed_with_progress_notifications_to_its_verdict()
    {
        var id = $"agents-slow-{Guid.NewGuid():N}";
        // Up to 3 s of solver time, so the wait usually begins before the verdict; either way the whole log is told.
        var submitted = (await server.Client.CallAsync("submit_theorem", new
        {
            id,
            statement = "sx^3 + sy^3 != sz^3",
            assumptions = new[] { "sx > 0 and sy > 0 and sz > 0" },
            variables = new Dictionary<string, string> { ["sx"] = "Int", ["sy"] = "Int", ["sz"] = "Int" },
            timeout = 3,
        })).Structured();
        Assert.Equal(id, submitted.GetProperty("id").GetString());
        Assert.Equal("Accepted", submitted.GetProperty("outcome").GetString());

        await using var progress = ProgressLog.Follow(server.Client);
        var report = (await server.Client.CallAsync("get_theorem", new { id, wait = true }, progress)).Structured();
        var verdict = report.GetProperty("verdict").GetString();
        try
        {
            await progress.Completed.WaitAsync(TimeSpan.FromSeconds(30));
        }
        catch (TimeoutException)
        {
            Assert.Fail($"no completion notification; verdict {verdict}, notifications: " +
                string.Join(", ", progress.Values.Select(v => $"{v.Progress}:{v.Message}")) + $"\n{report}");
        }

        Assert.Contains(verdict, new[] { "PROVED", "DISPROVED", "UNKNOWN" });
        // The client may hand notifications to IProgress out of order; their progress values give the order.
        var values = progress.Values.OrderBy(v => v.Progress).ToList();
        Assert.Equal("submitted", values[0].Message);
        Assert.Equal($"completed: {verdict}", values[^1].Message);
        Assert.Contains(values, v => v.Message?.StartsWith("split into", StringComparison.Ordinal) == true);
        // Each event is told once, under its own number.
        Assert.Equal(values.Count, values.Select(v => v.Progress).Distinct().Count());

        // Read again without waiting: the same verdict, and the theorem is listed.
        var again = (await server.Client.CallAsync("get_theorem", new { id })).Structured();
        Assert.Equal(verdict, again.GetProperty("verdict").GetString());
        var listed = (await server.Client.CallAsync("list_theorems", new { status = verdict, pageSize = 1000 })).Structured();
        Assert.Contains(listed.GetProperty("theorems").EnumerateArray(), t => t.GetProperty("id").GetString() == id);
    }

    [Fact]
    public async Task An_unknown_theorem_id_is_a_tool_error()
    {
        var result = await server.Client.CallAsync("get_theorem", new { id = "agents-nobody-submitted-this" });
        Assert.True(result.IsError);
        Assert.Contains("no theorem has the id 'agents-nobody-submitted-this'", result.Text());
    }

    [Fact]
    public async Task The_endpoint_answers_only_requests_addressed_to_loopback()
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, server.Endpoint)
        {
            Content = new StringContent("""{"jsonrpc":"2.0","id":1,"method":"tools/list"}""", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Host = "rebound.example";
        request.Headers.Accept.ParseAdd("application/json");
        request.Headers.Accept.ParseAdd("text/event-stream");
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    /// <summary>Every property the tool's output schema requires is in the structured content (null where there is none).</summary>
    private async Task AssertMatchesOutputSchemaAsync(string tool, JsonElement content)
    {
        var schema = (await server.Client.ListToolsAsync()).Single(t => t.Name == tool).ProtocolTool.OutputSchema;
        Assert.NotNull(schema);
        foreach (var name in schema.Value.GetProperty("required").EnumerateArray().Select(e => e.GetString()!))
        {
            Assert.True(content.TryGetProperty(name, out _), $"structured content lacks '{name}': {content}");
        }
    }
}
