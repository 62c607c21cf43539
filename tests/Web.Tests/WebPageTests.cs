using System.Numerics;
using Hms.Web.Tests.Hosting;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Hms.Web.Tests;

/// <summary>The page in a real browser: a theorem typed in, Prove pressed, and what the page then shows.</summary>
[Collection(WebServeCollection.Name)]
public sealed class WebPageTests(WebServeFixture server)
{
    // Proofs take real solver time; Playwright's 5 s default is for page rendering.
    private static readonly LocatorAssertionsToHaveAttributeOptions Verdict = new() { Timeout = 60_000 };

    [Fact]
    public async Task A_true_theorem_is_shown_PROVED_with_its_obligations_and_progress()
    {
        var page = await server.OpenAsync();
        await TypeTheoremAsync(page, "A square is never negative", "(x - 1)^2 >= 0", "x > 0");
        await page.ClickAsync("#prove");

        await Expect(page.Locator("#verdict")).ToHaveAttributeAsync("data-status", "PROVED", Verdict);
        var rows = page.Locator("#obligations tbody tr");
        Assert.True(await rows.CountAsync() >= 1, "no obligation is listed");
        await Expect(rows.Locator("td.status").First).ToHaveAttributeAsync("data-status", "PROVED");
        await Expect(page.Locator("#counterexample-box")).ToBeHiddenAsync();
        await Expect(page.Locator("#assumptions-box")).ToBeVisibleAsync();
        // The progress came over the event stream, in order: submitted first, completion last.
        var log = await page.Locator("#log li").AllTextContentsAsync();
        Assert.Equal("submitted", log[0]);
        Assert.Contains(log, l => l.StartsWith("split into", StringComparison.Ordinal));
        Assert.Equal("completed: PROVED", log[^1]);
        await ScreenshotAsync(page, "proved");
    }

    [Fact]
    public async Task A_false_theorem_is_shown_DISPROVED_with_a_counterexample_table_that_refutes_it()
    {
        var page = await server.OpenAsync();
        await TypeTheoremAsync(page, "Squares exceed their root", "x^2 > x", "x >= 0");
        await page.ClickAsync("#prove");

        await Expect(page.Locator("#verdict")).ToHaveAttributeAsync("data-status", "DISPROVED", Verdict);
        await Expect(page.Locator("#counterexample-box")).ToBeVisibleAsync();
        var cells = page.Locator("#counterexample tbody tr").First.Locator("td");
        Assert.Equal("x", await cells.Nth(0).TextContentAsync());
        // The value shown really refutes the claim: 0 <= x and x^2 <= x, in exact arithmetic.
        var (p, q) = Rational(await cells.Nth(1).TextContentAsync() ?? "");
        Assert.True(p >= 0 && p * p <= p * q, $"x = {p}/{q} does not refute x^2 > x under x >= 0");
        await Expect(page.Locator("#obligations td.status[data-status=DISPROVED]")).ToHaveCountAsync(1);
        await ScreenshotAsync(page, "disproved");
    }

    [Fact]
    public async Task A_hostile_name_and_statement_are_shown_as_text_and_never_run()
    {
        const string hostile = "<img src=x onerror=alert(1)>";
        var page = await server.OpenAsync();
        var dialogs = 0;
        page.Dialog += (_, dialog) => { dialogs++; _ = dialog.DismissAsync(); };
        // The statement carries markup too: its obligation's description is shown in the table.
        await TypeTheoremAsync(page, hostile, "y >= y or \"<b>bold</b>\" = 1", "");
        await page.ClickAsync("#prove");
        // The statement does not parse: the server's message, quoting it, is shown as text.
        await Expect(page.Locator("#form-error")).ToBeVisibleAsync();
        Assert.Contains("statement", await page.Locator("#form-error").TextContentAsync());

        // A statement that parses and still looks like a tag: `x <b` is a comparison. Unescaped, the browser would
        // take "<b" for the start of an element and the text would lose it.
        await page.FillAsync("#statement", "y >= y or x <b");
        await page.ClickAsync("#prove");
        await Expect(page.Locator("#verdict")).ToHaveAttributeAsync("data-status", "PROVED", Verdict);
        Assert.Equal(hostile, await page.Locator("#theorem-name").TextContentAsync());
        Assert.Contains(await page.Locator("#obligations tbody td").AllTextContentsAsync(), t => t.EndsWith("y >= y or x <b", StringComparison.Ordinal));
        // The recent list, refreshed at the completion, names it as text too.
        await Expect(page.Locator("#recent a", new PageLocatorOptions { HasText = hostile })).ToHaveCountAsync(1);
        Assert.Equal(0, await page.Locator("img, b").CountAsync());
        Assert.Equal(0, dialogs);
        await ScreenshotAsync(page, "hostile-name");
    }

    [Fact]
    public async Task An_example_loads_into_the_editor_and_proves_to_its_expected_verdict()
    {
        var page = await server.OpenAsync();
        var option = page.Locator("#examples option", new PageLocatorOptions { HasText = "tax_incidence.yaml" }).First;
        await page.SelectOptionAsync("#examples", await option.GetAttributeAsync("value") ?? "");
        Assert.Contains("pb - p0", await page.InputValueAsync("#statement"));
        Assert.Contains("p0 = (a - c) / (b + d)", await page.InputValueAsync("#assumptions"));
        await page.ClickAsync("#prove");
        await Expect(page.Locator("#verdict")).ToHaveAttributeAsync("data-status", "PROVED", Verdict);
        await ScreenshotAsync(page, "example");
    }

    private static async Task TypeTheoremAsync(IPage page, string name, string statement, string assumptions)
    {
        await page.FillAsync("#name", name);
        await page.FillAsync("#statement", statement);
        await page.FillAsync("#assumptions", assumptions);
        await page.FillAsync("#variables", "");
    }

    private async Task ScreenshotAsync(IPage page, string state) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(server.Screenshots, $"{state}.png"), FullPage = true });

    /// <summary>"3", "-1/2" as numerator and positive denominator.</summary>
    private static (BigInteger P, BigInteger Q) Rational(string text)
    {
        var parts = text.Trim().Split('/');
        var p = BigInteger.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture);
        var q = parts.Length > 1 ? BigInteger.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture) : BigInteger.One;
        return q.Sign < 0 ? (-p, -q) : (p, q);
    }
}
