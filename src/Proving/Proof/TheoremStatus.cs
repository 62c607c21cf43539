namespace Hms.Proving.Proof;

public enum TheoremStatus
{
    Pending,
    Running,
    Proved,
    Disproved,
    Unknown,
    Error,
    Cancelled,
}
