using Hms.Web.Examples;
using Microsoft.AspNetCore.Builder;

namespace Hms.Web.Endpoints;

/// <summary>GET /web/examples: the repo's example theorems, as the editor's fields.</summary>
internal static class ExampleEndpoints
{
    public static void Map(WebApplication app) =>
        app.MapGet("/web/examples", (ExampleCatalog examples) => examples.All);
}
