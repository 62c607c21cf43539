namespace Hms.Proving.Documents.Reading;

/// <summary>Collects one file's errors, up to <see cref="DocumentLimits.MaxErrorsPerFile"/>.</summary>
internal sealed class ErrorCollector(string file)
{
    private readonly List<DocumentError> errors = [];

    public string File => file;

    /// <summary>Errors reported so far, including any beyond the cap, so callers can tell whether a step added some.</summary>
    public int Reported { get; private set; }

    /// <summary>Whether further errors will only be counted, so callers may skip costly message details.</summary>
    public bool IsFull => Reported >= DocumentLimits.MaxErrorsPerFile;

    public void Add(string? theoremId, SourcePosition position, string message)
    {
        Reported++;
        if (errors.Count < DocumentLimits.MaxErrorsPerFile)
        {
            errors.Add(new DocumentError(file, theoremId, position.Line, position.Column, message));
        }
    }

    /// <summary>The errors in file order (problems with the whole file first).</summary>
    public IReadOnlyList<DocumentError> ToList()
    {
        var sorted = errors.OrderBy(e => e.Line).ThenBy(e => e.Column).ToList();
        if (Reported > errors.Count)
        {
            sorted.Add(new DocumentError(
                file,
                null,
                0,
                0,
                $"too many errors: showing the first {errors.Count} of {Reported}"));
        }

        return sorted;
    }
}
