namespace Hms.Grains;

/// <summary>Names of the grain storage providers the silo must configure.</summary>
public static class HmsStorage
{
    /// <summary>Theorems, the catalog and the proof cache: PostgreSQL when serving, memory in tests and embedded runs.</summary>
    public const string Theorems = "theorems";

    /// <summary>Stream subscriptions (Orleans' PubSubStore): PostgreSQL in a cluster (they must outlive a silo), else memory.</summary>
    public const string PubSub = "PubSubStore";
}
