namespace Hms.Interop.Bench;

/// <summary>Fitness evaluations per second of the genetic search, median passes, three ways, on one theorem.</summary>
/// <param name="Bridge">The whole search through the bridge: runner, shared-memory population, slices, exact checks.</param>
/// <param name="NumPyInProcess">The same vectorised algorithm inside Python on private arrays (hms_bridge.ga_bench.numpy_rate): no bridge.</param>
/// <param name="PurePython">The same algorithm in pure Python (hms_bridge.ga_bench.pure_rate), the baseline.</param>
internal sealed record GeneticThroughputResult(
    string Theorem,
    int Variables,
    int Population,
    int BridgeGenerations,
    int PureGenerations,
    int Passes,
    double Bridge,
    double BridgeBest,
    double NumPyInProcess,
    double PurePython,
    double PurePythonBest,
    string BridgeOutcome);
