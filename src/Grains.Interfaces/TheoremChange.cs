using Hms.Grains.Messages;

namespace Hms.Grains;

/// <summary>What an update changes about a theorem, from the least to the most: what decides whether it is proved again.</summary>
public enum TheoremChangeKind
{
    /// <summary>The same document.</summary>
    None,

    /// <summary>Only its description: name, domain, metadata. No verdict depends on them.</summary>
    Description,

    /// <summary>
    /// How hard to try (timeout_seconds, strategies, use_genetic_optimization), and perhaps the description: a PROVED
    /// or DISPROVED verdict holds whatever they are; an UNKNOWN one (a timeout, say) may not.
    /// </summary>
    Effort,

    /// <summary>What the theorem says: statement, assumptions, variables, definitions, format, lean_code.</summary>
    Meaning,
}

/// <summary>
/// Classifies an update by comparing content hashes of the two documents with the lesser fields blanked out, so
/// every field the hash covers (and any it covers later) counts as meaning unless it is named here as lesser.
/// </summary>
public static class TheoremChange
{
    public static TheoremChangeKind Between(TheoremSpec before, TheoremSpec after)
    {
        if (before.ContentHash == after.ContentHash) return TheoremChangeKind.None;
        if (Meaning(before).ContentHash != Meaning(after).ContentHash) return TheoremChangeKind.Meaning;
        return WithoutDescription(before).ContentHash != WithoutDescription(after).ContentHash
            ? TheoremChangeKind.Effort : TheoremChangeKind.Description;
    }

    /// <summary>True when a theorem with <paramref name="status"/> must be proved again after a change of <paramref name="kind"/>.</summary>
    public static bool NeedsProof(TheoremChangeKind kind, Proving.Proof.TheoremStatus status) => kind switch
    {
        TheoremChangeKind.Meaning => true,
        TheoremChangeKind.Effort => status is not (Proving.Proof.TheoremStatus.Proved or Proving.Proof.TheoremStatus.Disproved),
        _ => false,
    };

    private static TheoremSpec WithoutDescription(TheoremSpec spec) =>
        spec with { Name = null, Domain = null, Metadata = new Dictionary<string, string>() };

    private static TheoremSpec Meaning(TheoremSpec spec) =>
        WithoutDescription(spec) with { TimeoutSeconds = null, Strategies = [], UseGeneticOptimization = false };
}
