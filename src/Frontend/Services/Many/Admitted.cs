using Hms.Frontend.V1;
using Hms.Grains;

namespace Hms.Frontend.Services.Many;

/// <summary>
/// What became of one theorem of a stream or batch at submission: its grain (and whether this call started its
/// proof, so that the call's end cancels it), or the error that refused it.
/// </summary>
internal sealed record Admitted(string Id, ITheoremGrain? Grain, bool Started, TheoremError? Error)
{
    public static Admitted Refused(string id, Grpc.Core.StatusCode code, string message) =>
        new(id, null, false, new TheoremError { Code = (int)code, Message = message });
}
