using Hms.Grains;
using Grpc.AspNetCore.Server;
using Hms.Frontend.Metrics;
using Hms.Frontend.Services;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Hms.Frontend.Services.Many;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Hms.Frontend;

public static class FrontendServiceCollectionExtensions
{
    /// <summary>
    /// Registers the TheoremProver gRPC service, server reflection and the standard gRPC health service.
    /// The host must also run Orleans (a silo or a client): the service takes <see cref="IGrainFactory"/> and
    /// <see cref="IClusterClient"/> from the container.
    /// </summary>
    public static IServiceCollection AddHmsFrontend(this IServiceCollection services, Action<FrontendOptions>? configure = null)
    {
        var options = services.AddOptions<FrontendOptions>()
            .BindConfiguration(FrontendOptions.Section)
            .Validate(o => o.MaxInFlightProofs > 0, "MaxInFlightProofs must be positive")
            .Validate(o => o.MaxReceiveMessageBytes > 0, "MaxReceiveMessageBytes must be positive")
            .Validate(o => o.MaxListPageBytes > 0, "MaxListPageBytes must be positive")
            .Validate(o => o.MaxStreamTheorems > 0, "MaxStreamTheorems must be positive")
            .Validate(o => o.StreamQueueLength > 0, "StreamQueueLength must be positive")
            .Validate(o => o.MaxBatchTheorems > 0, "MaxBatchTheorems must be positive")
            .Validate(o => o.MaxBatchBytes > 0, "MaxBatchBytes must be positive")
            .Validate(o => string.IsNullOrEmpty(o.ResponseCompression) || o.ResponseCompression == "gzip",
                "ResponseCompression must be gzip or empty")
            .ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        // The same limits the theorem grain enforces, so a refusal comes before any grain is called.
        services.AddTheoremLimits();
        services.AddSingleton<ProofCallGate>();
        services.AddMetrics();
        services.TryAddSingleton<FrontendMetrics>();
        services.AddSingleton<TheoremAdmission>();
        // Per-service options, so a host that serves other gRPC services keeps its own limits for them.
        // Kestrel needs no change: gRPC lifts its request body limit and enforces this one per message.
        services.AddGrpc();
        services.AddOptions<GrpcServiceOptions<TheoremProverService>>()
            .Configure<IOptions<FrontendOptions>>((grpc, frontend) =>
            {
                grpc.MaxReceiveMessageSize = frontend.Value.MaxReceiveMessageBytes;
                grpc.Interceptors.Add<GrainFaultInterceptor>();
                grpc.Interceptors.Add<StageTimingInterceptor>();
                if (!string.IsNullOrEmpty(frontend.Value.ResponseCompression))
                {
                    grpc.ResponseCompressionAlgorithm = frontend.Value.ResponseCompression;
                    grpc.ResponseCompressionLevel = System.IO.Compression.CompressionLevel.Fastest;
                }
            });
        services.AddGrpcReflection();
        // Answers for the service by name as well as for the server (""), as the health protocol expects.
        services.AddGrpcHealthChecks(health => health.Services.Map(V1.TheoremProver.Descriptor.FullName, _ => true))
            .AddCheck<ClusterHealthCheck>("orleans-cluster", timeout: TimeSpan.FromSeconds(5));
        return services;
    }
}
