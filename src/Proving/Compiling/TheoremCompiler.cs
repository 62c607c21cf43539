using Hms.Proving.Documents;
using Hms.Proving.Elaboration;
using Hms.Proving.Smt;
using Hms.Proving.Obligations;
using Hms.Proving.Semantics;
using Hms.Proving.Syntax;

namespace Hms.Proving.Compiling;

/// <summary>
/// Where a theorem document becomes something provable: formulas are parsed and typed, and the theorem is
/// split into obligations. Every problem with the input is reported, each with file, theorem, formula and
/// position; nothing here runs a solver. Its work is bounded by <see cref="FormulaLimits"/> and stops when
/// the token fires, so a hostile theorem can neither hold a core nor outlive the request that sent it.
/// </summary>
public static class TheoremCompiler
{
    /// <summary>
    /// How long a caller without a deadline of its own lets a compile run (a submit, say). Within the limits a
    /// theorem compiles in well under a second; this is the backstop, well below Orleans' 30 s call timeout.
    /// </summary>
    public static readonly TimeSpan TimeLimit = TimeSpan.FromSeconds(10);

    /// <exception cref="TheoremInputException">the theorem cannot be understood or is over a limit.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> fired.</exception>
    public static CompiledTheorem Compile(TheoremDocument document, CancellationToken cancellationToken = default) => document.Format switch
    {
        not TheoremFormat.Infix when document.Definitions.Count > 0 => throw new TheoremInputException(
            [$"{Prefix(document)}: definitions: definitions are part of the infix language; a {document.Format} theorem cannot use them"]),
        TheoremFormat.Smtlib2 => SmtlibTheorem.Compile(document, Prefix(document)),
        TheoremFormat.Lean4 => throw new TheoremInputException(
            [$"{Prefix(document)}: Lean 4 backend not available: lean4 theorems cannot be proved by this server yet"]),
        _ => CompileInfix(document, cancellationToken),
    };

    private static string Prefix(TheoremDocument d) =>
        d.SourceFile is { } file ? $"{Path.GetFileName(file)}: theorem '{d.Id}'" : $"theorem '{d.Id}'";

    private static CompiledTheorem CompileInfix(TheoremDocument document, CancellationToken cancellationToken)
    {
        var prefix = Prefix(document);
        var errors = new List<string>();
        var declarationErrors = new List<string>();
        var declarations = Declarations.Read(document.Variables, declarationErrors);
        var definitionErrors = new List<string>();
        var elaborator = Elaborator.Create(document.Definitions, declarations, definitionErrors, cancellationToken);
        errors.AddRange(declarationErrors.Concat(definitionErrors).Select(e => $"{prefix}: {e}"));
        var declared = declarations.Variables.ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal);
        var checker = new TypeChecker(declared, cancellationToken);

        Formula? Read(string role, string text)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                // Definitions, d(...), sums and x[i] are expanded first: what is typed, split and encoded is core language.
                var tree = elaborator.Elaborate(Parser.Parse(text));
                checker.CheckFormula(tree);
                return new Formula(role, text, tree);
            }
            catch (FormulaException e)
            {
                errors.Add($"{prefix}: {role} {e.Position}: {e.Reason}");
                return null;
            }
        }

        var assumptions = document.Assumptions.Select((text, i) => Read($"assumption {i + 1}", text)).ToList();
        var statement = string.IsNullOrWhiteSpace(document.Statement)
            ? Fail(errors, $"{prefix}: statement: empty statement: expected a formula")
            : Read("statement", document.Statement);
        if (errors.Count > 0 || statement is null) throw new TheoremInputException(errors);

        var variables = declarations.Variables.Concat(checker.Undeclared)
            .Select(v => new TheoremVariable(v.Key, v.Value, SmtNames.ForVariable(v.Key)))
            .ToList();
        var formulas = assumptions.Select(a => a!).ToList();
        IReadOnlyList<Obligation> obligations;
        try
        {
            obligations = new InfixObligationBuilder(variables, formulas, statement).Build(cancellationToken);
        }
        catch (ObligationLimitException e)
        {
            throw new TheoremInputException([$"{prefix}: {e.Message}"]);
        }
        var complexity = ComplexityMeter.Measure(formulas.Select(f => f.Tree).Append(statement.Tree));
        return new CompiledTheorem(document, variables, formulas, statement, complexity, obligations);
    }

    private static Formula? Fail(List<string> errors, string message)
    {
        errors.Add(message);
        return null;
    }
}
