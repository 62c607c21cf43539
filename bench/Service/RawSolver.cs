using System.Diagnostics;
using System.Globalization;
using System.Text;
using Hms.Proving.Obligations;

namespace Hms.Service.Bench;

/// <summary>
/// One warm solver process driven directly over its pipes, each goal inside (push 1)/(pop 1): the cheapest a
/// goal can be asked of a solver, the floor the service is compared with. Like the service, it asks check-sat,
/// then the model's values on sat or the unsat core on unsat, each as its own round trip.
/// </summary>
internal sealed class RawSolver : IAsyncDisposable
{
    private const string Done = "hms-bench-done";
    private readonly Process process;

    private RawSolver(string name, Process process)
    {
        Name = name;
        this.process = process;
    }

    public string Name { get; }

    public static async Task<RawSolver> StartAsync(string name, int timeoutSeconds, CancellationToken cancellationToken)
    {
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        var start = new ProcessStartInfo(name)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardInputEncoding = utf8,
            StandardOutputEncoding = utf8,
        };
        foreach (var a in name == "z3" ? ["-in", "-smt2"] : new[] { "--lang", "smt2", "--incremental" }) start.ArgumentList.Add(a);
        var process = Process.Start(start) ?? throw new InvalidOperationException($"{name} did not start");
        _ = process.StandardError.ReadToEndAsync(cancellationToken);
        var solver = new RawSolver(name, process);
        var ms = (timeoutSeconds * 1000L).ToString(CultureInfo.InvariantCulture);
        // Set once for the process's life: push/pop keeps them, which is why this is safe only for goals that set none.
        var options = name == "z3"
            ? $"(set-option :produce-models true)\n(set-option :produce-unsat-cores true)\n(set-option :timeout {ms})\n"
            : $"(set-option :produce-models true)\n(set-option :produce-unsat-cores true)\n(set-option :tlimit-per {ms})\n(set-logic ALL)\n";
        await solver.SendAsync(options + Echo(), cancellationToken);
        await solver.ReadUntilDoneAsync(cancellationToken);
        return solver;
    }

    /// <summary>"sat", "unsat" or "unknown".</summary>
    public async Task<string> AskAsync(Obligation goal, CancellationToken cancellationToken)
    {
        await SendAsync("(push 1)\n" + goal.Script + "(check-sat)\n", cancellationToken);
        var answer = (await process.StandardOutput.ReadLineAsync(cancellationToken))?.Trim()
            ?? throw new InvalidOperationException($"{Name} exited");
        var followUp = answer switch
        {
            "sat" when goal.Symbols.Count > 0 => $"(get-value ({string.Join(' ', goal.Symbols.Keys)}))\n",
            "unsat" when goal.NamedAssumptions.Count > 0 => "(get-unsat-core)\n",
            _ => "",
        };
        await SendAsync(followUp + "(pop 1)\n" + Echo(), cancellationToken);
        await ReadUntilDoneAsync(cancellationToken);
        return answer;
    }

    private async Task SendAsync(string text, CancellationToken cancellationToken)
    {
        await process.StandardInput.WriteAsync(text.AsMemory(), cancellationToken);
        await process.StandardInput.FlushAsync(cancellationToken);
    }

    private async Task ReadUntilDoneAsync(CancellationToken cancellationToken)
    {
        while (await process.StandardOutput.ReadLineAsync(cancellationToken) is { } line)
        {
            // z3 echoes the bare text, cvc5 quotes it.
            if (line.Trim().Trim('"') == Done) return;
        }
        throw new InvalidOperationException($"{Name} exited");
    }

    private static string Echo() => $"(echo \"{Done}\")\n";

    public ValueTask DisposeAsync()
    {
        if (!process.HasExited) process.Kill();
        process.Dispose();
        return ValueTask.CompletedTask;
    }
}
