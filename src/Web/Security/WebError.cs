namespace Hms.Web.Security;

/// <summary>An error body of the web routes, shaped as transcoding shapes a gRPC status (code, message).</summary>
internal sealed record WebError(int Code, string Message);
