using YamlDotNet.Core;

namespace Hms.Proving.Documents.Reading;

/// <summary>A 1-based line and column; 0 means unknown (a problem with the file as a whole).</summary>
internal readonly record struct SourcePosition(int Line, int Column)
{
    public static readonly SourcePosition None = new(0, 0);

    public static SourcePosition From(Mark mark) => new(Clamp(mark.Line), Clamp(mark.Column));

    // Marks are 64-bit, but a file within DocumentLimits.MaxFileBytes cannot overflow an int.
    private static int Clamp(long value) => (int)Math.Clamp(value, 0, int.MaxValue);
}
