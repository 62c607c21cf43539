using System.Diagnostics.CodeAnalysis;

namespace Hms.Proving.Solvers;

/// <summary>Reads a <see cref="Strategy"/> from user text: "z3", "cvc5" or "portfolio", any case.</summary>
public static class StrategyParser
{
    public static bool TryParse([NotNullWhen(true)] string? text, out Strategy strategy)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "z3":
                strategy = Strategy.Z3;
                return true;
            case "cvc5":
                strategy = Strategy.Cvc5;
                return true;
            case "portfolio":
                strategy = Strategy.Portfolio;
                return true;
            default:
                strategy = default;
                return false;
        }
    }

    /// <exception cref="FormatException">anything but z3, cvc5 or portfolio.</exception>
    public static Strategy Parse(string? text) =>
        TryParse(text, out var strategy)
            ? strategy
            : throw new FormatException($"unknown solver strategy '{text}': expected one of z3, cvc5, portfolio");

    /// <summary>The canonical lowercase name, the inverse of <see cref="Parse"/>.</summary>
    public static string ToName(this Strategy strategy) => strategy switch
    {
        Strategy.Z3 => "z3",
        Strategy.Cvc5 => "cvc5",
        Strategy.Portfolio => "portfolio",
        _ => throw new ArgumentOutOfRangeException(nameof(strategy), strategy, null),
    };
}
