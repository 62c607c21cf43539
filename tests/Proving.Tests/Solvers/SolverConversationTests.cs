using System.Text.RegularExpressions;
using Hms.Proving.Smt;
using Hms.Proving.Solvers;

namespace Hms.Proving.Tests.Solvers;

public class SolverConversationTests
{
    [Fact]
    public async Task Every_request_ends_with_a_fresh_random_marker()
    {
        var markers = new List<string>();
        await using var process = new ScriptedSolverProcess(SolverKind.Z3, command =>
        {
            if (command is { Items: [SSymbol { Name: "echo" }, SString marker] }) markers.Add(marker.Value);
            return null;
        });
        var conversation = new SolverConversation(process);

        for (var i = 0; i < 3; i++)
            await conversation.AskAsync("(assert true)", CancellationToken.None);

        Assert.Equal(3, markers.Distinct().Count());
        Assert.All(markers, m => Assert.Matches(new Regex("^hms-[0-9a-f]{32}$"), m));
    }

    [Fact]
    public async Task A_line_that_only_contains_the_marker_does_not_end_the_answer()
    {
        await using var process = new ScriptedSolverProcess(SolverKind.Z3, command =>
            command is { Items: [SSymbol { Name: "echo" }, SString marker] }
                ? [$"unsat {marker.Value}", $"\"{marker.Value}\" sat", $"({marker.Value})", marker.Value]
                : null);

        var answer = await new SolverConversation(process).AskAsync("(check-sat)", CancellationToken.None);

        Assert.Equal(3, answer.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.StartsWith("unsat hms-", answer);
    }
}
