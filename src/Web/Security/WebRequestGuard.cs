using Microsoft.AspNetCore.Http;

namespace Hms.Web.Security;

/// <summary>
/// Admits a web request only on the web port, addressed to a loopback name, and, when it changes something, sent
/// by a page of this server as JSON.
/// </summary>
/// <remarks>
/// The port listens on loopback, but a browser visiting another site can still reach it: by rebinding that site's
/// name to 127.0.0.1 (its requests then carry the foreign Host, refused here, as the MCP endpoint does), or by a
/// cross-site form post (refused by its foreign Origin, and because a form cannot send application/json without
/// the CORS preflight this server never answers). The JSON routes also exist on the other ports (the transcoded
/// rpcs are endpoints of the gRPC service); there they are not served at all.
/// </remarks>
internal sealed class WebRequestGuard(RequestDelegate next, int port)
{
    public Task InvokeAsync(HttpContext http)
    {
        if (!IsWebPath(http.Request.Path)) return next(http);
        if (http.Connection.LocalPort != port || !IsLoopbackHost(http.Request.Host))
            return Refuse(http, StatusCodes.Status404NotFound, "not found");
        if (!HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method))
        {
            var origin = http.Request.Headers.Origin.ToString();
            if (origin.Length > 0 && !string.Equals(origin, $"{http.Request.Scheme}://{http.Request.Host}", StringComparison.OrdinalIgnoreCase))
                return Refuse(http, StatusCodes.Status403Forbidden, $"requests from another origin ({origin}) are refused");
            if (http.Request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) != true)
                return Refuse(http, StatusCodes.Status415UnsupportedMediaType, "the request body must be application/json");
        }
        return next(http);
    }

    /// <summary>The page, its modules and examples, and the JSON API; gRPC paths (/package.Service/Method) are not.</summary>
    private static bool IsWebPath(PathString path) =>
        path == "/" || path.StartsWithSegments("/app") || path.StartsWithSegments("/web") || path.StartsWithSegments("/v1");

    private bool IsLoopbackHost(HostString host) =>
        host.Port == port && host.Host is "127.0.0.1" or "localhost" or "[::1]";

    private static Task Refuse(HttpContext http, int status, string message)
    {
        http.Response.StatusCode = status;
        return http.Response.WriteAsJsonAsync(new WebError(status, message));
    }
}
