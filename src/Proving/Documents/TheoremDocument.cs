using System.Collections.ObjectModel;
using System.Globalization;

namespace Hms.Proving.Documents;

/// <summary>
/// One theorem as written in a theorem file: what to prove, under which assumptions, and how.
/// Instances are meant to be immutable; pass collections that nobody mutates afterwards.
/// </summary>
/// <remarks>
/// Equality is content equality: two documents are equal when their <see cref="ContentHash"/>,
/// <see cref="Expected"/> and <see cref="SourceFile"/> agree. Like the hash, it therefore ignores
/// the order of <see cref="Variables"/> and <see cref="Metadata"/> (YAML mappings are unordered)
/// and surrounding whitespace and line-ending style of texts, which never carry meaning.
/// </remarks>
public sealed record TheoremDocument
{
    // The hash is cached because equality goes through it and statements can be 1 MiB. Every
    // init accessor clears it, so a `with` copy (which clones this field) never keeps a stale hash.
    private string? contentHash;

    /// <summary>Unique within its file; 1 to 128 ASCII letters, digits, '_', '-' or '.'.</summary>
    public required string Id { get; init { field = value; contentHash = null; } }

    public string? Name { get; init { field = value; contentHash = null; } }

    /// <summary>Free text such as <c>consumer_theory</c>.</summary>
    public string? Domain { get; init { field = value; contentHash = null; } }

    public TheoremFormat Format { get; init { field = value; contentHash = null; } } = TheoremFormat.Infix;

    /// <summary>Declared variables in declaration order; undeclared names are Real.</summary>
    public IReadOnlyList<KeyValuePair<string, Sort>> Variables { get; init { field = value; contentHash = null; } } = [];

    /// <summary>
    /// Named definitions, head to body: <c>profit(q)</c> to <c>"(p - c)*q"</c>, <c>q_star</c> to <c>"(a - c)/(2*b)"</c>.
    /// Usable in the assumptions, the statement and other definitions; not recursive. Infix theorems only.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, string>> Definitions { get; init { field = value; contentHash = null; } } = [];

    /// <summary>Formulas assumed, in order (later ones may rely on earlier ones).</summary>
    public IReadOnlyList<string> Assumptions { get; init { field = value; contentHash = null; } } = [];

    /// <summary>The claim; for <see cref="TheoremFormat.Smtlib2"/> a whole SMT-LIB 2 script.</summary>
    public string Statement { get; init { field = value; contentHash = null; } } = "";

    public string? LeanCode { get; init { field = value; contentHash = null; } }

    public int? TimeoutSeconds { get; init { field = value; contentHash = null; } }

    /// <summary>Requested strategies in preference order: z3, cvc5, portfolio or genetic.</summary>
    public IReadOnlyList<string> Strategies { get; init { field = value; contentHash = null; } } = [];

    public bool UseGeneticOptimization { get; init { field = value; contentHash = null; } }

    public IReadOnlyDictionary<string, string> Metadata { get; init { field = value; contentHash = null; } } = ReadOnlyDictionary<string, string>.Empty;

    /// <summary>For regression runs only; the prover never reads it. Not part of <see cref="ContentHash"/>.</summary>
    public ExpectedVerdict? Expected { get; init; }

    /// <summary>The path the theorem came from, for messages. Not part of <see cref="ContentHash"/>.</summary>
    public string? SourceFile { get; init; }

    /// <summary>
    /// Lower-case hex SHA-256 of a canonical encoding of every field except
    /// <see cref="Expected"/> and <see cref="SourceFile"/>. It does not depend on how the file
    /// was formatted, so resubmitting the same theorem is recognised as such.
    /// </summary>
    public string ContentHash => contentHash ??= ContentHasher.Hash(this);

    public bool Equals(TheoremDocument? other) =>
        other is not null
        && (ReferenceEquals(this, other)
            || (Expected == other.Expected
                && string.Equals(SourceFile, other.SourceFile, StringComparison.Ordinal)
                && string.Equals(ContentHash, other.ContentHash, StringComparison.Ordinal)));

    public override int GetHashCode() =>
        HashCode.Combine(
            int.Parse(ContentHash.AsSpan(0, 8), NumberStyles.HexNumber, CultureInfo.InvariantCulture),
            Expected,
            SourceFile is null ? 0 : StringComparer.Ordinal.GetHashCode(SourceFile));
}
