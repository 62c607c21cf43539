using Hms.Frontend.Services;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Hms.Frontend;

public static class FrontendEndpointRouteBuilderExtensions
{
    /// <summary>Maps the TheoremProver service, server reflection and the grpc.health.v1.Health service.</summary>
    public static IEndpointRouteBuilder MapHmsFrontend(this IEndpointRouteBuilder app)
    {
        app.MapGrpcService<TheoremProverService>();
        app.MapGrpcReflectionService();
        app.MapGrpcHealthChecksService();
        return app;
    }
}
