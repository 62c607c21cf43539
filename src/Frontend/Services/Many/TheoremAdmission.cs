using Grpc.Core;
using Hms.Frontend.Errors;
using Hms.Frontend.Mapping;
using Hms.Frontend.V1;
using Hms.Frontend.Validation;
using Hms.Grains;
using Hms.Grains.Messages;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hms.Frontend.Services.Many;

/// <summary>
/// Checks and submits one theorem of a ProveTheoremStream or BatchProveTheorems call as ProveTheorem would (the
/// same rules, limits and submission without replace), but answers a refusal as a value: one bad theorem is an
/// error for that theorem, not the end of the call.
/// </summary>
internal sealed class TheoremAdmission(IGrainFactory grains, IOptions<TheoremLimits> limits, ILogger<TheoremAdmission> logger)
{
    /// <param name="where">Names the theorem in the call ("message 3", "theorems[3]"), for the error's message.</param>
    /// <param name="owner">The call's place in the solver queue, shared by its theorems.</param>
    public async Task<Admitted> SubmitAsync(TheoremToProve entry, string where, DateTime deadline, string owner)
    {
        var id = entry.Theorem?.Id ?? "";
        var problem = TheoremRule.Check(entry.Theorem)
            ?? (entry.Options is { } overrides ? ProveOptionsRule.Check(overrides.Strategies, "options.") : null);
        if (problem is not null) return Admitted.Refused(id, StatusCode.InvalidArgument, $"{where}: {problem}");
        var spec = TheoremSpecMapping.ToSpec(entry.Theorem!);
        var settings = ProveSettingsMapping.FromOptions(entry.Options, deadline, owner);
        if (limits.Value.CheckSubmission(spec, settings) is { } tooLarge)
            return Admitted.Refused(id, StatusCode.InvalidArgument, $"{where}: {tooLarge}");
        var grain = grains.GetGrain<ITheoremGrain>(spec.Id);
        SubmitResult result;
        try
        {
            result = await grain.SubmitAsync(spec, settings, replace: false);
        }
        catch (Exception e) when (GrainFaults.ToRpc(e, Incident(e, id)) is { } fault)
        {
            return Admitted.Refused(id, fault.StatusCode, $"{where}: {fault.Status.Detail}");
        }

        return result.Outcome switch
        {
            SubmitOutcome.Accepted => new Admitted(id, grain, Started: true, null),
            SubmitOutcome.AlreadyExists => Admitted.Refused(id, StatusCode.AlreadyExists,
                $"{where}: {result.Message ?? $"another theorem has id '{id}'"}"),
            SubmitOutcome.Invalid => Admitted.Refused(id, StatusCode.InvalidArgument,
                $"{where}: {result.Message ?? $"theorem '{id}' is not valid"}"),
            _ => new Admitted(id, grain, Started: false, null),
        };
    }

    /// <summary>Logs a grain fault under a fresh incident id (the client is told only the id).</summary>
    public string Incident(Exception fault, string id)
    {
        var incident = Guid.NewGuid().ToString("N")[..12];
        if (fault is not (RpcException or OperationCanceledException))
            logger.LogWarning(fault, "Theorem {TheoremId} of a stream or batch failed (incident {Incident})", id, incident);
        return incident;
    }
}
