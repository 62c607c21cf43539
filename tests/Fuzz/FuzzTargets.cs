using Hms.Proving;
using Hms.Proving.Compiling;
using Hms.Proving.Documents;
using Hms.Proving.Semantics;
using Hms.Proving.Smt;
using Hms.Proving.Syntax;
using Hms.Proving.Syntax.Tree;

namespace Hms.Fuzz;

/// <summary>The parsers a hostile user's text reaches, each with the errors it is allowed to report.</summary>
internal static class FuzzTargets
{
    // The document target picks the format from the first character, so one corpus covers all three readers.
    private static readonly string[] DocumentNames = ["fuzz.yaml", "fuzz.json", "fuzz.smt2"];

    public static IReadOnlyList<FuzzTarget> All { get; } =
    [
        new("smt", "SMT-LIB reader (SExprReader.ParseAll); re-printed and read again", SmtReader),
        new("infix", "infix formulas: lexer, parser, type checker; printed and parsed again", Infix),
        new("document", "theorem files (YAML, JSON, SMT-LIB) through TheoremFileLoader and TheoremCompiler", Document),
    ];

    public static FuzzTarget? Find(string name) => All.FirstOrDefault(t => t.Name == name);

    private static void SmtReader(string text)
    {
        IReadOnlyList<SExpr> script;
        try
        {
            script = SExprReader.ParseAll(text);
        }
        catch (SExprParseException)
        {
            return;
        }

        // Solvers are sent the script re-printed from this tree, so whatever the reader accepts must print,
        // and the printed text must read back as the same script (else what we checked is not what runs).
        var printed = string.Join('\n', script);
        string again;
        try
        {
            again = string.Join('\n', SExprReader.ParseAll(printed));
        }
        catch (SExprParseException e)
        {
            throw new InvalidOperationException($"the re-printed script does not parse: {e.Message}\n{printed}");
        }
        if (again != printed)
            throw new InvalidOperationException($"re-printing is not stable under parsing:\n{printed}\n{again}");
    }

    private static void Infix(string text)
    {
        Expr tree;
        try
        {
            tree = Parser.Parse(text);
            new TypeChecker(new Dictionary<string, Sort>(StringComparer.Ordinal)).CheckFormula(tree);
        }
        catch (FormulaException)
        {
            return;
        }

        // A second oracle besides "no unexpected exception": printing the tree and parsing that text must
        // give a tree that prints the same (FormulaPrinterTests state this for generated trees).
        var printed = FormulaPrinter.Print(tree);
        string again;
        try
        {
            again = FormulaPrinter.Print(Parser.Parse(printed));
        }
        catch (FormulaException e)
        {
            throw new InvalidOperationException($"the printed formula does not parse: {e.Message}\n{printed}");
        }
        if (again != printed)
            throw new InvalidOperationException($"printing is not stable under parsing:\n{printed}\n{again}");
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
