using System.Xml.Linq;

namespace Hms.Deploy.Tests;

/// <summary>
/// What can be checked of deploy/Dockerfile without a Docker engine: its build stage has every file the silo's
/// projects build from (their project files before the restore, and what they include from outside src/), and
/// .dockerignore keeps none of them out.
/// </summary>
public sealed class DockerfileTests
{
    private static readonly string[] Lines = File.ReadAllText(Repo.Dockerfile).Replace("\\\n", " ").Split('\n')
        .Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToArray();

    /// <summary>COPY sources of the build stage (the first), relative to the repository root.</summary>
    private static readonly string[] Copied = Lines.SkipWhile(l => !l.StartsWith("FROM ", StringComparison.Ordinal))
        .TakeWhile((l, i) => i == 0 || !l.StartsWith("FROM ", StringComparison.Ordinal))
        .Where(l => l.StartsWith("COPY ", StringComparison.Ordinal))
        .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]).ToArray();

    private static readonly string[] Ignored = File.ReadAllLines(Path.Combine(Repo.Root, ".dockerignore"))
        .Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToArray();

    [Fact]
    public void BuildStageCopiesEveryProjectBeforeTheRestore()
    {
        var restore = Array.FindIndex(Lines, l => l.StartsWith("RUN dotnet restore", StringComparison.Ordinal));
        Assert.True(restore > 0, "the build stage has no `RUN dotnet restore`");
        var copiedBefore = Lines.Take(restore).Where(l => l.StartsWith("COPY ", StringComparison.Ordinal))
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]).ToHashSet(StringComparer.Ordinal);

        foreach (var project in SiloProjects())
            Assert.Contains(Relative(project), copiedBefore);
        Assert.Contains("Directory.Build.props", copiedBefore);
    }

    [Fact]
    public void BuildContextHoldsWhatTheProjectsIncludeFromOutsideSrc()
    {
        var outside = SiloProjects()
            .SelectMany(project => XDocument.Load(project).Descendants()
                .Where(e => e.Name.LocalName != "ProjectReference")
                .Select(e => (string?)e.Attribute("Include"))
                .Where(include => include is not null)
                .SelectMany(include => include!.Split(';'))
                .Select(include => Relative(Path.GetFullPath(Path.Combine(Path.GetDirectoryName(project)!, include)))))
            .Where(path => !path.StartsWith("src/", StringComparison.Ordinal) && !path.StartsWith("..", StringComparison.Ordinal))
            .Distinct().ToList();
        Assert.NotEmpty(outside); // docs/language.md and examples/ today: the check looks at something

        foreach (var path in outside)
        {
            var fixedPart = path.Split('*')[0];
            Assert.True(Copied.Any(c => fixedPart.StartsWith(c.TrimEnd('/'), StringComparison.Ordinal)), $"the build stage does not COPY {path}");
            Assert.True(!Ignored.Any(pattern => IgnoredBy(pattern, fixedPart)), $".dockerignore leaves {path} out of the build context");
        }
    }

    [Fact]
    public void EntryPointIsTheSiloExecutable()
    {
        var assembly = (string?)XDocument.Load(Path.Combine(Repo.Root, "src", "Silo", "Silo.csproj")).Descendants("AssemblyName").Single();
        Assert.Contains($"ENTRYPOINT [\"/app/{assembly}\"]", Lines);
        Assert.Contains("USER 10001:10001", Lines);
    }

    /// <summary>src/Silo/Silo.csproj and every project it references, directly or not.</summary>
    private static List<string> SiloProjects()
    {
        var found = new List<string>();
        var pending = new Stack<string>([Path.Combine(Repo.Root, "src", "Silo", "Silo.csproj")]);
        while (pending.TryPop(out var project))
        {
            project = Path.GetFullPath(project);
            if (found.Contains(project)) continue;
            found.Add(project);
            foreach (var reference in XDocument.Load(project).Descendants("ProjectReference"))
                pending.Push(Path.Combine(Path.GetDirectoryName(project)!, (string)reference.Attribute("Include")!));
        }
        return found;
    }

    private static string Relative(string path) => Path.GetRelativePath(Repo.Root, path).Replace('\\', '/');

    /// <summary>The .dockerignore forms used here: `folder/` (from the root) and `**/name/` (at any depth).</summary>
    private static bool IgnoredBy(string pattern, string path) => pattern.StartsWith("**/", StringComparison.Ordinal)
        ? $"/{path}".Contains($"/{pattern[3..]}", StringComparison.Ordinal)
        : path.StartsWith(pattern.TrimEnd('/'), StringComparison.Ordinal);
}
