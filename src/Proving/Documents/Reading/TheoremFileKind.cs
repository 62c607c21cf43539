namespace Hms.Proving.Documents.Reading;

/// <summary>How a file is read, decided by its extension.</summary>
internal enum TheoremFileKind
{
    /// <summary><c>.yaml</c>, <c>.yml</c> or <c>.json</c> (JSON is read as YAML 1.2, of which it is a subset).</summary>
    Yaml,

    /// <summary><c>.smt2</c>: the whole file is one smtlib2 theorem.</summary>
    SmtLib,
}
