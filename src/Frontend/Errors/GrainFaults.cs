using Grpc.Core;
using Hms.Proving.Solvers;
using Orleans.Serialization;

namespace Hms.Frontend.Errors;

/// <summary>Which failures of a grain call a client should see as something better than UNKNOWN.</summary>
internal static class GrainFaults
{
    /// <summary>The status for <paramref name="fault"/>, or null to let gRPC report it as an internal error.</summary>
    public static RpcException? ToRpc(Exception fault) => fault switch
    {
        // Load shedding by the solver pool: the client may retry later, as with the frontend's own limit.
        SolverQueueFullException full => new(new Status(StatusCode.ResourceExhausted, full.Message)),
        // A silo without the core's assembly loaded deserializes the exception as a stand-in; same meaning.
        UnavailableExceptionFallbackException fallback
            when fallback.ExceptionType?.EndsWith(nameof(SolverQueueFullException), StringComparison.Ordinal) == true
            => new(new Status(StatusCode.ResourceExhausted, fallback.Message)),
        // The cluster did not answer a grain call in time (a silo died or is overloaded): transient.
        TimeoutException timeout => new(new Status(StatusCode.Unavailable, $"the cluster did not answer: {timeout.Message}")),
        _ => null,
    };
}
