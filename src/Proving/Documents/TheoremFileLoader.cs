using System.Text;
using Hms.Proving.Documents.Reading;

namespace Hms.Proving.Documents;

/// <summary>
/// Loads theorem files: YAML (<c>.yaml</c>, <c>.yml</c>), JSON (<c>.json</c>) and SMT-LIB 2
/// (<c>.smt2</c>). Problems in a file never throw: they come back as <see cref="TheoremFile.Errors"/>,
/// all of them at once, and the file's valid theorems are still returned.
/// </summary>
/// <remarks>Input is bounded as described on <see cref="DocumentLimits"/>.</remarks>
public static class TheoremFileLoader
{
    /// <summary>Loads the file at <paramref name="path"/>; a missing or unreadable file is reported as an error.</summary>
    public static TheoremFile Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var errors = new ErrorCollector(path);
        if (TheoremFileKinds.FromPath(path) is not { } kind)
        {
            errors.Add(null, SourcePosition.None, TheoremFileKinds.Unsupported(path));
            return new TheoremFile(path, [], errors.ToList());
        }

        var text = SourceFileReader.Read(path, errors);
        return text is null ? new TheoremFile(path, [], errors.ToList()) : Parse(text, path, kind, errors);
    }

    /// <summary>
    /// Loads theorems from text already in memory. <paramref name="fileName"/> stands in for the
    /// path: its extension selects the format, it gives the default id, and messages name it.
    /// </summary>
    public static TheoremFile LoadText(string text, string fileName)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(fileName);
        var errors = new ErrorCollector(fileName);
        if (TheoremFileKinds.FromPath(fileName) is not { } kind)
        {
            errors.Add(null, SourcePosition.None, TheoremFileKinds.Unsupported(fileName));
            return new TheoremFile(fileName, [], errors.ToList());
        }

        // Measured in UTF-8 like files on disk, so a text and its saved file are accepted alike.
        var bytes = Encoding.UTF8.GetByteCount(text);
        if (bytes > DocumentLimits.MaxFileBytes)
        {
            errors.Add(null, SourcePosition.None, SourceFileReader.TooLarge(bytes));
            return new TheoremFile(fileName, [], errors.ToList());
        }

        return Parse(text.StartsWith('\uFEFF') ? text[1..] : text, fileName, kind, errors);
    }

    /// <summary>
    /// The theorem files to load for <paramref name="path"/>: the path itself when it is a file
    /// (whatever its extension), or every <c>.yaml</c>, <c>.yml</c>, <c>.json</c> and <c>.smt2</c>
    /// file below it when it is a folder, recursively, sorted ordinally. Other files (README.md,
    /// INDEX.tsv), hidden files and folders, and links to folders are skipped.
    /// </summary>
    /// <exception cref="DocumentException">The path does not exist or the folder cannot be listed.</exception>
    public static IReadOnlyList<string> FindTheoremFiles(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return TheoremFileFinder.Find(path);
    }

    private static TheoremFile Parse(string text, string sourceFile, TheoremFileKind kind, ErrorCollector errors)
    {
        var theorems = kind == TheoremFileKind.SmtLib
            ? SmtLibTheoremFileReader.Read(text, sourceFile, errors)
            : YamlTheoremFileReader.Read(text, sourceFile, errors);
        return new TheoremFile(sourceFile, theorems, errors.ToList());
    }
}
