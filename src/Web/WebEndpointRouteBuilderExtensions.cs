using Hms.Web.Endpoints;
using Hms.Web.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Hms.Web;

public static class WebEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Serves the page at / on <paramref name="port"/>, with its modules, the examples and the progress events; the
    /// transcoded rpcs (/v1/...) come with MapHmsFrontend. <see cref="WebRequestGuard"/> keeps all of them to that
    /// port and to requests a page of this server sent.
    /// </summary>
    public static WebApplication MapHmsWeb(this WebApplication app, int port)
    {
        app.UseMiddleware<WebRequestGuard>(port);
        PageEndpoints.Map(app);
        ExampleEndpoints.Map(app);
        ProgressEventEndpoints.Map(app);
        return app;
    }
}
