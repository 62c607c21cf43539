namespace Hms.Proving.Documents;

/// <summary>
/// What loading one file produced. A theorem with any error is left out of
/// <see cref="Theorems"/>; its errors are in <see cref="Errors"/> and the file's other
/// theorems are still returned.
/// </summary>
/// <param name="Path">The path (or in-memory file name) the theorems came from.</param>
/// <param name="Theorems">The valid theorems, in file order.</param>
/// <param name="Errors">Every problem found, ordered by position; empty when the file is clean.</param>
public sealed record TheoremFile(string Path, IReadOnlyList<TheoremDocument> Theorems, IReadOnlyList<DocumentError> Errors)
{
    // Compares the lists' contents; the synthesized equality would compare list references.
    public bool Equals(TheoremFile? other) =>
        other is not null
        && (ReferenceEquals(this, other)
            || (string.Equals(Path, other.Path, StringComparison.Ordinal)
                && Theorems.SequenceEqual(other.Theorems)
                && Errors.SequenceEqual(other.Errors)));

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Path, StringComparer.Ordinal);
        foreach (var theorem in Theorems)
        {
            hash.Add(theorem);
        }

        foreach (var error in Errors)
        {
            hash.Add(error);
        }

        return hash.ToHashCode();
    }
}
