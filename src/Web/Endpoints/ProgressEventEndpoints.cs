using System.Globalization;
using Google.Protobuf;
using Grpc.Core;
using Hms.Frontend.Mapping;
using Hms.Frontend.Services;
using Hms.Frontend.Validation;
using Hms.Grains;
using Hms.Web.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Hms.Web.Endpoints;

/// <summary>
/// GET /v1/theorems/{id}/events: WatchTheorem as server-sent events, for the browser's EventSource. Each event is
/// the wire's ProveTheoremProgress in the proto's JSON form (as the transcoded rpcs write it), with the sequence as
/// the event id, so a reconnecting EventSource (Last-Event-ID) resumes after the last event it got.
/// </summary>
/// <remarks>
/// Served beside the transcoded WatchTheorem (/v1/theorems/{id}/progress, a JSON array streamed) because
/// EventSource reads only text/event-stream; the checks, the call gate and the feed are WatchTheorem's.
/// </remarks>
internal static class ProgressEventEndpoints
{
    private static readonly JsonFormatter Json = new(JsonFormatter.Settings.Default.WithFormatDefaultValues(true));

    public static void Map(WebApplication app) =>
        app.MapGet("/v1/theorems/{id}/events", StreamAsync);

    private static async Task StreamAsync(HttpContext http, string id, IGrainFactory grains, ProofCallGate gate)
    {
        var after = 0L;
        var resume = http.Request.Headers["Last-Event-ID"].ToString();
        if (resume.Length == 0) resume = http.Request.Query["after"].ToString();
        var error = TheoremIdRule.Check(id, "id")
            ?? (resume.Length > 0 && (!long.TryParse(resume, NumberStyles.None, CultureInfo.InvariantCulture, out after))
                ? $"after (or Last-Event-ID) must be a non-negative event number, not '{Quote.Shorten(resume)}'"
                : null);
        if (error is not null)
        {
            await FailAsync(http, StatusCodes.Status400BadRequest, error);
            return;
        }

        ProofCallGate.Slot slot;
        try
        {
            slot = gate.Enter();
        }
        catch (RpcException e)
        {
            await FailAsync(http, StatusCodes.Status503ServiceUnavailable, e.Status.Detail);
            return;
        }

        using (slot)
        {
            if (await grains.GetGrain<ITheoremGrain>(id).GetAsync() is null)
            {
                await FailAsync(http, StatusCodes.Status404NotFound, $"no theorem with id '{id}'");
                return;
            }

            http.Response.ContentType = "text/event-stream";
            http.Response.Headers.CacheControl = "no-cache";
            var cancel = http.RequestAborted;
            await foreach (var e in ProgressFeed.WatchAsync(grains, id, after, cancel))
            {
                var wire = ProgressMapping.ToWire(e);
                await http.Response.WriteAsync(
                    $"id: {wire.Sequence.ToString(CultureInfo.InvariantCulture)}\nevent: progress\ndata: {Json.Format(wire)}\n\n", cancel);
                await http.Response.Body.FlushAsync(cancel);
            }
        }
    }

    private static Task FailAsync(HttpContext http, int status, string message)
    {
        http.Response.StatusCode = status;
        return http.Response.WriteAsJsonAsync(new WebError(status, message));
    }
}
