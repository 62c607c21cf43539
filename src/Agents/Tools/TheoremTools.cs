using System.ComponentModel;
using Hms.Agents.Input;
using Hms.Agents.Reports;
using Hms.Frontend.Paging;
using Hms.Frontend.Validation;
using Hms.Grains;
using Hms.Grains.Messages;
using Hms.Proving.Proof;
using Microsoft.Extensions.Hosting;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Hms.Agents.Tools;

/// <summary>
/// The prover's MCP tools: thin calls on the theorem grains, as the gRPC service makes them. Proofs live in
/// the grains; a tool call only submits, waits on the progress feed, or reads.
/// </summary>
[McpServerToolType]
internal sealed class TheoremTools(IGrainFactory grains, ITheoremIndex index, ProofProgress progress, IHostApplicationLifetime lifetime)
{
    private const string TheoremArguments =
        "statement: the claim (infix formula, or with format smtlib2 a whole SMT-LIB 2 script asserting its negation). " +
        "assumptions: formulas taken as given. variables: name -> Real | Int | Bool (undeclared names are Real). " +
        "timeout: seconds per solver goal (default 10). strategy: z3 | cvc5 | portfolio (default) | genetic. " +
        "The language: explain_language or the resource hms://docs/language.";

    [McpServerTool(Name = "prove_theorem", Title = "Prove a theorem", UseStructuredContent = true, OutputSchemaType = typeof(ProofReport),
        Destructive = false, OpenWorld = false)]
    [Description("Proves or refutes a theorem and waits for the verdict: PROVED (with the assumptions used), DISPROVED (with an " +
        "exactly re-checked counterexample), UNKNOWN (with the reason) or ERROR. Sends progress notifications when given a " +
        "progress token; cancelling the call cancels the proof. For long proofs use submit_theorem and get_theorem. " + TheoremArguments)]
    public async Task<CallToolResult> ProveTheorem(
        RequestContext<CallToolRequestParams> request,
        [Description("The claim to prove")] string statement,
        [Description("Formulas taken as given")] string[]? assumptions = null,
        [Description("Variable name to sort: Real, Int or Bool")] Dictionary<string, string>? variables = null,
        [Description("infix (default) or smtlib2")] string? format = null,
        [Description("Seconds per solver goal, 1 to 86400")] int? timeout = null,
        [Description("z3, cvc5, portfolio or genetic")] string? strategy = null,
        [Description("Theorem id (letters, digits, '_', '-', '.'); default: a new one")] string? id = null,
        CancellationToken cancellationToken = default)
    {
        var (spec, problem) = Read(new TheoremInput(statement, assumptions, variables, format, timeout, strategy), id);
        if (spec is null)
        {
            return ToolResults.Error(problem!);
        }

        var grain = grains.GetGrain<ITheoremGrain>(spec.Id);
        // As the gRPC ProveTheorem: the same theorem again waits on (or returns) the proof already made.
        var submitted = await grain.SubmitAsync(spec, new ProveSettings(), replace: false);
        if (Refusal(submitted) is { } refused)
        {
            return ToolResults.Error(refused);
        }

        try
        {
            var finished = await progress.WaitAsync(spec.Id, request, cancellationToken);
            return finished is null ? ToolResults.Error(NotFound(spec.Id)) : ToolResults.Report(ReportMapping.ToReport(finished));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested && !lifetime.ApplicationStopping.IsCancellationRequested)
        {
            // The caller gave up: nobody is left waiting for the proof. A stopping host keeps it, to resume on restart.
            await grain.CancelAsync();
            throw;
        }
    }

    [McpServerTool(Name = "submit_theorem", Title = "Submit a theorem", UseStructuredContent = true, OutputSchemaType = typeof(SubmitReceipt),
        Destructive = false, OpenWorld = false)]
    [Description("Stores a theorem and starts its proof without waiting; returns its id for get_theorem. The same theorem " +
        "under the same id again starts nothing new; other content under a used id is refused. " + TheoremArguments)]
    public async Task<CallToolResult> SubmitTheorem(
        [Description("The claim to prove")] string statement,
        [Description("Formulas taken as given")] string[]? assumptions = null,
        [Description("Variable name to sort: Real, Int or Bool")] Dictionary<string, string>? variables = null,
        [Description("infix (default) or smtlib2")] string? format = null,
        [Description("Seconds per solver goal, 1 to 86400")] int? timeout = null,
        [Description("z3, cvc5, portfolio or genetic")] string? strategy = null,
        [Description("Theorem id (letters, digits, '_', '-', '.'); default: a new one")] string? id = null)
    {
        var (spec, problem) = Read(new TheoremInput(statement, assumptions, variables, format, timeout, strategy), id);
        if (spec is null)
        {
            return ToolResults.Error(problem!);
        }

        var submitted = await grains.GetGrain<ITheoremGrain>(spec.Id).SubmitAsync(spec, new ProveSettings(), replace: false);
        return Refusal(submitted) is { } refused
            ? ToolResults.Error(refused)
            : ToolResults.Report(new SubmitReceipt(submitted.TheoremId, ReportMapping.Name(submitted.Status), submitted.Outcome.ToString()));
    }

    [McpServerTool(Name = "get_theorem", Title = "Read a theorem", UseStructuredContent = true, OutputSchemaType = typeof(ProofReport),
        ReadOnly = true, OpenWorld = false)]
    [Description("Reads a theorem: its verdict, counterexample, obligations, warnings and the assumptions used. With wait=true, " +
        "first follows the proof to its verdict, sending progress notifications when given a progress token; cancelling " +
        "the call ends the wait, not the proof.")]
    public async Task<CallToolResult> GetTheorem(
        RequestContext<CallToolRequestParams> request,
        [Description("The theorem id, as submit_theorem returned it")] string id,
        [Description("Wait for the verdict before answering")] bool wait = false,
        CancellationToken cancellationToken = default)
    {
        if (TheoremIdRule.Check(id ?? "", "id") is { } badId)
        {
            return ToolResults.Error(badId);
        }

        var snapshot = wait
            ? await progress.WaitAsync(id!, request, cancellationToken)
            : await grains.GetGrain<ITheoremGrain>(id!).GetAsync();
        return snapshot is null ? ToolResults.Error(NotFound(id!)) : ToolResults.Report(ReportMapping.ToReport(snapshot));
    }

    [McpServerTool(Name = "list_theorems", Title = "List theorems", UseStructuredContent = true, OutputSchemaType = typeof(TheoremPage),
        ReadOnly = true, OpenWorld = false)]
    [Description("Lists stored theorems in id order, a page at a time, optionally only those of one status or domain.")]
    public async Task<CallToolResult> ListTheorems(
        [Description("PENDING, RUNNING, PROVED, DISPROVED, UNKNOWN, ERROR or CANCELLED")] string? status = null,
        [Description("Only theorems of this domain")] string? domain = null,
        [Description("At most this many (default 50, at most 1000)")] int pageSize = 0,
        [Description("nextPageToken of the previous page")] string? pageToken = null)
    {
        if (!PageSize.TryResolve(pageSize, out var size))
        {
            return ToolResults.Error($"pageSize must not be negative, not {pageSize}");
        }

        string? after = null;
        if (!string.IsNullOrEmpty(pageToken) && !PageToken.TryDecode(pageToken, out after))
        {
            return ToolResults.Error("pageToken is not a token this service issued");
        }

        TheoremStatus? filter = null;
        if (!string.IsNullOrEmpty(status))
        {
            // Names only: Enum.TryParse would also take "3" or "proved, error".
            var match = Enum.GetValues<TheoremStatus>().Where(s => ReportMapping.Name(s) == status.ToUpperInvariant()).ToList();
            if (match.Count != 1)
            {
                return ToolResults.Error($"status '{Quote.Shorten(status)}' is not known (expected PENDING, RUNNING, PROVED, DISPROVED, UNKNOWN, ERROR or CANCELLED)");
            }

            filter = match[0];
        }

        var (theorems, nextAfter) = await TheoremListing.PageAsync(grains, index, size, after,
            string.IsNullOrEmpty(domain) ? null : domain, filter, summaries: false);
        return ToolResults.Report(new TheoremPage([.. theorems.Select(ReportMapping.ToSummary)],
            nextAfter is { } next ? PageToken.Encode(next) : null));
    }

    private static (TheoremSpec? Spec, string? Problem) Read(TheoremInput input, string? id) =>
        input.ToSpec(string.IsNullOrEmpty(id) ? $"mcp-{Guid.NewGuid():N}" : id);

    private static string? Refusal(SubmitResult result) => result.Outcome switch
    {
        SubmitOutcome.AlreadyExists => result.Message ?? $"theorem '{result.TheoremId}' already exists with different content",
        SubmitOutcome.Invalid => result.Message ?? $"theorem '{result.TheoremId}' is not valid",
        _ => null,
    };

    private static string NotFound(string id) => $"no theorem has the id '{Quote.Shorten(id)}'";
}
