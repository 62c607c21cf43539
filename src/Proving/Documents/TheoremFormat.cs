namespace Hms.Proving.Documents;

/// <summary>The language a theorem's <see cref="TheoremDocument.Statement"/> is written in.</summary>
public enum TheoremFormat
{
    /// <summary>The project's infix formula language (the default; YAML name <c>infix</c>).</summary>
    Infix,

    /// <summary>A complete SMT-LIB 2 script asserting the negation of the claim (YAML name <c>smtlib2</c>).</summary>
    Smtlib2,

    /// <summary>Lean 4 (YAML name <c>lean4</c>).</summary>
    Lean4,
}
