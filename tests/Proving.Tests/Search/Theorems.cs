using Hms.Proving.Compiling;
using Hms.Proving.Documents;
using Hms.Proving.Search;

namespace Hms.Proving.Tests.Search;

/// <summary>Small theorems compiled for the search tests.</summary>
internal static class Theorems
{
    public static CompiledTheorem Compile(string statement, params string[] assumptions) =>
        CompileWith([], statement, assumptions);

    public static CompiledTheorem CompileWith(IReadOnlyList<KeyValuePair<string, Sort>> variables, string statement, params string[] assumptions) =>
        TheoremCompiler.Compile(new TheoremDocument
        {
            Id = "t",
            Statement = statement,
            Assumptions = assumptions,
            Variables = variables,
        });

    public static SearchProgram Program(string statement, params string[] assumptions) =>
        SearchProgram.Compile(Compile(statement, assumptions));
}
