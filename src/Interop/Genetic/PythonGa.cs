using Hms.Interop.Bridge;
using Hms.Interop.SharedMemory;
using Python.Runtime;

namespace Hms.Interop.Genetic;

/// <summary>
/// One call of hms_bridge.ga.evolve_json: the population and output buffers go to Python as NumPy views (no
/// copy; the population stays in shared memory between slices), the summary comes back as JSON text.
/// </summary>
internal static class PythonGa
{
    public const string Module = "hms_bridge.ga";

    public static async Task<SliceSummary> EvolveAsync(PythonBridge bridge, string programJson, SharedBuffer population,
        int populationSize, int columns, SharedBuffer output, int rows, int width, long seed, int startGeneration,
        int generations, TimeSpan timeBudget, string options, CancellationToken cancellationToken)
    {
        var json = await bridge.InvokeAsync(context =>
        {
            var ga = context.Import(Module);
            // The views are the bridge's to close when the call returns; only what is made here is disposed here.
            var populationView = context.ToNumPy(population, "float64", populationSize, columns);
            var outputView = context.ToNumPy(output, "float64", rows, width);
            using var program = new PyString(programJson);
            using var seedArgument = new PyInt(seed);
            using var start = new PyInt(startGeneration);
            using var count = new PyInt(generations);
            using var budget = new PyFloat(Math.Max(0.0, timeBudget.TotalSeconds));
            using var settings = new PyString(options);
            using var summary = ga.InvokeMethod("evolve_json",
                program, populationView, outputView, seedArgument, start, count, budget, settings);
            return summary.As<string>();
        }, cancellationToken).ConfigureAwait(false);
        return SliceSummary.Parse(json);
    }
}
