namespace Hms.Proving.Documents;

/// <summary>
/// Thrown only where no <see cref="TheoremFile"/> can carry the problem, i.e. by
/// <see cref="TheoremFileLoader.FindTheoremFiles"/> for a path that does not exist.
/// Problems inside theorem files are reported as <see cref="DocumentError"/>s instead.
/// </summary>
public sealed class DocumentException : Exception
{
    public DocumentException(string message)
        : base(message)
    {
    }

    public DocumentException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
