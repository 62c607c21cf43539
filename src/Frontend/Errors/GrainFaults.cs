using Grpc.Core;
using Hms.Proving.Solvers;
using Orleans.Runtime;
using Orleans.Serialization;

namespace Hms.Frontend.Errors;

/// <summary>
/// What a client is told when a grain call fails: a status and a short message of our own. The exception's
/// text stays in the server log: Orleans' messages carry request headers, silo addresses and storage
/// diagnostics (kilobytes of them), which say nothing useful to a client and too much about the server.
/// </summary>
internal static class GrainFaults
{
    public const string ClusterTimeout = "the cluster did not answer in time; retry later";
    public const string ClusterUnavailable = "the cluster or its storage is unavailable; retry later";

    /// <summary>The status for <paramref name="fault"/>; null for what gRPC reports itself (a status already, a cancelled call).</summary>
    /// <param name="incident">Names the fault in the server log, for an INTERNAL reply.</param>
    public static RpcException? ToRpc(Exception fault, string incident) => fault switch
    {
        RpcException or OperationCanceledException => null,
        // Load shedding by the solver pool: the client may retry later, as with the frontend's own limit.
        SolverQueueFullException full => new(new Status(StatusCode.ResourceExhausted, full.Message)),
        // A silo without the core's assembly loaded deserializes the exception as a stand-in; same meaning.
        UnavailableExceptionFallbackException fallback
            when fallback.ExceptionType?.EndsWith(nameof(SolverQueueFullException), StringComparison.Ordinal) == true
            => new(new Status(StatusCode.ResourceExhausted, "the solver queue is full; retry later")),
        // The cluster did not answer a grain call in time (a silo died or is overloaded): transient.
        TimeoutException => new(new Status(StatusCode.Unavailable, ClusterTimeout)),
        // A silo going away, a gateway refusing, a storage provider failing (PostgreSQL restarting): transient too.
        OrleansException => new(new Status(StatusCode.Unavailable, ClusterUnavailable)),
        _ => new(new Status(StatusCode.Internal, $"internal error (incident {incident} in the server log)")),
    };
}
