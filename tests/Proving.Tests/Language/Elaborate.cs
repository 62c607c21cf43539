using Hms.Proving.Compiling;
using Hms.Proving.Documents;
using Hms.Proving.Elaboration;
using Hms.Proving.Semantics;
using Hms.Proving.Syntax;
using Hms.Proving.Syntax.Tree;

namespace Hms.Proving.Tests.Language;

/// <summary>Elaborates formulas as the compiler does, for tests that look at the core tree a construct becomes.</summary>
internal static class Elaborate
{
    public static Expr Tree(string formula, IEnumerable<KeyValuePair<string, string>>? definitions = null,
        IEnumerable<KeyValuePair<string, Sort>>? variables = null, bool typeCheck = true)
    {
        var errors = new List<string>();
        var declarations = Declarations.Read([.. variables ?? []], errors);
        var elaborator = Elaborator.Create(definitions ?? [], declarations, errors);
        Assert.Empty(errors);
        var tree = elaborator.Elaborate(Parser.Parse(formula));
        if (typeCheck) new TypeChecker(declarations.Variables.ToDictionary(v => v.Key, v => v.Value)).CheckFormula(tree);
        return tree;
    }

    public static string Text(string formula, params (string Head, string Body)[] definitions) =>
        FormulaPrinter.Print(Tree(formula, definitions.Select(d => new KeyValuePair<string, string>(d.Head, d.Body))));

    /// <summary>Without type checking: for trees (symbolic powers) that another part of the pipeline decides about.</summary>
    public static string Untyped(string formula) => FormulaPrinter.Print(Tree(formula, typeCheck: false));

    /// <summary>The elaborator's error for a formula, as "line:column: reason".</summary>
    public static string Error(string formula, IEnumerable<KeyValuePair<string, string>>? definitions = null,
        IEnumerable<KeyValuePair<string, Sort>>? variables = null) =>
        Assert.Throws<FormulaException>(() => Tree(formula, definitions, variables)).Message;

    public static KeyValuePair<string, string> Def(string head, string body) => new(head, body);

    public static KeyValuePair<string, Sort> Var(string name, Sort sort = Sort.Real) => new(name, sort);

    /// <summary>The compiler's error messages for a theorem that must not compile.</summary>
    public static IReadOnlyList<string> Errors(TheoremDocument document) =>
        Assert.Throws<TheoremInputException>(() => TheoremCompiler.Compile(document)).Messages;

    public static TheoremDocument Doc(string statement, params (string Head, string Body)[] definitions) => new()
    {
        Id = "t",
        Statement = statement,
        Definitions = [.. definitions.Select(d => new KeyValuePair<string, string>(d.Head, d.Body))],
    };
}
