using Microsoft.AspNetCore.Http;

namespace Hms.Web.Security;

/// <summary>Headers on the page and its modules: a second line behind the page's escaping of every user string.</summary>
internal static class PageHeaders
{
    // Scripts only from this server and never inline, so text that escaped escaping still cannot run.
    private const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; " +
        "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    public static void Apply(HttpResponse response)
    {
        response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers["Referrer-Policy"] = "no-referrer";
        response.Headers.CacheControl = "no-cache";
    }
}
