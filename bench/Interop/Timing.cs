using System.Diagnostics;

namespace Hms.Interop.Bench;

/// <summary>Passes timed by wall clock; the median pass is reported, since these machines are shared and noisy.</summary>
internal static class Timing
{
    /// <summary>Runs one warm-up pass, then <paramref name="passes"/> timed ones; microseconds per item of the median pass.</summary>
    public static async Task<double> MedianMicrosecondsPerItemAsync(int passes, int itemsPerPass, Func<Task> pass)
    {
        await pass();
        var perItem = new List<double>(passes);
        for (var i = 0; i < passes; i++)
        {
            var clock = Stopwatch.StartNew();
            await pass();
            perItem.Add(clock.Elapsed.TotalMicroseconds / itemsPerPass);
        }
        perItem.Sort();
        return perItem[perItem.Count / 2];
    }

    public static double MedianMicrosecondsPerItem(int passes, int itemsPerPass, Action pass) =>
        MedianMicrosecondsPerItemAsync(passes, itemsPerPass, () =>
        {
            pass();
            return Task.CompletedTask;
        }).GetAwaiter().GetResult();
}
