using Hms.Web.Examples;
using Microsoft.Extensions.DependencyInjection;

namespace Hms.Web;

public static class WebServiceCollectionExtensions
{
    /// <summary>
    /// The web page's services: JSON transcoding of the TheoremProver rpcs (their google.api.http rules) and the
    /// examples. Call after AddHmsFrontend, which registers the gRPC service itself.
    /// </summary>
    public static IServiceCollection AddHmsWeb(this IServiceCollection services)
    {
        services.AddGrpc().AddJsonTranscoding();
        services.AddSingleton<ExampleCatalog>();
        return services;
    }
}
