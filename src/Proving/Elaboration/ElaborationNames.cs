namespace Hms.Proving.Elaboration;

/// <summary>The names with a meaning of their own in calls, which a definition may not take.</summary>
public static class ElaborationNames
{
    public const string Derivative = "d";
    public const string Maximizes = "maximizes";
    public const string Minimizes = "minimizes";

    public static readonly IReadOnlyList<string> Reserved =
    [
        .. Syntax.Parser.BuiltinFunctions, Derivative, Syntax.Parser.SumKeyword, Maximizes, Minimizes,
    ];
}
