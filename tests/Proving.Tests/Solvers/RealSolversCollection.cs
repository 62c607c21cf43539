namespace Hms.Proving.Tests.Solvers;

/// <summary>
/// Tests that run real z3/cvc5 processes and measure wall-clock limits. They run alone, one class at a time,
/// so that on a 2-core machine other tests do not starve the solvers and skew the timings.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RealSolversCollection
{
    public const string Name = "Real solvers";
}
