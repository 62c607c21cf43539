namespace Hms.Proving;

/// <summary>The three sorts a theorem's variables and expressions can have.</summary>
public enum Sort
{
    Bool,
    Int,
    Real,
}
