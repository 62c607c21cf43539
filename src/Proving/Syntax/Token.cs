namespace Hms.Proving.Syntax;

/// <summary>A token with the exact text it was read from, so messages quote what the user wrote.</summary>
public sealed record Token(TokenKind Kind, string Text, SourcePosition Position)
{
    public string Describe() => Kind == TokenKind.End ? "end of input" : $"'{Text}'";
}
