using System.Text;
using Hms.Grains.Messages;
using Hms.Proving.Documents;

namespace Hms.Grains;

/// <summary>
/// How large each field of a submitted theorem may be, and the ranges of a request's timeout and priority:
/// one set of limits that the gRPC frontend and the theorem grain both enforce (a direct Orleans client must
/// not get past what gRPC refuses). Bound from configuration section <see cref="Section"/>, validated at start.
/// Sizes are UTF-8 bytes, as the core measures files.
/// </summary>
public sealed class TheoremLimits
{
    public const string Section = "Hms:Limits";

    /// <summary>Longest name: 1 KiB.</summary>
    public int MaxNameBytes { get; set; } = 1024;

    /// <summary>Longest domain: 256 bytes (the catalog keeps one per theorem and filters on it).</summary>
    public int MaxDomainBytes { get; set; } = 256;

    /// <summary>Most metadata entries: 64.</summary>
    public int MaxMetadataEntries { get; set; } = 64;

    /// <summary>Longest metadata key: 128 bytes.</summary>
    public int MaxMetadataKeyBytes { get; set; } = 128;

    /// <summary>Longest metadata value: 4 KiB.</summary>
    public int MaxMetadataValueBytes { get; set; } = 4096;

    /// <summary>Longest lean_code: 256 KiB.</summary>
    public int MaxLeanCodeBytes { get; set; } = 256 * 1024;

    /// <summary>Longest statement: 1 MiB, the core's limit (<see cref="DocumentLimits.MaxStatementBytes"/>), which is also the most allowed.</summary>
    public int MaxStatementBytes { get; set; } = DocumentLimits.MaxStatementBytes;

    /// <summary>Most assumptions: 1000, the core's limit.</summary>
    public int MaxAssumptions { get; set; } = DocumentLimits.MaxAssumptions;

    /// <summary>Longest single assumption: 64 KiB.</summary>
    public int MaxAssumptionBytes { get; set; } = 64 * 1024;

    /// <summary>Most declared variables: 1000, the core's limit.</summary>
    public int MaxVariables { get; set; } = DocumentLimits.MaxVariables;

    /// <summary>Longest variable name: 128 bytes.</summary>
    public int MaxVariableNameBytes { get; set; } = 128;

    /// <summary>
    /// All text fields together: 2 MiB. Bounds what one theorem costs to store and to send, whatever the
    /// mix of fields, so a page of them stays far below a client's 4 MiB message limit.
    /// </summary>
    public int MaxTheoremBytes { get; set; } = 2 * 1024 * 1024;

    /// <summary>Smallest timeout_seconds of a solver goal: 1 (0 in a request means the default).</summary>
    public int MinTimeoutSeconds { get; set; } = DocumentLimits.MinTimeoutSeconds;

    /// <summary>Largest timeout_seconds: 600 (10 minutes); at most the core's one day.</summary>
    public int MaxTimeoutSeconds { get; set; } = 600;

    /// <summary>Lowest priority a request may ask for: -10.</summary>
    public int MinPriority { get; set; } = -10;

    /// <summary>Highest priority a request may ask for: 10 (0 is the default).</summary>
    public int MaxPriority { get; set; } = 10;

    /// <summary>Null when these limits are coherent, else what is wrong (checked when the host starts).</summary>
    public string? Problem() =>
        new[] { MaxNameBytes, MaxDomainBytes, MaxMetadataKeyBytes, MaxMetadataValueBytes, MaxLeanCodeBytes, MaxStatementBytes,
            MaxAssumptionBytes, MaxVariableNameBytes, MaxTheoremBytes }.Any(n => n <= 0) ? "every byte limit must be positive"
        : MaxMetadataEntries < 0 || MaxAssumptions < 0 || MaxVariables < 0 ? "counts must not be negative"
        : MaxStatementBytes > DocumentLimits.MaxStatementBytes ? $"MaxStatementBytes may be at most the core's {DocumentLimits.MaxStatementBytes}"
        : MaxAssumptions > DocumentLimits.MaxAssumptions ? $"MaxAssumptions may be at most the core's {DocumentLimits.MaxAssumptions}"
        : MaxVariables > DocumentLimits.MaxVariables ? $"MaxVariables may be at most the core's {DocumentLimits.MaxVariables}"
        : MinTimeoutSeconds < DocumentLimits.MinTimeoutSeconds || MaxTimeoutSeconds > DocumentLimits.MaxTimeoutSeconds || MinTimeoutSeconds > MaxTimeoutSeconds
            ? $"timeouts must lie within {DocumentLimits.MinTimeoutSeconds}..{DocumentLimits.MaxTimeoutSeconds} s, minimum first"
        : MinPriority > MaxPriority ? "MinPriority must not exceed MaxPriority"
        : null;

    /// <summary>
    /// Null when <paramref name="spec"/> and <paramref name="settings"/> are within the limits, else the first
    /// field over: its name (after <paramref name="prefix"/>, as the caller names fields), its size and the limit.
    /// </summary>
    public string? Check(TheoremSpec spec, ProveSettings settings, string prefix = "", string settingsPrefix = "")
    {
        var total = 0L;
        string? Bytes(string? text, int limit, string field)
        {
            if (text is null) return null;
            var bytes = Encoding.UTF8.GetByteCount(text);
            total += bytes;
            return bytes > limit ? $"{prefix}{field} is {bytes} bytes, more than the limit of {limit}" : null;
        }
        string? Count(int count, int limit, string field) =>
            count > limit ? $"{prefix}{field} has {count} entries, more than the limit of {limit}" : null;

        var problem = Bytes(spec.Name, MaxNameBytes, "name")
            ?? Bytes(spec.Domain, MaxDomainBytes, "domain")
            ?? Bytes(spec.Statement, MaxStatementBytes, "statement")
            ?? Bytes(spec.LeanCode, MaxLeanCodeBytes, "lean_code")
            ?? Count(spec.Metadata.Count, MaxMetadataEntries, "metadata")
            ?? Count(spec.Assumptions.Count, MaxAssumptions, "assumptions")
            ?? Count(spec.Variables.Count, MaxVariables, "variables")
            ?? TimeoutProblem(spec.TimeoutSeconds, $"{prefix}timeout_seconds")
            ?? TimeoutProblem(settings.TimeoutSeconds, $"{settingsPrefix}timeout_seconds")
            ?? PriorityProblem(settings.Priority, $"{settingsPrefix}priority");
        if (problem is not null) return problem;
        foreach (var (key, value) in spec.Metadata)
        {
            problem = Bytes(key, MaxMetadataKeyBytes, "metadata key") ?? Bytes(value, MaxMetadataValueBytes, $"metadata['{Shorten(key)}']");
            if (problem is not null) return problem;
        }
        for (var i = 0; i < spec.Assumptions.Count; i++)
        {
            if (Bytes(spec.Assumptions[i], MaxAssumptionBytes, $"assumptions[{i}]") is { } p) return p;
        }
        foreach (var variable in spec.Variables)
        {
            if (Bytes(variable.Name, MaxVariableNameBytes, "variables key") is { } p) return p;
        }
        // Definitions have their own count limit in the core; here they count towards the whole theorem.
        foreach (var definition in spec.Definitions)
        {
            total += Encoding.UTF8.GetByteCount(definition.Head) + Encoding.UTF8.GetByteCount(definition.Body);
        }
        return total > MaxTheoremBytes
            ? $"{prefix}(all fields) are {total} bytes together, more than the limit of {MaxTheoremBytes}"
            : null;
    }

    /// <summary>
    /// <see cref="Check"/> as every entry point words it (the gRPC frontend, the grain for direct Orleans
    /// callers and so `hms prove`): "theorem 'ID': FIELD is N bytes, more than the limit of L".
    /// </summary>
    public string? CheckSubmission(TheoremSpec spec, ProveSettings settings) =>
        Check(spec, settings, "", "options.") is { } problem ? $"theorem '{spec.Id}': {problem}" : null;

    /// <summary>Null when <paramref name="seconds"/> is unset or within the range, else the allowed range.</summary>
    public string? TimeoutProblem(int? seconds, string field) =>
        seconds is null || (seconds >= MinTimeoutSeconds && seconds <= MaxTimeoutSeconds) ? null
        : $"{field} must be between {MinTimeoutSeconds} and {MaxTimeoutSeconds} (0: the default), not {seconds}";

    public string? PriorityProblem(int priority, string field) =>
        priority >= MinPriority && priority <= MaxPriority ? null
        : $"{field} must be between {MinPriority} and {MaxPriority}, not {priority}";

    private static string Shorten(string text) => text.Length <= 32 ? text : text[..32] + "…";
}
