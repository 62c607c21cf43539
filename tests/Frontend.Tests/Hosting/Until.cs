namespace Hms.Frontend.Tests.Hosting;

/// <summary>
/// Waits for a condition of the server that raises no event a test can await (the solver pool's gauges). It polls,
/// but asserts nothing about time: it fails only when the condition never comes within a generous bound.
/// </summary>
public static class Until
{
    public static async Task TrueAsync(Func<bool> condition, string what)
    {
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (!condition())
        {
            try
            {
                await Task.Delay(10, bound.Token);
            }
            catch (OperationCanceledException)
            {
                Assert.Fail($"never happened: {what}");
            }
        }
    }
}
