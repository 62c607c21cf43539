using Hms.Frontend.V1;

namespace Hms.Frontend.Tests.Hosting;

/// <summary>Hand-made theorems for the tests; each test uses ids of its own, since the host is shared.</summary>
public static class Theorems
{
    /// <summary>Proved at once: x + 1 > x.</summary>
    public static Theorem Trivial(string id, string domain = "frontend_tests") =>
        new() { Id = id, Name = $"trivial {id}", Domain = domain, Statement = "x + 1 > x" };

    /// <summary>
    /// Fermat for cubes over positive integers: true, but no solver settles it, so it runs until its
    /// (long) timeout unless cancelled.
    /// </summary>
    public static Theorem Endless(string id)
    {
        var theorem = new Theorem
        {
            Id = id,
            Domain = "frontend_tests_endless",
            Statement = "x^3 + y^3 != z^3",
            TimeoutSeconds = 600,
            Assumptions = { "x > 0", "y > 0", "z > 0" },
        };
        theorem.Variables.Add(new Dictionary<string, string> { ["x"] = "Int", ["y"] = "Int", ["z"] = "Int" });
        return theorem;
    }
}
