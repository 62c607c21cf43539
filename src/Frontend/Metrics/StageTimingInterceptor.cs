using System.Diagnostics;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Hms.Frontend.Metrics;

/// <summary>
/// Times the frontend's two stages around every call, so no rpc has to: admission of the submitting rpcs
/// (from arrival until the response headers go out, which ProveTheorem sends once its theorem is accepted,
/// or until the reply of SubmitTheorem), and each write onto a response stream. Failed calls are not admissions.
/// </summary>
internal sealed class StageTimingInterceptor(FrontendMetrics metrics) : Interceptor
{
    /// <summary>The rpcs that submit theorems, by method name (the last part of "/package.Service/Method").</summary>
    private static readonly HashSet<string> Submitting = new(StringComparer.Ordinal) { "SubmitTheorem", "ProveTheorem" };

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context,
        UnaryServerMethod<TRequest, TResponse> continuation)
    {
        var method = MethodName(context);
        if (!Submitting.Contains(method)) return await continuation(request, context);
        var started = Stopwatch.GetTimestamp();
        long accepted = 0;
        context.GetHttpContext().Response.OnStarting(() =>
        {
            Interlocked.CompareExchange(ref accepted, Stopwatch.GetTimestamp(), 0);
            return Task.CompletedTask;
        });
        var response = await continuation(request, context);
        var end = Interlocked.Read(ref accepted) is var at and not 0 ? at : Stopwatch.GetTimestamp();
        metrics.Admitted(method, Stopwatch.GetElapsedTime(started, end));
        return response;
    }

    public override Task ServerStreamingServerHandler<TRequest, TResponse>(TRequest request, IServerStreamWriter<TResponse> responseStream,
        ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation) =>
        continuation(request, new TimedStreamWriter<TResponse>(responseStream, metrics, MethodName(context)), context);

    public override Task DuplexStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream,
        IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation) =>
        continuation(requestStream, new TimedStreamWriter<TResponse>(responseStream, metrics, MethodName(context)), context);

    private static string MethodName(ServerCallContext context) => context.Method[(context.Method.LastIndexOf('/') + 1)..];

    private sealed class TimedStreamWriter<T>(IServerStreamWriter<T> inner, FrontendMetrics metrics, string method) : IServerStreamWriter<T>
    {
        public WriteOptions? WriteOptions
        {
            get => inner.WriteOptions;
            set => inner.WriteOptions = value;
        }

        public Task WriteAsync(T message) => WriteAsync(message, CancellationToken.None);

        public async Task WriteAsync(T message, CancellationToken cancellationToken)
        {
            var started = Stopwatch.GetTimestamp();
            await inner.WriteAsync(message, cancellationToken);
            metrics.Streamed(method, Stopwatch.GetElapsedTime(started));
        }
    }
}
