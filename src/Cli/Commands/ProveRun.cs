using Hms.Proving.Documents;
using Hms.Proving.Proof;

namespace Hms.Cli.Commands;

/// <summary>One theorem of a prove run: where it came from and, once done, its result.</summary>
internal sealed record ProveRun(string File, string Id, TheoremDocument? Document, TheoremResult Result)
{
    public ExpectedVerdict? Expected => Document?.Expected;

    /// <summary>True when the file states an expected verdict and the result differs from it.</summary>
    public bool Mismatch => Expected is { } e && e switch
    {
        ExpectedVerdict.Proved => Result.Status != TheoremStatus.Proved,
        ExpectedVerdict.Disproved => Result.Status != TheoremStatus.Disproved,
        _ => Result.Status != TheoremStatus.Unknown,
    };
}
