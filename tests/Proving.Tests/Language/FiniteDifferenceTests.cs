using Hms.Proving.Numbers;
using Hms.Proving.Semantics;
using Hms.Proving.Syntax.Tree;

namespace Hms.Proving.Tests.Language;

/// <summary>
/// Soundness of d(...): for random polynomial and rational expressions in x and y, at random rational points,
/// the symbolic derivative agrees with the symmetric difference quotient (f(x+h) - f(x-h)) / 2h, whose error
/// is O(h²). Evaluation is exact, so the test compares the remainder at h and h/10: a right derivative makes it
/// shrink about a hundredfold, a wrong one leaves it at the size of the mistake.
/// </summary>
public sealed class FiniteDifferenceTests
{
    private static readonly Rational H = Rational.Parse("1/1000");

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Symbolic_derivatives_agree_with_difference_quotients(int seed)
    {
        var random = new Random(seed);
        var compared = 0;
        for (var attempt = 0; attempt < 60; attempt++)
        {
            var f = RandomExpression(random, depth: 4);
            var derivative = Elaborate.Tree($"d({f}, x) = 0");
            var function = Elaborate.Tree($"{f} = 0");
            for (var p = 0; p < 3; p++)
            {
                var x = new Rational(random.Next(-30, 31), random.Next(1, 7));
                var y = new Rational(random.Next(-30, 31), random.Next(1, 7));
                if (Remainder(function, derivative, f, x, y, H) is not { } coarse
                    || Remainder(function, derivative, f, x, y, H / 10) is not { } fine)
                    continue; // undefined at or near the point
                compared++;
                Assert.True(fine.IsZero || fine.Abs() * 20 <= coarse.Abs(),
                    $"d({f}, x) at x = {x}, y = {y}: remainder {Approx(coarse)} at h, {Approx(fine)} at h/10");
            }
        }
        Assert.True(compared >= 60, $"only {compared} points compared");
    }

    private static string Approx(Rational r) => ((double)r.Numerator / (double)r.Denominator).ToString("G4");

    /// <summary>(f(x+h) - f(x-h)) / 2h - f'(x), or null where something is undefined.</summary>
    private static Rational? Remainder(Expr function, Expr derivative, string text, Rational x, Rational y, Rational h)
    {
        try
        {
            var slope = (Value(function, text, x + h, y) - Value(function, text, x - h, y)) / (2 * h);
            return slope - Value(derivative, text, x, y);
        }
        catch (UndefinedException)
        {
            return null;
        }
    }

    /// <summary>The left side of "E = 0" at the point.</summary>
    private static Rational Value(Expr equation, string text, Rational x, Rational y)
    {
        var left = ((CompareExpr)equation).Left;
        return new Evaluator(text).Bind("x", Hms.Proving.Semantics.Value.Of(x)).Bind("y", Hms.Proving.Semantics.Value.Of(y)).Eval(left).AsNumber;
    }

    private static string RandomExpression(Random random, int depth)
    {
        if (depth == 0 || random.Next(4) == 0)
        {
            return random.Next(3) switch
            {
                0 => "x",
                1 => "y",
                _ => random.Next(1, 6).ToString(System.Globalization.CultureInfo.InvariantCulture),
            };
        }
        var a = RandomExpression(random, depth - 1);
        var b = RandomExpression(random, depth - 1);
        return random.Next(6) switch
        {
            0 => $"({a} + {b})",
            1 => $"({a} - {b})",
            2 or 3 => $"({a} * {b})",
            4 => $"({a} / {b})",
            _ => $"({a})^{random.Next(-1, 4)}",
        };
    }
}
