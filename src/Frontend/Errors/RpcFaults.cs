using System.Diagnostics.CodeAnalysis;
using Grpc.Core;

namespace Hms.Frontend.Errors;

/// <summary>
/// The ways a call fails. Verdicts are never faults: a DISPROVED or UNKNOWN theorem is an ordinary reply;
/// these are for calls the frontend cannot serve as asked.
/// </summary>
internal static class RpcFaults
{
    [DoesNotReturn]
    public static void ThrowInvalidArgument(string message) =>
        throw new RpcException(new Status(StatusCode.InvalidArgument, message));

    [DoesNotReturn]
    public static void ThrowTheoremNotFound(string id) =>
        throw new RpcException(new Status(StatusCode.NotFound, $"no theorem has id '{id}'"));

    [DoesNotReturn]
    public static void ThrowAlreadyExists(string id, string? message) =>
        throw new RpcException(new Status(StatusCode.AlreadyExists,
            message ?? $"another theorem has id '{id}'; submit with replace to overwrite it"));

    [DoesNotReturn]
    public static void ThrowDeadlineExceeded(string id) =>
        throw new RpcException(new Status(StatusCode.DeadlineExceeded,
            $"the deadline passed before theorem '{id}' was decided; its proof was cancelled"));

    [DoesNotReturn]
    public static void ThrowCancelled(string id) =>
        throw new RpcException(new Status(StatusCode.Cancelled,
            $"the call was cancelled; the proof of theorem '{id}' was cancelled with it"));

    [DoesNotReturn]
    public static void ThrowTooManyProofCalls(int limit) =>
        throw new RpcException(new Status(StatusCode.ResourceExhausted,
            $"too many proofs are being waited on or watched ({limit} at most); retry later"));

    /// <summary>A batch's call ended (its deadline, or the client) before every verdict; its unfinished proofs were cancelled.</summary>
    public static RpcException BatchEnded(bool deadline) =>
        new(deadline
            ? new Status(StatusCode.DeadlineExceeded, "the deadline passed before every theorem of the batch was decided; the unfinished proofs it started were cancelled")
            : new Status(StatusCode.Cancelled, "the call was cancelled; the unfinished proofs of the batch were cancelled with it"));

    [DoesNotReturn]
    public static void ThrowResourceExhausted(string message) =>
        throw new RpcException(new Status(StatusCode.ResourceExhausted, message));

    [DoesNotReturn]
    public static void ThrowShuttingDown(string id) =>
        throw new RpcException(new Status(StatusCode.Unavailable,
            $"the server is shutting down; the proof of theorem '{id}' goes on and can be followed with WatchTheorem elsewhere"));
}
