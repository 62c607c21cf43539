namespace Hms.Proving.Compiling;

/// <summary>A scheduling hint: how hard a theorem looks before any solver sees it.</summary>
public enum Complexity
{
    Simple,
    Moderate,
    Complex,
    VeryComplex,
}
