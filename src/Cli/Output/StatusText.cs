using Hms.Proving.Proof;

namespace Hms.Cli.Output;

internal static class StatusText
{
    public static string Of(TheoremStatus status) => status.ToString().ToUpperInvariant();
    public static string Of(ObligationStatus status) => status.ToString().ToUpperInvariant();
}
