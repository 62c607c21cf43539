using Grpc.Core;
using Hms.Frontend.Mapping;
using Hms.Frontend.V1;

namespace Hms.Frontend.Services.Many;

/// <summary>
/// One BatchProveTheorems call: submits every theorem (the highest priority first, so that when the solvers are
/// idle the high goals are queued first as well), then waits for every verdict. The theorems share one queue
/// owner, so the solver pool orders their goals by priority among themselves; obligations they share are proved
/// once (the silo's in-flight table and the proof cache).
/// </summary>
internal sealed class BatchProof(IGrainFactory grains, TheoremAdmission admission, ServerCallContext context)
{
    private readonly string owner = $"batch:{Guid.NewGuid():N}";
    private readonly List<Admitted> started = [];

    /// <summary>The proofs this call started, for the caller to cancel when the call ends before their verdicts.</summary>
    public IReadOnlyList<Admitted> Started => started;

    public async Task<BatchProveTheoremsResponse> RunAsync(BatchProveTheoremsRequest request, CancellationToken cancellationToken)
    {
        var entries = request.Theorems;
        var admitted = new Admitted[entries.Count];
        // Priority levels one after another, each level's theorems at once.
        foreach (var level in Enumerable.Range(0, entries.Count).GroupBy(i => entries[i].Options?.Priority ?? 0).OrderByDescending(g => g.Key))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var submitted = await Task.WhenAll(level.Select(i => admission.SubmitAsync(entries[i], $"theorems[{i}]", context.Deadline, owner)));
            foreach (var (i, result) in level.Zip(submitted))
            {
                admitted[i] = result;
                if (result.Started) started.Add(result);
            }
        }

        var results = await Task.WhenAll(admitted.Select(a => ResultAsync(a, request.ReadMask, cancellationToken)));
        var response = new BatchProveTheoremsResponse();
        response.Results.AddRange(results);
        return response;
    }

    private async Task<BatchProveResult> ResultAsync(Admitted admitted, Google.Protobuf.WellKnownTypes.FieldMask? mask, CancellationToken cancellationToken)
    {
        if (admitted.Error is { } error) return new BatchProveResult { Error = error };
        try
        {
            var decided = await VerdictWait.WaitAsync(grains, admitted.Grain!, admitted.Id, cancellationToken);
            return new BatchProveResult { Theorem = TheoremReadMask.Apply(mask, TheoremMapping.ToWire(decided)) };
        }
        catch (RpcException e) when (!cancellationToken.IsCancellationRequested)
        {
            // Deleted while the batch waited, say: that theorem's error, not the batch's.
            return new BatchProveResult { Error = new TheoremError { Code = (int)e.StatusCode, Message = $"theorem '{admitted.Id}': {e.Status.Detail}" } };
        }
    }
}
