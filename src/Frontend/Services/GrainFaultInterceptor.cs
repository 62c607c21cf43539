using Grpc.Core;
using Grpc.Core.Interceptors;
using Hms.Frontend.Errors;
using Microsoft.Extensions.Logging;

namespace Hms.Frontend.Services;

/// <summary>
/// Turns failures of grain calls into gRPC statuses in one place, so the service methods stay a straight
/// line of validate, map and delegate. The client gets a short message; the whole fault goes to the log.
/// </summary>
internal sealed class GrainFaultInterceptor(ILogger<GrainFaultInterceptor> logger) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request,
        ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
        }
        catch (Exception fault) when (Translate(fault, context) is { } rpc)
        {
            throw rpc;
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(TRequest request,
        IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(request, responseStream, context);
        }
        catch (Exception fault) when (Translate(fault, context) is { } rpc)
        {
            throw rpc;
        }
    }

    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream,
        IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(requestStream, responseStream, context);
        }
        catch (Exception fault) when (Translate(fault, context) is { } rpc)
        {
            throw rpc;
        }
    }

    private RpcException? Translate(Exception fault, ServerCallContext context)
    {
        var incident = Guid.NewGuid().ToString("N")[..12];
        var rpc = GrainFaults.ToRpc(fault, incident);
        if (rpc is not null)
            logger.LogError(fault, "{Method} failed (incident {Incident}); the client was told {Status}", context.Method, incident, rpc.StatusCode);
        return rpc;
    }
}
