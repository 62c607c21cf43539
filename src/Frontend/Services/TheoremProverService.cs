using System.Diagnostics.CodeAnalysis;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Hms.Frontend.Errors;
using Hms.Frontend.Mapping;
using Hms.Frontend.Paging;
using Hms.Frontend.Services.Many;
using Hms.Frontend.V1;
using Hms.Frontend.Validation;
using Hms.Grains;
using Hms.Grains.Messages;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Hms.Frontend.Services;

/// <summary>
/// The TheoremProver gRPC service: validates each request, maps it to grain messages and delegates to the
/// theorem grains. It keeps no state of its own; proofs live in the grains and outlive any call.
/// </summary>
internal sealed class TheoremProverService(
    IGrainFactory grains,
    ITheoremIndex index,
    ProofCallGate gate,
    TheoremAdmission admission,
    IHostApplicationLifetime lifetime,
    IOptions<TheoremLimits> limits,
    IOptions<FrontendOptions> options) : TheoremProver.TheoremProverBase
{
    public override async Task<TheoremHandle> SubmitTheorem(SubmitTheoremRequest request, ServerCallContext context)
    {
        ThrowIfInvalid(TheoremRule.Check(request.Theorem)
            ?? (request.Options is { } overrides ? ProveOptionsRule.Check(overrides.Strategies, "options.") : null));
        var spec = TheoremSpecMapping.ToSpec(request.Theorem);
        var settings = ProveSettingsMapping.FromOptions(request.Options);
        // The grain checks these too; refusing here keeps an oversized theorem from reaching any grain.
        ThrowIfInvalid(limits.Value.CheckSubmission(spec, settings));
        var result = await grains.GetGrain<ITheoremGrain>(spec.Id).SubmitAsync(spec, settings, request.Replace);
        ThrowIfRefused(result);
        return TheoremMapping.ToHandle(result.TheoremId, result.Status);
    }

    /// <remarks>
    /// Submits with replace=false, so asking again for the same theorem waits on (or returns) the same proof,
    /// whatever became of it. The call's end cancels the proof: nobody is left waiting for it.
    /// </remarks>
    public override async Task<ProveTheoremResponse> ProveTheorem(ProveTheoremRequest request, ServerCallContext context)
    {
        using var slot = gate.Enter();
        ThrowIfInvalid(TheoremRule.Check(request.Theorem) ?? ProveOptionsRule.Check(request.Strategies, ""));
        var spec = TheoremSpecMapping.ToSpec(request.Theorem);
        // The deadline goes with the submission: the grain gives no verdict reached after it, so a proof that
        // wins the race against the call's end (an answer from the cache) still ends CANCELLED, as the call says.
        var settings = ProveSettingsMapping.FromRequest(request, context.Deadline);
        ThrowIfInvalid(limits.Value.CheckSubmission(spec, settings));
        var grain = grains.GetGrain<ITheoremGrain>(spec.Id);
        ThrowIfRefused(await grain.SubmitAsync(spec, settings, replace: false));
        TheoremSnapshot? decided = null;
        try
        {
            // Headers now tell the client its theorem was accepted and the wait has begun: from here on,
            // ending the call cancels the proof.
            await context.WriteResponseHeadersAsync(new Metadata());
            decided = await VerdictWait.WaitAsync(grains, grain, spec.Id, context.CancellationToken);
        }
        catch (Exception ended) when (CallEnded(context) && ended is not RpcException)
        {
            // Whatever failed once the call had ended failed because it ended: a cancelled wait, or gRPC refusing
            // the headers because it already answered DEADLINE_EXCEEDED. gRPC completes a call at its deadline
            // before it cancels the call's token, so the deadline is looked at too: in that window the headers
            // throw while the token is still live, and the proof must be cancelled all the same.
            // A stopping host aborts its calls too; the proof must survive that and resume on restart.
            if (lifetime.ApplicationStopping.IsCancellationRequested)
            {
                RpcFaults.ThrowShuttingDown(spec.Id);
            }

            await grain.CancelAsync();
            ThrowCallEnded(spec.Id, context);
        }

        // The grain cancelled it for the deadline before gRPC's own timer noticed the call had ended.
        if (decided.Status == Hms.Proving.Proof.TheoremStatus.Cancelled && DateTime.UtcNow >= context.Deadline)
        {
            RpcFaults.ThrowDeadlineExceeded(spec.Id);
        }

        return new ProveTheoremResponse { Theorem = TheoremMapping.ToWire(decided) };
    }

    /// <remarks>
    /// Each theorem is admitted and followed as ProveTheorem does (<see cref="ProveStream"/>); the call's own end
    /// (cancel, deadline, an unreadable message) cancels the proofs it started that are unfinished, unless the host
    /// is stopping (they resume after the restart).
    /// </remarks>
    public override async Task ProveTheoremStream(IAsyncStreamReader<TheoremToProve> requestStream,
        IServerStreamWriter<ProveTheoremStreamResponse> responseStream, ServerCallContext context)
    {
        var stream = new ProveStream(grains, admission, gate, options.Value, context);
        var finished = false;
        try
        {
            await stream.RunAsync(requestStream, responseStream, context.CancellationToken);
            finished = true;
        }
        finally
        {
            if (!finished && !lifetime.ApplicationStopping.IsCancellationRequested)
            {
                await stream.CancelUnfinishedAsync();
            }
        }
    }

    /// <remarks>
    /// The call's limits are checked before anything is submitted; each theorem then on its own
    /// (<see cref="TheoremAdmission"/>). One slot of the gate serves the whole batch, which its size bounds.
    /// </remarks>
    public override async Task<BatchProveTheoremsResponse> BatchProveTheorems(BatchProveTheoremsRequest request, ServerCallContext context)
    {
        using var slot = gate.Enter();
        var limit = options.Value;
        if (request.Theorems.Count == 0)
        {
            RpcFaults.ThrowInvalidArgument("theorems is empty: a batch needs at least one theorem");
        }

        if (request.Theorems.Count > limit.MaxBatchTheorems)
        {
            RpcFaults.ThrowInvalidArgument(
                $"theorems has {request.Theorems.Count} entries, more than the limit of {limit.MaxBatchTheorems} (Hms:Frontend:MaxBatchTheorems)");
        }

        if (request.CalculateSize() is var size && size > limit.MaxBatchBytes)
        {
            RpcFaults.ThrowResourceExhausted(
                $"the batch is {size} bytes, more than the limit of {limit.MaxBatchBytes} (Hms:Frontend:MaxBatchBytes); send it in parts");
        }

        ThrowIfInvalid(TheoremReadMask.Check(request.ReadMask));
        var batch = new BatchProof(grains, admission, context);
        try
        {
            return await batch.RunAsync(request, context.CancellationToken);
        }
        catch (Exception ended) when (context.CancellationToken.IsCancellationRequested && ended is not RpcException)
        {
            if (lifetime.ApplicationStopping.IsCancellationRequested)
            {
                RpcFaults.ThrowShuttingDown(request.Theorems[0].Theorem?.Id ?? "");
            }

            foreach (var started in batch.Started)
            {
                await started.Grain!.CancelAsync();
            }

            throw RpcFaults.BatchEnded(DateTime.UtcNow >= context.Deadline);
        }
    }

    /// <remarks>
    /// The stored document with the masked fields replaced is checked as a submission would be; the grain then
    /// decides whether the change needs a proof (<see cref="TheoremChange"/>), so no client keeps a verdict for a
    /// document it does not describe.
    /// </remarks>
    public override async Task<UpdateTheoremResponse> UpdateTheorem(UpdateTheoremRequest request, ServerCallContext context)
    {
        ThrowIfInvalid(request.Theorem is null ? "theorem is required (theorem.id names the theorem to update)"
            : TheoremIdRule.Check(request.Theorem.Id, "theorem.id"));
        ThrowIfInvalid(TheoremUpdateMask.Check(request.UpdateMask)
            ?? (request.Options is { } overrides ? ProveOptionsRule.Check(overrides.Strategies, "options.") : null));
        var grain = grains.GetGrain<ITheoremGrain>(request.Theorem!.Id);
        var stored = await grain.GetAsync();
        if (stored is null)
        {
            RpcFaults.ThrowTheoremNotFound(request.Theorem.Id);
        }

        var merged = TheoremUpdateMask.Apply(request.UpdateMask, TheoremMapping.ToWire(stored), request.Theorem);
        ThrowIfInvalid(TheoremRule.Check(merged));
        var spec = TheoremSpecMapping.ToSpec(merged);
        var settings = ProveSettingsMapping.FromOptions(request.Options);
        ThrowIfInvalid(limits.Value.CheckSubmission(spec, settings));
        var result = await grain.UpdateAsync(spec, settings);
        switch (result.Outcome)
        {
            case SubmitOutcome.NotFound:
                RpcFaults.ThrowTheoremNotFound(spec.Id);
                break;
            case SubmitOutcome.Invalid:
                RpcFaults.ThrowInvalidArgument(result.Message ?? $"theorem '{spec.Id}' is not valid");
                break;
        }

        var updated = await grain.GetAsync();
        if (updated is null)
        {
            RpcFaults.ThrowTheoremNotFound(spec.Id);
        }

        return new UpdateTheoremResponse { Theorem = TheoremMapping.ToWire(updated), Reproving = result.Outcome == SubmitOutcome.Accepted };
    }

    public override async Task WatchTheorem(WatchTheoremRequest request, IServerStreamWriter<ProveTheoremProgress> responseStream,
        ServerCallContext context)
    {
        using var slot = gate.Enter();
        ThrowIfInvalid(TheoremIdRule.Check(request.Id, "id")
            ?? (request.AfterSequence < 0 ? $"after_sequence must not be negative, not {request.AfterSequence}" : null));
        if (await grains.GetGrain<ITheoremGrain>(request.Id).GetAsync() is null)
        {
            RpcFaults.ThrowTheoremNotFound(request.Id);
        }

        await foreach (var e in ProgressFeed.WatchAsync(grains, request.Id, request.AfterSequence, context.CancellationToken))
        {
            await responseStream.WriteAsync(ProgressMapping.ToWire(e), context.CancellationToken);
        }
    }

    public override async Task<Theorem> GetTheorem(GetTheoremRequest request, ServerCallContext context)
    {
        ThrowIfInvalid(TheoremIdRule.Check(request.Id, "id") ?? TheoremReadMask.Check(request.ReadMask));
        var snapshot = await grains.GetGrain<ITheoremGrain>(request.Id).GetAsync();
        if (snapshot is null)
        {
            RpcFaults.ThrowTheoremNotFound(request.Id);
        }

        return TheoremReadMask.Apply(request.ReadMask, TheoremMapping.ToWire(snapshot));
    }

    /// <remarks>
    /// The catalogue index filters and pages; each theorem is then read from its own grain (a summary unless the
    /// read_mask asks for more), so a status may have moved on since the index matched it against the filter.
    /// The page ends early, with a token, before it would pass <see cref="FrontendOptions.MaxListPageBytes"/>.
    /// </remarks>
    public override async Task<ListTheoremsResponse> ListTheorems(ListTheoremsRequest request, ServerCallContext context)
    {
        if (!PageSize.TryResolve(request.PageSize, out var size))
        {
            RpcFaults.ThrowInvalidArgument($"page_size must not be negative, not {request.PageSize}");
        }

        string? after = null;
        if (request.PageToken.Length > 0 && !PageToken.TryDecode(request.PageToken, out after))
        {
            RpcFaults.ThrowInvalidArgument("page_token is not a token this service issued");
        }

        if (!TheoremStatusMapping.TryToFilter(request.Status, out var status))
        {
            RpcFaults.ThrowInvalidArgument($"unknown status {(int)request.Status}");
        }

        ThrowIfInvalid(TheoremReadMask.Check(request.ReadMask));
        var summaries = request.ReadMask is not { Paths.Count: > 0 };
        var (theorems, nextAfter) = await TheoremListing.PageAsync(grains, index, size, after,
            request.Domain.Length == 0 ? null : request.Domain, status, summaries, context.CancellationToken);
        var response = new ListTheoremsResponse();
        var cap = options.Value.MaxListPageBytes;
        var bytes = 0;
        for (var i = 0; i < theorems.Count; i++)
        {
            var theorem = TheoremReadMask.Apply(request.ReadMask, TheoremMapping.ToWire(theorems[i]));
            // Field 1 of the response: a tag byte, the length and the message.
            var entry = 1 + CodedOutputStream.ComputeLengthSize(theorem.CalculateSize()) + theorem.CalculateSize();
            if (response.Theorems.Count > 0 && bytes + entry > cap)
            {
                // The rest waits for the next page, which starts after the last theorem sent.
                response.NextPageToken = PageToken.Encode(theorems[i - 1].Spec.Id);
                return response;
            }

            bytes += entry;
            response.Theorems.Add(theorem);
        }

        response.NextPageToken = nextAfter is { } next ? PageToken.Encode(next) : "";
        return response;
    }

    /// <summary>Removes the theorem (cancelling a running proof first); NOT_FOUND when no theorem has the id.</summary>
    public override async Task<Empty> DeleteTheorem(DeleteTheoremRequest request, ServerCallContext context)
    {
        ThrowIfInvalid(TheoremIdRule.Check(request.Id, "id"));
        if (!await grains.GetGrain<ITheoremGrain>(request.Id).DeleteAsync())
        {
            RpcFaults.ThrowTheoremNotFound(request.Id);
        }

        return new Empty();
    }

    public override async Task<TheoremHandle> CancelTheorem(CancelTheoremRequest request, ServerCallContext context)
    {
        ThrowIfInvalid(TheoremIdRule.Check(request.Id, "id"));
        var snapshot = await grains.GetGrain<ITheoremGrain>(request.Id).CancelAsync();
        if (snapshot is null)
        {
            RpcFaults.ThrowTheoremNotFound(request.Id);
        }

        return TheoremMapping.ToHandle(snapshot.Spec.Id, snapshot.Status);
    }

    private static void ThrowIfInvalid(string? problem)
    {
        if (problem is not null)
        {
            RpcFaults.ThrowInvalidArgument(problem);
        }
    }

    /// <summary>Submission outcomes that are faults of the call; Accepted and Unchanged pass.</summary>
    private static void ThrowIfRefused(SubmitResult result)
    {
        switch (result.Outcome)
        {
            case SubmitOutcome.AlreadyExists:
                RpcFaults.ThrowAlreadyExists(result.TheoremId, result.Message);
                break;
            case SubmitOutcome.Invalid:
                RpcFaults.ThrowInvalidArgument(result.Message ?? $"theorem '{result.TheoremId}' is not valid");
                break;
        }
    }

    private static bool CallEnded(ServerCallContext context) =>
        context.CancellationToken.IsCancellationRequested || DateTime.UtcNow >= context.Deadline;

    /// <summary>DEADLINE_EXCEEDED when the deadline ended the call, CANCELLED when the client did.</summary>
    [DoesNotReturn]
    private static void ThrowCallEnded(string id, ServerCallContext context)
    {
        if (DateTime.UtcNow >= context.Deadline)
        {
            RpcFaults.ThrowDeadlineExceeded(id);
        }

        RpcFaults.ThrowCancelled(id);
    }

    // ---- GetPerformanceReport (issue 10) ----

    /// <summary>
    /// The recorder of the silo in this process, over the window asked for; the frontend reports the silo it runs
    /// on and does not aggregate across silos (the scope says which). FAILED_PRECONDITION without a co-hosted silo.
    /// </summary>
    public override Task<PerformanceReport> GetPerformanceReport(GetPerformanceReportRequest request, ServerCallContext context)
    {
        var services = context.GetHttpContext().RequestServices;
        if (services.GetService<Hms.Proving.Metrics.PerformanceRecorder>() is not { } recorder)
        {
            throw new RpcException(new Status(StatusCode.FailedPrecondition,
                "this frontend runs without a silo of its own: it has no measurements to report"));
        }

        var longest = (int)recorder.Window.TotalSeconds;
        ThrowIfInvalid(request.WindowSeconds is < 0 || request.WindowSeconds > longest
            ? $"window_seconds must be between 0 and {longest} (Hms:Metrics:WindowSeconds), not {request.WindowSeconds}"
            : null);
        var window = request.WindowSeconds == 0 ? (TimeSpan?)null : TimeSpan.FromSeconds(request.WindowSeconds);
        var silo = services.GetService<Orleans.Runtime.ILocalSiloDetails>()?.SiloAddress.ToString() ?? "unknown";
        var scope = $"silo {silo} (the frontend's own process; other silos report through their own frontends)";
        return Task.FromResult(PerformanceReportMapping.ToWire(recorder.Report(window), scope));
    }
}
