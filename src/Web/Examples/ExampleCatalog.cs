using System.Reflection;
using Hms.Proving.Documents;

namespace Hms.Web.Examples;

/// <summary>
/// The examples embedded from examples/ at build, read once by the same loader as `hms prove`; a theorem the
/// loader refuses is left out, as `hms prove` would refuse it.
/// </summary>
internal sealed class ExampleCatalog
{
    private const string Prefix = "Hms.Web.examples.";

    private readonly Lazy<IReadOnlyList<ExampleTheorem>> all = new(Load);

    public IReadOnlyList<ExampleTheorem> All => all.Value;

    private static IReadOnlyList<ExampleTheorem> Load()
    {
        var assembly = Assembly.GetExecutingAssembly();
        var examples = new List<ExampleTheorem>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            var file = resource[Prefix.Length..];
            using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
            foreach (var d in TheoremFileLoader.LoadText(reader.ReadToEnd(), file).Theorems)
            {
                examples.Add(new ExampleTheorem(
                    file, d.Id, d.Name ?? "", d.Domain ?? "", d.Format == TheoremFormat.Smtlib2 ? "smtlib2" : "infix", d.Statement,
                    [.. d.Assumptions],
                    d.Variables.ToDictionary(v => v.Key, v => v.Value.ToString()),
                    d.Definitions.ToDictionary(v => v.Key, v => v.Value),
                    d.Expected?.ToString().ToLowerInvariant()));
            }
        }
        return examples;
    }
}
