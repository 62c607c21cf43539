namespace Hms.Interop.Bridge;

/// <summary>
/// Python still referenced a NumPy view of a shared buffer when its call returned (stored in a global, an object,
/// a closure...). The call's result is withheld, and the buffer is quarantined: it is never reused, so the stale
/// view can never see another lease's data.
/// </summary>
[GenerateSerializer]
public sealed class PythonViewKeptException : InvalidOperationException
{
    public PythonViewKeptException(string message)
        : base(message)
    {
    }
}
