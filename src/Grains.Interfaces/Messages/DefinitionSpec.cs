namespace Hms.Grains.Messages;

/// <summary>One definition of a theorem: its head (<c>profit(q)</c>) and its body (<c>"(p - c)*q"</c>).</summary>
[GenerateSerializer, Immutable, Alias("hms.DefinitionSpec")]
public sealed record DefinitionSpec([property: Id(0)] string Head, [property: Id(1)] string Body);
