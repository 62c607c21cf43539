using System.Globalization;

namespace Hms.Deploy.Tests;

/// <summary>Kubernetes resource quantities as the manifests write them: cores (`2500m`, `3`) and bytes (`6Gi`, `512Mi`).</summary>
internal static class Quantity
{
    public static decimal Cores(string text) => text.EndsWith('m')
        ? decimal.Parse(text[..^1], CultureInfo.InvariantCulture) / 1000
        : decimal.Parse(text, CultureInfo.InvariantCulture);

    public static long Bytes(string text)
    {
        foreach (var (suffix, factor) in new[] { ("Ki", 1L << 10), ("Mi", 1L << 20), ("Gi", 1L << 30), ("Ti", 1L << 40) })
        {
            if (text.EndsWith(suffix, StringComparison.Ordinal)) return long.Parse(text[..^2], CultureInfo.InvariantCulture) * factor;
        }
        return long.Parse(text, CultureInfo.InvariantCulture);
    }
}
