namespace Hms.Proving.Documents;

/// <summary>
/// Bounds on what <see cref="TheoremFileLoader"/> accepts. Theorem files may come from
/// untrusted submitters, so every input dimension that could cost memory or time is capped;
/// going over a limit is an ordinary <see cref="DocumentError"/>, never an exception.
/// </summary>
/// <remarks>
/// YAML aliases (<c>*name</c>) are rejected outright rather than expanded, so an alias bomb
/// ("billion laughs") costs no more than its own text; anchors (<c>&amp;name</c>) are ignored.
/// </remarks>
public static class DocumentLimits
{
    /// <summary>
    /// Largest theorem file: 10 MiB (10,485,760 bytes). A larger file is rejected from its
    /// size on disk alone, before any of it is read; in-memory text is measured in UTF-8 bytes.
    /// </summary>
    public const long MaxFileBytes = 10L * 1024 * 1024;

    /// <summary>Largest <see cref="TheoremDocument.Statement"/>: 1 MiB (1,048,576 UTF-8 bytes). For <c>.smt2</c> files the statement is the whole file.</summary>
    public const int MaxStatementBytes = 1024 * 1024;

    /// <summary>Most assumptions in one theorem: 1000.</summary>
    public const int MaxAssumptions = 1000;

    /// <summary>Most theorems in one file's <c>theorems:</c> list: 10,000.</summary>
    public const int MaxTheoremsPerFile = 10_000;

    /// <summary>Most declared variables in one theorem: 1000.</summary>
    public const int MaxVariables = 1000;

    /// <summary>Most definitions in one theorem: 1000.</summary>
    public const int MaxDefinitions = 1000;

    /// <summary>Smallest <c>timeout_seconds</c>: 1.</summary>
    public const int MinTimeoutSeconds = 1;

    /// <summary>Largest <c>timeout_seconds</c>: 86,400 (one day).</summary>
    public const int MaxTimeoutSeconds = 86_400;

    /// <summary>Longest theorem id: 128 characters (ids are 1 to 128 ASCII letters, digits, '_', '-' or '.').</summary>
    public const int MaxIdLength = 128;

    /// <summary>
    /// Deepest YAML/JSON nesting: 32 levels. The schema needs 5; the cap exists because
    /// YamlDotNet's scanner slows down quadratically with nesting depth, so reading stops
    /// at the first collection deeper than this.
    /// </summary>
    public const int MaxNestingDepth = 32;

    /// <summary>
    /// Most errors reported for one file: 1000. Every problem is reported up to this cap (a
    /// final error says the list was cut); it keeps a hostile 10 MiB file from producing
    /// hundreds of megabytes of messages.
    /// </summary>
    public const int MaxErrorsPerFile = 1000;
}
