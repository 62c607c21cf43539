using System.Reflection;
using Hms.Web.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Hms.Web.Endpoints;

/// <summary>The page (/) and its modules and style sheet (/app/NAME), from the assembly's embedded wwwroot.</summary>
internal static class PageEndpoints
{
    private const string Prefix = "Hms.Web.wwwroot.";

    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
    };

    public static void Map(WebApplication app)
    {
        app.MapGet("/", (HttpContext http) => Serve(http, "index.html"));
        app.MapGet("/app/{name}", (HttpContext http, string name) => Serve(http, name));
    }

    private static IResult Serve(HttpContext http, string name)
    {
        // Only names the assembly holds: a request names a resource, never a path.
        var stream = ContentTypes.TryGetValue(Path.GetExtension(name), out var type)
            ? Assembly.GetExecutingAssembly().GetManifestResourceStream(Prefix + name)
            : null;
        if (stream is null || type is null) return Results.NotFound(new WebError(404, $"no file '{name}' here"));
        PageHeaders.Apply(http.Response);
        return Results.Stream(stream, type);
    }
}
