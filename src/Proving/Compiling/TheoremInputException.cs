namespace Hms.Proving.Compiling;

/// <summary>
/// A theorem that cannot be understood: syntax, type or structure errors. Its status is ERROR, never a
/// verdict. Each message names the file, the theorem, the formula and the position.
/// </summary>
public sealed class TheoremInputException(IReadOnlyList<string> messages) : Exception(string.Join(Environment.NewLine, messages))
{
    public IReadOnlyList<string> Messages { get; } = messages;
}
