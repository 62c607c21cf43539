using System.Text;
using System.Text.RegularExpressions;

namespace Hms.Proving.Smt;

/// <summary>
/// Maps a user's variable name to an SMT-LIB symbol that cannot clash with a solver's built-ins
/// (a variable called 'exp' or 'div' is fine in our language but not in SMT-LIB).
/// </summary>
public static partial class SmtNames
{
    private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal)
    {
        "and", "or", "not", "xor", "ite", "distinct", "true", "false", "let", "forall", "exists", "match", "par", "as",
        "abs", "div", "mod", "rem", "to_real", "to_int", "is_int", "exp", "log", "sin", "cos", "tan", "pi", "euler",
        "sqrt", "arcsin", "arccos", "arctan", "power", "min", "max", "select", "store", "Real", "Int", "Bool",
        "NUMERAL", "DECIMAL", "STRING", "assert", "reset", "exit", "root-obj", "_",
    };

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex Plain();

    public static string ForVariable(string name)
    {
        if (Plain().IsMatch(name) && !Reserved.Contains(name) && !name.StartsWith("u!", StringComparison.Ordinal))
            return name;
        // '!' never occurs in our language's names, so the escaped form cannot meet another user name.
        var escaped = new StringBuilder("u!");
        foreach (var rune in name.EnumerateRunes())
        {
            if (rune.IsAscii && (char.IsAsciiLetterOrDigit((char)rune.Value) || rune.Value == '_'))
                escaped.Append((char)rune.Value);
            else
                escaped.Append('!').Append(rune.Value.ToString("x")).Append('!');
        }
        return escaped.ToString();
    }

    public static string ForSort(Sort sort) => sort switch
    {
        Sort.Bool => "Bool",
        Sort.Int => "Int",
        _ => "Real",
    };
}
