using System.Text.Json;
using System.Text.Json.Nodes;
using Hms.Proving.Compiling;
using Hms.Proving.Obligations;

namespace Hms.Proving.Search;

/// <summary>
/// An infix theorem compiled for a counterexample search: the variable table (searched, defined by an
/// equation, enumerated), search bounds, the assumptions, the statement (whose negation is the goal) and
/// the operations that may be undefined (alternative goals). <see cref="ToJson"/> is what the Python
/// evaluator reads. When the theorem has something a search cannot evaluate, <see cref="Supported"/> is
/// false and <see cref="Reason"/> says why; compiling never throws for such input.
/// </summary>
public sealed class SearchProgram
{
    /// <summary>Format version of <see cref="ToJson"/>, checked by the evaluator.</summary>
    public const int Version = 1;

    /// <summary>Relative margin by which the evaluator wants strict comparisons to hold, and within which values count as equal.</summary>
    public const double DefaultTolerance = 1e-9;

    /// <summary>Beyond this many, further possibly-undefined operations are not search targets (they are still checked exactly).</summary>
    public const int MaxDivisorTargets = 64;

    internal SearchProgram(CompiledTheorem theorem, string? reason)
    {
        Theorem = theorem;
        Reason = reason;
    }

    public CompiledTheorem Theorem { get; }

    public bool Supported => Reason is null;

    /// <summary>Why the theorem cannot be searched, or null when it can.</summary>
    public string? Reason { get; }

    /// <summary>Searched variables first (their index is their population column), then defined ones in evaluation order, then enumerated ones.</summary>
    public IReadOnlyList<SearchVariable> Variables { get; internal init; } = [];

    /// <summary>The assumptions with searchable 'exists' replaced by witnesses.</summary>
    public IReadOnlyList<Formula> Assumptions { get; internal init; } = [];

    /// <summary>The statement with searchable 'forall' replaced by witnesses; a counterexample makes it false.</summary>
    public Formula? Statement { get; internal init; }

    public IReadOnlyList<SearchWitness> Witnesses { get; internal init; } = [];

    public IReadOnlyList<Definition> Definitions { get; internal init; } = [];

    public IReadOnlyList<DivisorTarget> Divisors { get; internal init; } = [];

    /// <summary>False when sqrt, exp, log or a fractional power occurs: a found point may only be checkable numerically.</summary>
    public bool ExactlyCheckable { get; internal init; } = true;

    /// <summary>Population columns: one per searched variable.</summary>
    public int SearchedCount => Variables.Count(v => v.Role == SearchRole.Searched);

    /// <summary>Searched and defined variables: the values of each output row before its fitness, margin and target.</summary>
    public int ValueCount => Variables.Count(v => v.Role != SearchRole.Bound);

    /// <summary>Columns of the evaluator's output rows: the values, then fitness, margin and target index.</summary>
    public int OutputWidth => ValueCount + 3;

    internal JsonObject? Json { get; init; }

    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> fired.</exception>
    public static SearchProgram Compile(CompiledTheorem theorem, CancellationToken cancellationToken = default) =>
        SearchProgramCompiler.Compile(theorem, cancellationToken);

    /// <summary>
    /// The program for the evaluator: {"version", "supported", "reason", "tolerance", "variables": [{"name", "sort",
    /// "role", "index", "low", "high", "low_open", "high_open", "witness", "definition"}], "columns",
    /// "assumptions": [tree], "statement": tree, "divisors": [{"formula", "rule", "operand", "path": [{"condition",
    /// "holds"}], "text"}]}. Rules: "zero" (make the operand 0), "negative" (&lt; 0), "nonpositive" (&lt;= 0).
    /// </summary>
    public string ToJson() =>
        (Json ?? new JsonObject { ["version"] = Version, ["supported"] = false, ["reason"] = Reason })
        .ToJsonString(new JsonSerializerOptions { WriteIndented = false });
}
