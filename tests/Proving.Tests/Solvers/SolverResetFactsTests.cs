using Hms.Proving.Solvers;

namespace Hms.Proving.Tests.Solvers;

/// <summary>
/// Pins the solver behaviour the pool's design rests on, so an upgrade that changes it fails loudly here.
/// </summary>
[Collection(RealSolversCollection.Name)]
public class SolverResetFactsTests
{
    [Fact]
    public async Task Z3_keeps_options_across_reset_so_option_setting_scripts_cannot_share_a_process()
    {
        var answer = await AskFreshAsync(SolverKind.Z3,
            "(set-option :timeout 777)(set-option :parallel.enable true)(reset)(get-option :timeout)(get-option :parallel.enable)");

        Assert.Equal("777\ntrue\n", answer);
    }

    [Fact]
    public async Task Cvc5_restores_options_on_reset()
    {
        var answer = await AskFreshAsync(SolverKind.Cvc5,
            "(set-option :tlimit-per 777)(set-option :produce-models true)\n(reset)\n(get-option :tlimit-per)\n(get-option :produce-models)");

        Assert.Equal("0\nfalse\n", answer);
    }

    [Fact]
    public async Task Cvc5_exits_after_an_error_so_its_process_is_never_reused_after_one()
    {
        var process = new SolverLauncher(new SolverPoolOptions()).Start(SolverKind.Cvc5);
        await using var _ = process;
        var conversation = new SolverConversation(process);

        var died = await Assert.ThrowsAsync<SolverProcessDiedException>(() =>
            conversation.AskAsync("(set-logic ALL)\n(assert (> y 0))\n(check-sat)", CancellationToken.None));

        Assert.Contains("(error \"Parse Error", died.PartialOutput);
    }

    private static async Task<string> AskFreshAsync(SolverKind kind, string commands)
    {
        var process = new SolverLauncher(new SolverPoolOptions()).Start(kind);
        await using var _ = process;
        return await new SolverConversation(process).AskAsync(commands, CancellationToken.None);
    }
}
