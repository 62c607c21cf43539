namespace Hms.Interop.Hosting;

/// <summary>The interpreter was found but could not be started or set up (wrong home, hms_bridge not importable).</summary>
[GenerateSerializer]
public sealed class PythonStartException : Exception
{
    public PythonStartException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
