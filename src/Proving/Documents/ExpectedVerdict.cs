namespace Hms.Proving.Documents;

/// <summary>
/// The verdict a regression run expects for a theorem. The prover never reads it, so that a
/// wrong expectation can only fail a regression check, never steer a proof.
/// </summary>
public enum ExpectedVerdict
{
    /// <summary>YAML <c>proved</c>; SMT-LIB <c>:status unsat</c>.</summary>
    Proved,

    /// <summary>YAML <c>disproved</c>; SMT-LIB <c>:status sat</c>.</summary>
    Disproved,

    /// <summary>YAML <c>unknown</c>; SMT-LIB <c>:status unknown</c>.</summary>
    Unknown,
}
