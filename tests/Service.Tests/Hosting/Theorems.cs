using Hms.Frontend.V1;

namespace Hms.Service.Tests.Hosting;

/// <summary>Small theorems with known verdicts, as a gRPC client sends them.</summary>
public static class Theorems
{
    public static Theorem Infix(string id, string statement, IEnumerable<string>? assumptions = null,
        IReadOnlyDictionary<string, string>? variables = null, int timeoutSeconds = 0)
    {
        var theorem = new Theorem { Id = id, Statement = statement, Format = TheoremFormat.Infix, TimeoutSeconds = timeoutSeconds };
        theorem.Assumptions.AddRange(assumptions ?? []);
        foreach (var (name, sort) in variables ?? new Dictionary<string, string>()) theorem.Variables[name] = sort;
        return theorem;
    }

    /// <summary>Holds for every positive real: PROVED.</summary>
    public static Theorem Proved(string id) => Infix(id, "x + 1 > x and x * x >= 0", ["x > 0"]);

    /// <summary>False for 0 &lt; x &lt; 1: DISPROVED with a counterexample.</summary>
    public static Theorem DisprovedReal(string id) => Infix(id, "x^2 >= x");

    /// <summary>False for n = 1: DISPROVED with an integer counterexample.</summary>
    public static Theorem DisprovedInt(string id) =>
        Infix(id, "n^2 > n", ["n > 0"], new Dictionary<string, string> { ["n"] = "Int" });

    /// <summary>1/x is undefined at x = 0, which the assumption allows: DISPROVED by well-definedness.</summary>
    public static Theorem DisprovedDivision(string id) => Infix(id, "1 / x >= 0", ["x >= 0"]);

    /// <summary>
    /// Fermat's last theorem for cubes over the integers: beyond z3 (incomplete nonlinear arithmetic) and
    /// cvc5 (times out), so it runs for <paramref name="timeoutSeconds"/> seconds and ends UNKNOWN. The
    /// variable names make each instance its own obligation, so no proof cache answers it early.
    /// </summary>
    public static Theorem Slow(string id, int timeoutSeconds, string variablePrefix)
    {
        var (x, y, z) = (variablePrefix + "x", variablePrefix + "y", variablePrefix + "z");
        return Infix(id, $"{x}^3 + {y}^3 != {z}^3", [$"{x} > 0 and {y} > 0 and {z} > 0"],
            new Dictionary<string, string> { [x] = "Int", [y] = "Int", [z] = "Int" }, timeoutSeconds);
    }

    public static bool IsVerdict(TheoremStatus status) =>
        status is TheoremStatus.Proved or TheoremStatus.Disproved or TheoremStatus.Unknown;
}
