using Hms.Proving;
using Hms.Proving.Compiling;
using Hms.Proving.Documents;
using Hms.Proving.Semantics;
using Hms.Proving.Smt;
using Hms.Proving.Syntax;

namespace Hms.Fuzz;

/// <summary>The parsers a hostile user's text reaches, each with the errors it is allowed to report.</summary>
internal static class FuzzTargets
{
    // The document target picks the format from the first character, so one corpus covers all three readers.
    private static readonly string[] DocumentNames = ["fuzz.yaml", "fuzz.json", "fuzz.smt2"];

    public static IReadOnlyList<FuzzTarget> All { get; } =
    [
        new("smt", "SMT-LIB reader (SExprReader.ParseAll)", SmtReader),
        new("infix", "infix formulas: lexer, parser, type checker", Infix),
        new("document", "theorem files (YAML, JSON, SMT-LIB) through TheoremFileLoader and TheoremCompiler", Document),
    ];

    public static FuzzTarget? Find(string name) => All.FirstOrDefault(t => t.Name == name);

    private static void SmtReader(string text)
    {
        try
        {
            SExprReader.ParseAll(text);
        }
        catch (SExprParseException)
        {
        }
    }

    private static void Infix(string text)
    {
        try
        {
            var tree = Parser.Parse(text);
            new TypeChecker(new Dictionary<string, Sort>(StringComparer.Ordinal)).CheckFormula(tree);
        }
        catch (FormulaException)
        {
        }
    }

    private static void Document(string text)
    {
        var name = text.Length == 0 ? DocumentNames[0] : DocumentNames[text[0] % DocumentNames.Length];
        // Problems inside a file come back as errors, never as exceptions.
        var file = TheoremFileLoader.LoadText(text.Length == 0 ? text : text[1..], name);
        foreach (var theorem in file.Theorems)
        {
            try
            {
                TheoremCompiler.Compile(theorem);
            }
            catch (TheoremInputException)
            {
            }
        }
    }
}
