namespace Hms.Proving.Checking.Intervals;

/// <summary>A formula's value under interval evaluation: certainly true, certainly false, or not decided.</summary>
public enum Truth
{
    False,
    True,
    Unknown,
}
