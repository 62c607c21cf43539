using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Hms.Proving.Solvers;

/// <summary>A real solver process speaking SMT-LIB 2 over redirected stdin/stdout.</summary>
internal sealed class OsSolverProcess : SolverProcess
{
    private const int StderrLinesKept = 20;
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private readonly Process _process;
    private readonly Queue<string> _stderr = new();
    private readonly Task _stdoutPump;
    private readonly Task _stderrPump;

    private readonly string _scratch;

    private OsSolverProcess(SolverKind kind, Process process, string scratch) : base(kind)
    {
        _process = process;
        _scratch = scratch;
        Id = process.Id;
        _stdoutPump = PumpStdoutAsync();
        _stderrPump = PumpStderrAsync();
    }

    public override int Id { get; }

    public override bool HasExited
    {
        get
        {
            try
            {
                return _process.HasExited;
            }
            catch (InvalidOperationException)
            {
                return true;
            }
        }
    }

    /// <summary>The process's own scratch folder (its working directory), deleted when it is disposed.</summary>
    public string ScratchDirectory => _scratch;

    /// <summary>Starts <paramref name="fileName"/> in a new empty folder under <paramref name="scratchRoot"/>.</summary>
    /// <param name="owner">The user the solver will run as, who must be able to write its folder; null for ours.</param>
    /// <exception cref="System.ComponentModel.Win32Exception">the executable could not be started.</exception>
    /// <exception cref="IOException">the scratch folder could not be made.</exception>
    public static OsSolverProcess Start(SolverKind kind, string fileName, IEnumerable<string> arguments,
        string scratchRoot, (uint Uid, uint Gid)? owner)
    {
        Directory.CreateDirectory(scratchRoot);
        // Random, not the pid: the folder exists before the process does, and must not be guessable either.
        var scratch = Directory.CreateDirectory(Path.Combine(scratchRoot,
            $"{kind.ToName()}-{Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(8))}")).FullName;
        try
        {
            if (owner is { } ids && ChangeOwner(scratch, ids.Uid, ids.Gid) != 0)
                throw new IOException($"could not hand the scratch folder {scratch} to uid {ids.Uid}");
            // Only the solver's user (and root) may look inside.
            if (!OperatingSystem.IsWindows())
                File.SetUnixFileMode(scratch, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            return StartIn(kind, fileName, arguments, scratch);
        }
        catch
        {
            DeleteScratch(scratch);
            throw;
        }
    }

    private static OsSolverProcess StartIn(SolverKind kind, string fileName, IEnumerable<string> arguments, string scratch)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardInputEncoding = Utf8,
            StandardOutputEncoding = Utf8,
            StandardErrorEncoding = Utf8,
            // Whatever a solver writes by a relative name lands in its own folder, which goes when it does.
            WorkingDirectory = scratch,
        };
        foreach (var argument in arguments)
            startInfo.ArgumentList.Add(argument);
        var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"{fileName} did not start");
        // Requests are flushed explicitly once complete; flushing every write would cost a syscall each.
        process.StandardInput.AutoFlush = false;
        return new OsSolverProcess(kind, process, scratch);
    }

    public override async Task SendAsync(string text, CancellationToken cancellationToken)
    {
        try
        {
            var input = _process.StandardInput;
            await input.WriteAsync(text.AsMemory(), cancellationToken).ConfigureAwait(false);
            await input.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException)
        {
            throw new SolverProcessDiedException(await DescribeExitAsync().ConfigureAwait(false)) { BeforeRequest = true };
        }
    }

    public override async Task<string> DescribeExitAsync()
    {
        // stdout can close a moment before the process is reaped; wait briefly so the exit code is known.
        using (var wait = new CancellationTokenSource(TimeSpan.FromSeconds(1)))
        {
            try
            {
                await _process.WaitForExitAsync(wait.Token).ConfigureAwait(false);
                await _stderrPump.WaitAsync(wait.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }
        }

        var detail = new StringBuilder();
        if (HasExited)
        {
            var code = _process.ExitCode;
            detail.Append(CultureInfo.InvariantCulture, $"exit code {code}");
            // .NET reports death by signal N as 128 + N on Unix.
            if (code > 128 && code < 160)
                detail.Append(CultureInfo.InvariantCulture, $", signal {code - 128}");
        }
        else
        {
            detail.Append("output closed");
        }
        var lastError = LastStderrLine();
        if (lastError is not null)
            detail.Append("; stderr: ").Append(lastError);
        return detail.ToString();
    }

    public override string TakeDiagnostics()
    {
        lock (_stderr)
        {
            var text = string.Join('\n', _stderr);
            _stderr.Clear();
            return text;
        }
    }

    public override void Kill()
    {
        try
        {
            _process.Kill();
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception or NotSupportedException)
        {
            // Already exited or being reaped: nothing left to stop.
        }
    }

    // z3 4.8 handles SIGINT inside check-sat by cancelling the search, printing "unknown" and reading on (checked
    // by hand: the next goal on that process answers normally); outside a check the signal ends it. cvc5 1.0.3 exits
    // on SIGINT, so it is killed outright.
    public override void Interrupt()
    {
        if (Kind != SolverKind.Z3 || OperatingSystem.IsWindows() || HasExited)
        {
            Kill();
            return;
        }
        if (SendSignal(Id, SigInt) != 0) Kill();
    }

    private const int SigInt = 2;

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);

    public override async ValueTask DisposeAsync()
    {
        Kill();
        using (var wait = new CancellationTokenSource(TimeSpan.FromSeconds(2)))
        {
            try
            {
                await _process.WaitForExitAsync(wait.Token).ConfigureAwait(false);
                await Task.WhenAll(_stdoutPump, _stderrPump).WaitAsync(wait.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }
        }
        _process.Dispose();
        DeleteScratch(_scratch);
    }

    private static void DeleteScratch(string scratch)
    {
        try
        {
            Directory.Delete(scratch, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Gone already, or held by a process that outlived its kill; the temp folder's own cleanup takes it.
        }
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "chown", CharSet = System.Runtime.InteropServices.CharSet.Ansi,
        BestFitMapping = false, ThrowOnUnmappableChar = true, SetLastError = true)]
    private static extern int ChangeOwner(string path, uint owner, uint group);

    private async Task PumpStdoutAsync()
    {
        try
        {
            while (await _process.StandardOutput.ReadLineAsync().ConfigureAwait(false) is { } line)
                Emit(line);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException)
        {
        }
        finally
        {
            EndOfOutput();
        }
    }

    // Drained continuously: a solver blocked on a full stderr pipe would look like a hang.
    private async Task PumpStderrAsync()
    {
        try
        {
            while (await _process.StandardError.ReadLineAsync().ConfigureAwait(false) is { } line)
            {
                lock (_stderr)
                {
                    _stderr.Enqueue(line.Length > 500 ? line[..500] : line);
                    if (_stderr.Count > StderrLinesKept) _stderr.Dequeue();
                }
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException)
        {
        }
    }

    private string? LastStderrLine()
    {
        lock (_stderr)
            return _stderr.LastOrDefault(l => !string.IsNullOrWhiteSpace(l))?.Trim();
    }
}
