using System.Diagnostics;
using Hms.Proving.Compiling;
using Hms.Proving.Documents;
using Hms.Proving.Obligations;

namespace Hms.Proving.Proof;

/// <summary>
/// Proves a whole theorem in this process: compiles it, proves its obligations in parallel on the pool and
/// combines the verdict. It stops the remaining obligations as soon as one is refuted. The service's grains
/// use the same parts (compiler, obligation prover, combiner) but spread the obligations themselves.
/// </summary>
public sealed class TheoremProver(ObligationProver obligations)
{
    public async Task<TheoremResult> ProveAsync(TheoremDocument document, ProofOptions options,
        Action<ProofEvent>? progress = null, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        CompiledTheorem theorem;
        try
        {
            theorem = TheoremCompiler.Compile(document);
        }
        catch (TheoremInputException e)
        {
            return new TheoremResult(document.Id, TheoremStatus.Error, null, [], null, [], [], e.Message, clock.Elapsed);
        }
        progress?.Invoke(new TheoremDecomposed(theorem.Obligations.Count));
        var timeout = options.TimeoutFor(document);
        options = options with { Strategy = options.StrategyFor(document) };
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var results = await Task.WhenAll(theorem.Obligations.Select(o => RunAsync(o)));
        return VerdictCombiner.Combine(theorem, results, clock.Elapsed);

        async Task<ObligationResult> RunAsync(Obligation obligation)
        {
            await Task.Yield();
            progress?.Invoke(new ObligationStarted(obligation.Id, obligation.Description));
            ObligationResult result;
            try
            {
                result = await obligations.ProveAsync(obligation, options, timeout, stop.Token);
            }
            catch (OperationCanceledException)
            {
                result = new ObligationResult(obligation.Id, obligation.Kind, obligation.Description,
                    cancellationToken.IsCancellationRequested ? ObligationStatus.Cancelled : ObligationStatus.Unknown,
                    null, TimeSpan.Zero, null, [], cancellationToken.IsCancellationRequested ? "cancelled" : "not needed: another obligation refuted the theorem",
                    obligation.ContentHash);
            }
            if (result.Status == ObligationStatus.Disproved && obligation.Kind != ObligationKind.Consistency)
                await stop.CancelAsync();
            progress?.Invoke(new ObligationFinished(result));
            return result;
        }
    }
}
