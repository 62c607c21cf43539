using System.Buffers.Binary;
using System.Net;
using System.Net.Http.Headers;
using Google.Protobuf;
using Grpc.Core;
using Hms.Frontend.V1;

namespace Hms.Frontend.Tests.Hosting;

/// <summary>
/// gRPC calls written by hand over HTTP/2, for what Grpc.Net.Client will not send: it never sends a call whose
/// deadline has already passed, while a server still receives such calls from slower or other clients.
/// </summary>
public static class RawCalls
{
    /// <summary>ProveTheorem with the grpc-timeout header as given ("1m" is one millisecond); the call's grpc-status.</summary>
    /// <remarks>The request is named by the theorem id for <see cref="CallTracker"/>.</remarks>
    public static async Task<StatusCode> ProveWithTimeoutAsync(HttpClient http, Uri server, ProveTheoremRequest request, string grpcTimeout)
    {
        var body = request.ToByteArray();
        var frame = new byte[5 + body.Length];
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1), (uint)body.Length);
        body.CopyTo(frame, 5);
        using var message = new HttpRequestMessage(HttpMethod.Post, new Uri(server, "/hms.theorem_prover.v1.TheoremProver/ProveTheorem"))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent(frame),
        };
        message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");
        message.Headers.TryAddWithoutValidation("te", "trailers");
        message.Headers.TryAddWithoutValidation("grpc-timeout", grpcTimeout);
        message.Headers.TryAddWithoutValidation(CallTracker.Header, request.Theorem.Id);
        using var response = await http.SendAsync(message, HttpCompletionOption.ResponseContentRead);
        var status = response.TrailingHeaders.TryGetValues("grpc-status", out var trailer) ? trailer.Single()
            : response.Headers.TryGetValues("grpc-status", out var header) ? header.Single()
            : throw new InvalidOperationException($"no grpc-status in the reply (HTTP {(int)response.StatusCode})");
        return (StatusCode)int.Parse(status, System.Globalization.CultureInfo.InvariantCulture);
    }
}
