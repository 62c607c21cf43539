using Grpc.Core;
using Grpc.Core.Interceptors;
using Hms.Frontend.Errors;

namespace Hms.Frontend.Services;

/// <summary>
/// Turns failures of grain calls into gRPC statuses in one place, so the service methods stay a straight
/// line of validate, map and delegate.
/// </summary>
internal sealed class GrainFaultInterceptor : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request,
        ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
        }
        catch (Exception fault) when (GrainFaults.ToRpc(fault) is { } rpc)
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
        catch (Exception fault) when (GrainFaults.ToRpc(fault) is { } rpc)
        {
            throw rpc;
        }
    }
}
