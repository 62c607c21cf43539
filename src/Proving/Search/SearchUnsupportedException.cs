namespace Hms.Proving.Search;

/// <summary>A construct the genetic search cannot evaluate; the message is the reason the search is skipped.</summary>
internal sealed class SearchUnsupportedException(string reason) : Exception(reason);
