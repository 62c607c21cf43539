namespace Hms.Proving.Documents.Reading;

/// <summary>The value of a script's <c>(set-info :status ...)</c> and where the value is.</summary>
internal sealed record SmtLibStatus(string Value, SourcePosition Position);
