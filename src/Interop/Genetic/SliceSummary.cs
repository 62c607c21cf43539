using System.Text.Json;

namespace Hms.Interop.Genetic;

/// <summary>What hms_bridge.ga.evolve_json reports about one slice of generations.</summary>
internal sealed record SliceSummary(int Generation, int Generations, long Evaluations, double BestFitness, int BestTarget, bool Found, int Rows)
{
    public static SliceSummary Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        return new SliceSummary(
            root.GetProperty("generation").GetInt32(),
            root.GetProperty("generations").GetInt32(),
            root.GetProperty("evaluations").GetInt64(),
            root.GetProperty("best_fitness").GetDouble(),
            root.GetProperty("best_target").GetInt32(),
            root.GetProperty("found").GetBoolean(),
            root.GetProperty("rows").GetInt32());
    }
}
