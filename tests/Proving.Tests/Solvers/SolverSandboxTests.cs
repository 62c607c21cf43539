using Hms.Proving.Solvers;

namespace Hms.Proving.Tests.Solvers;

/// <summary>
/// What each real solver process runs inside, read back from /proc: its own scratch folder, the file-size and
/// process limits, and, when the tests run as root, an unprivileged user without network.
/// </summary>
[Collection(RealSolversCollection.Name)]
public sealed class SolverSandboxTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("hms-sandbox-test-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private SolverLauncher Launcher(SolverSandboxOptions? sandbox = null) =>
        new(new SolverPoolOptions { Sandbox = sandbox ?? new SolverSandboxOptions { ScratchRoot = _root } });

    [Theory]
    [InlineData(SolverKind.Z3)]
    [InlineData(SolverKind.Cvc5)]
    public async Task Each_process_gets_an_empty_folder_of_its_own_that_goes_with_it(SolverKind kind)
    {
        var launcher = Launcher();
        var first = launcher.Start(kind);
        var second = launcher.Start(kind);
        string cwd;
        try
        {
            cwd = Path.GetFullPath(new DirectoryInfo($"/proc/{first.Id}/cwd").ResolveLinkTarget(true)!.FullName);
            var other = new DirectoryInfo($"/proc/{second.Id}/cwd").ResolveLinkTarget(true)!.FullName;

            Assert.Equal(_root, Path.GetDirectoryName(cwd));
            Assert.NotEqual(cwd, other);
            Assert.Empty(Directory.EnumerateFileSystemEntries(cwd));
            // It still answers.
            Assert.Equal("sat\n", await new SolverConversation(first).AskAsync("(check-sat)", CancellationToken.None));
        }
        finally
        {
            await first.DisposeAsync();
            await second.DisposeAsync();
        }
        Assert.Empty(Directory.EnumerateFileSystemEntries(_root));
    }

    [Theory]
    [InlineData(SolverKind.Z3)]
    [InlineData(SolverKind.Cvc5)]
    public async Task Limits_user_and_network_are_those_configured(SolverKind kind)
    {
        var launcher = Launcher(new SolverSandboxOptions { ScratchRoot = _root, MaxFileBytes = 65536, MaxProcesses = 700 });
        await using var process = launcher.Start(kind);
        await new SolverConversation(process).AskAsync("(check-sat)", CancellationToken.None);

        var limits = File.ReadAllLines($"/proc/{process.Id}/limits");
        Assert.Contains(limits, l => l.StartsWith("Max file size", StringComparison.Ordinal) && l.Contains(" 65536 "));
        Assert.Contains(limits, l => l.StartsWith("Max processes", StringComparison.Ordinal) && l.Contains(" 700 "));
        Assert.Contains(limits, l => l.StartsWith("Max address space", StringComparison.Ordinal) && l.Contains($" {2048L * 1024 * 1024} "));
        Assert.Empty(launcher.Warnings);
        if (!Environment.IsPrivilegedProcess) return;

        var uid = File.ReadAllLines($"/proc/{process.Id}/status").Single(l => l.StartsWith("Uid:", StringComparison.Ordinal));
        Assert.DoesNotContain("\t0\t", uid + "\t");
        Assert.Equal(launcher.SolverUser!.Value.Uid.ToString(), uid.Split('\t', StringSplitOptions.RemoveEmptyEntries)[1]);
        var ours = new FileInfo("/proc/self/ns/net").ResolveLinkTarget(false)!.Name;
        var theirs = new FileInfo($"/proc/{process.Id}/ns/net").ResolveLinkTarget(false)!.Name;
        Assert.NotEqual(ours, theirs);
    }

    [Fact]
    public async Task A_solver_cannot_write_a_file_larger_than_the_limit_nor_outside_its_folder()
    {
        var launcher = Launcher(new SolverSandboxOptions { ScratchRoot = _root, MaxFileBytes = 4096 });
        // Straight to the process, past the allow-list: this is the defence behind it.
        await using var process = launcher.Start(SolverKind.Z3);
        var conversation = new SolverConversation(process);
        var target = Path.Combine(_root, "outside.log");
        var names = string.Join(' ', Enumerable.Range(0, 400).Select(i => $"(declare-const name_that_is_long_{i} Int)"));

        try
        {
            await conversation.AskAsync($"(set-option :trace_file_name |{target}|)(set-option :trace true)\n{names}", CancellationToken.None);
        }
        catch (SolverProcessDiedException)
        {
            // Killed by SIGXFSZ (as the service user) or refused the file: either way nothing large was written.
        }

        if (Environment.IsPrivilegedProcess && launcher.SolverUser is not null)
            Assert.False(File.Exists(target), "the unprivileged solver wrote into a folder it does not own");
        else
            Assert.True(!File.Exists(target) || new FileInfo(target).Length <= 4096);
    }

    [Fact]
    public async Task Without_the_sandbox_the_solver_runs_as_the_service_and_still_gets_its_own_folder()
    {
        var launcher = Launcher(new SolverSandboxOptions { Enabled = false, ScratchRoot = _root });
        await using var process = launcher.Start(SolverKind.Z3);

        Assert.Equal("sat\n", await new SolverConversation(process).AskAsync("(check-sat)", CancellationToken.None));
        Assert.Null(launcher.SolverUser);
        Assert.Single(Directory.EnumerateDirectories(_root));
    }

    [Fact]
    public async Task A_sandbox_that_cannot_be_applied_is_a_warning_never_a_failed_goal()
    {
        await using var pool = new SolverPool(new SolverPoolOptions
        {
            Sandbox = new SolverSandboxOptions { ScratchRoot = _root, User = "hms-no-such-user" },
        });

        var result = await pool.SolveAsync(SolverKind.Z3, Goals.Easy(1));

        Assert.Equal(SolverStatus.Sat, result.Status);
        if (Environment.IsPrivilegedProcess)
            Assert.Contains(Launcher(new SolverSandboxOptions { ScratchRoot = _root, User = "hms-no-such-user" }).Warnings,
                w => w.Contains("'hms-no-such-user' does not exist", StringComparison.Ordinal));
    }
}
