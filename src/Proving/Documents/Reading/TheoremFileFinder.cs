namespace Hms.Proving.Documents.Reading;

/// <summary>Lists the theorem files under a path.</summary>
internal static class TheoremFileFinder
{
    // Hidden entries (.git and the like) are skipped, and unreadable folders do not stop the search.
    private static readonly EnumerationOptions FileOptions = new()
    {
        IgnoreInaccessible = true,
        AttributesToSkip = FileAttributes.Hidden | FileAttributes.System,
    };

    // Symbolic links to folders are not followed: .NET would follow a link to an ancestor round
    // and round until paths grow too long, listing the same files over and over.
    private static readonly EnumerationOptions FolderOptions = new()
    {
        IgnoreInaccessible = true,
        AttributesToSkip = FileAttributes.Hidden | FileAttributes.System | FileAttributes.ReparsePoint,
    };

    public static IReadOnlyList<string> Find(string path)
    {
        if (File.Exists(path))
        {
            // Named explicitly, so it is loaded whatever its extension; Load reports an unsupported one.
            return [path];
        }

        if (!Directory.Exists(path))
        {
            throw new DocumentException($"{path}: no such file or directory (expected a theorem file or a folder of them)");
        }

        try
        {
            var files = new List<string>();
            var pending = new Stack<string>();
            pending.Push(path);
            while (pending.TryPop(out var folder))
            {
                files.AddRange(Directory.EnumerateFiles(folder, "*", FileOptions).Where(f => TheoremFileKinds.FromPath(f) is not null));
                foreach (var child in Directory.EnumerateDirectories(folder, "*", FolderOptions))
                {
                    pending.Push(child);
                }
            }

            files.Sort(StringComparer.Ordinal);
            return files;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new DocumentException($"{path}: cannot list theorem files: {exception.Message}", exception);
        }
    }
}
