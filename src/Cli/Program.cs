using System.CommandLine;
using Hms.Cli.Commands;

var root = new RootCommand("HMS Theorem Prover: proves or refutes economic theorems with z3 and cvc5.")
{
    ProveCommand.Create(),
};
var parse = root.Parse(args);
if (parse.Errors.Count > 0)
{
    foreach (var error in parse.Errors) Console.Error.WriteLine($"hms: {error.Message}");
    Console.Error.WriteLine("usage: hms prove PATH... [--server URL] [--json] [--timeout S] [--strategy NAME] [--genetic]");
    return 2;
}
return await parse.InvokeAsync();
