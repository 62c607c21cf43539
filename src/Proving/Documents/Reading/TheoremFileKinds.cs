namespace Hms.Proving.Documents.Reading;

/// <summary>Maps file extensions to <see cref="TheoremFileKind"/>s.</summary>
internal static class TheoremFileKinds
{
    public const string Supported = ".yaml, .yml, .json or .smt2";

    /// <summary>The kind for the path's extension (case-insensitive), or null when unsupported.</summary>
    public static TheoremFileKind? FromPath(string path) =>
        Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".yaml" or ".yml" or ".json" => TheoremFileKind.Yaml,
            ".smt2" => TheoremFileKind.SmtLib,
            _ => null,
        };

    public static string Unsupported(string path) =>
        Path.GetExtension(path) is { Length: > 0 } extension
            ? $"unsupported file extension '{extension}' (expected {Supported})"
            : $"the file name has no extension (expected {Supported})";
}
