namespace Hms.Proving.Proof;

/// <summary>
/// Proves one obligation somewhere: <see cref="ObligationProver"/> on this process's solver pool, or a runner
/// that sends it to wherever solver capacity is free (the service's cluster).
/// </summary>
public interface IObligationRunner
{
    Task<ObligationResult> ProveAsync(Obligations.Obligation obligation, ProofOptions options, TimeSpan timeout,
        CancellationToken cancellationToken = default);
}
