namespace Hms.Benchmarks;

/// <summary>Order statistics; medians because a 2-core machine's outliers would drag a mean around.</summary>
internal static class Percentiles
{
    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0) return double.NaN;
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
