namespace Hms.Frontend.Paging;

/// <summary>
/// How many theorems a ListTheorems page holds. Too large a size is lowered to the maximum rather than
/// refused (AIP-158): a client asking for "everything" still gets pages, and the token carries it on.
/// </summary>
internal static class PageSize
{
    public const int Default = 50;
    public const int Max = 1000;

    /// <summary>The size to use; false for a negative request, which can only be a client bug.</summary>
    public static bool TryResolve(int requested, out int size)
    {
        size = requested switch
        {
            0 => Default,
            > Max => Max,
            _ => requested,
        };
        return requested >= 0;
    }
}
