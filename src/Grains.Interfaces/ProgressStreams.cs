using Orleans.Runtime;

namespace Hms.Grains;

/// <summary>Where a theorem's progress events are published: one stream per theorem id.</summary>
public static class ProgressStreams
{
    public const string Provider = "progress";
    public const string Namespace = "theorem-progress";

    public static StreamId For(string theoremId) => StreamId.Create(Namespace, theoremId);
}
