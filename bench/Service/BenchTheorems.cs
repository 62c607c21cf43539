using Hms.Frontend.V1;
using Hms.Proving;
using Hms.Proving.Compiling;
using Hms.Proving.Documents;

namespace Hms.Service.Bench;

/// <summary>
/// The benchmark's theorems: x*x + K >= K for distinct K, each decided by a solver in a few ms. A distinct K gives
/// distinct obligations, so neither the service's proof cache nor a previous level answers one early.
/// </summary>
internal static class BenchTheorems
{
    public static string Statement(int k) => $"x*x + {k} >= {k}";

    public static Theorem ToWire(string id, int k)
    {
        var theorem = new Theorem { Id = id, Statement = Statement(k), Format = Hms.Frontend.V1.TheoremFormat.Infix, Domain = "bench" };
        theorem.Variables["x"] = "Real";
        return theorem;
    }

    /// <summary>The obligations the service derives from the same theorem, by the same compiler.</summary>
    public static IReadOnlyList<Hms.Proving.Obligations.Obligation> Obligations(string id, int k) =>
        TheoremCompiler.Compile(new TheoremDocument
        {
            Id = id,
            Statement = Statement(k),
            Format = Hms.Proving.Documents.TheoremFormat.Infix,
            Domain = "bench",
            Variables = [new KeyValuePair<string, Sort>("x", Sort.Real)],
        }).Obligations;
}
