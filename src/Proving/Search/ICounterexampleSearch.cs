using Hms.Proving.Compiling;

namespace Hms.Proving.Search;

/// <summary>
/// A numeric hunt for counterexamples that runs beside the solvers (the genetic search of the Python bridge).
/// Whatever it finds has been checked exactly before it is returned as <see cref="SearchStatus.Validated"/>.
/// </summary>
public interface ICounterexampleSearch
{
    /// <param name="timeLimit">The theorem's time limit per goal: the search stops there at the latest.</param>
    Task<SearchResult> SearchAsync(CompiledTheorem theorem, TimeSpan timeLimit, IProgress<SearchStep>? progress, CancellationToken cancellationToken);
}
