namespace Hms.Interop.SharedMemory;

/// <summary>A rent would take the pool past its <see cref="SharedMemoryOptions.MaxBytes"/>.</summary>
[GenerateSerializer]
public sealed class SharedMemoryExhaustedException : Exception
{
    public SharedMemoryExhaustedException(string message)
        : base(message)
    {
    }
}
