namespace Hms.Proving.Proof;

/// <summary>
/// The state of one obligation. For a consistency obligation Proved means "the assumptions can hold" and
/// Disproved "they clash" (the theorem is vacuous).
/// </summary>
public enum ObligationStatus
{
    Pending,
    Running,
    Proved,
    Disproved,
    Unknown,
    Error,
    Cancelled,
}
