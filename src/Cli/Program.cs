using System.CommandLine;
using Hms.Cli.Commands;
using Spectre.Console;

// Piped output is read by programs and logs: never wrap it at an imagined 80 columns.
if (Console.IsOutputRedirected) AnsiConsole.Profile.Width = 1000;

var root = new RootCommand("HMS Theorem Prover: proves or refutes economic theorems with z3 and cvc5.")
{
    ProveCommand.Create(),
    ServeCommand.Create(),
    McpCommand.Create(),
    ReportCommand.Create(),
};
var parse = root.Parse(args);
if (parse.Errors.Count > 0)
{
    foreach (var error in parse.Errors) Console.Error.WriteLine($"hms: {error.Message}");
    Console.Error.WriteLine("usage: hms prove PATH... [--server URL] [--json] [--timeout S] [--strategy NAME] [--genetic] [--dump-smt DIR]");
    return 2;
}
return await parse.InvokeAsync();
