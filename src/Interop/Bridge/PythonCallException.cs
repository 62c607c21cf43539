namespace Hms.Interop.Bridge;

/// <summary>
/// Python code raised during a call. Carries what a person needs to find the fault: the exception's type (qualified
/// unless built in), its message and the formatted traceback. The bridge serves the next call as usual.
/// </summary>
[GenerateSerializer]
public sealed class PythonCallException : Exception
{
    public PythonCallException(string pythonType, string pythonMessage, string pythonTraceback)
        : base($"Python raised {pythonType}: {pythonMessage}")
    {
        PythonType = pythonType;
        PythonMessage = pythonMessage;
        PythonTraceback = pythonTraceback;
    }

    /// <summary>E.g. <c>ValueError</c> or <c>numpy.linalg.LinAlgError</c>.</summary>
    [Id(0)]
    public string PythonType { get; }

    [Id(1)]
    public string PythonMessage { get; }

    /// <summary>As Python prints it, "Traceback (most recent call last): ..." down to the exception line.</summary>
    [Id(2)]
    public string PythonTraceback { get; }

    public override string ToString() => $"{base.ToString()}{Environment.NewLine}{PythonTraceback}";
}
