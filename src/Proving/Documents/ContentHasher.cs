using System.Security.Cryptography;

namespace Hms.Proving.Documents;

/// <summary>Computes <see cref="TheoremDocument.ContentHash"/>.</summary>
internal static class ContentHasher
{
    // Bump when the encoding changes, so old and new hashes can never be confused.
    private const string EncodingVersion = "hms-theorem-content/1";

    public static string Hash(TheoremDocument theorem)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var writer = new HashFieldWriter(hash);
        writer.Text(EncodingVersion);
        writer.Text(theorem.Id);
        writer.Text(theorem.Name);
        writer.Text(theorem.Domain);
        writer.Number((int)theorem.Format);

        // Sorted because a YAML mapping's key order is not meaningful.
        var variables = theorem.Variables
            .OrderBy(v => v.Key, StringComparer.Ordinal)
            .ThenBy(v => v.Value)
            .ToList();
        writer.Number(variables.Count);
        foreach (var (name, sort) in variables)
        {
            writer.Text(name);
            writer.Number((int)sort);
        }

        // Assumption order is kept: later assumptions may rely on earlier ones (e.g. a guard for a division).
        writer.Number(theorem.Assumptions.Count);
        foreach (var assumption in theorem.Assumptions)
        {
            writer.Text(assumption);
        }

        writer.Text(theorem.Statement);
        writer.Text(theorem.LeanCode);
        writer.Number(theorem.TimeoutSeconds ?? -1);
        writer.Number(theorem.Strategies.Count);
        foreach (var strategy in theorem.Strategies)
        {
            writer.Text(strategy);
        }

        writer.Number(theorem.UseGeneticOptimization ? 1 : 0);
        var metadata = theorem.Metadata.OrderBy(m => m.Key, StringComparer.Ordinal).ToList();
        writer.Number(metadata.Count);
        foreach (var (key, value) in metadata)
        {
            writer.Text(key);
            writer.Text(value);
        }

        // A definition changes what the formulas mean, so it is part of the content. Written only when there
        // are some, after every other field: a theorem without definitions keeps the hash it always had, and
        // the length prefixes keep a theorem with them from sharing an encoding with one without.
        if (theorem.Definitions.Count > 0)
        {
            var definitions = theorem.Definitions
                .OrderBy(d => d.Key, StringComparer.Ordinal)
                .ThenBy(d => d.Value, StringComparer.Ordinal)
                .ToList();
            writer.Text("definitions");
            writer.Number(definitions.Count);
            foreach (var (head, body) in definitions)
            {
                writer.Text(head);
                writer.Text(body);
            }
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
