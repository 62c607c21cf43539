namespace Hms.Storage.Tests;

/// <summary>Grain state stored through the ADO.NET provider.</summary>
[GenerateSerializer]
public sealed class ProbeState
{
    [Id(0)] public string Text { get; set; } = "";
    [Id(1)] public int Count { get; set; }
    [Id(2)] public List<string> History { get; set; } = [];
}

/// <summary>What a probe grain reports about its persistent state.</summary>
[GenerateSerializer, Immutable]
public sealed record ProbeSnapshot(
    [property: Id(0)] string Text,
    [property: Id(1)] int Count,
    [property: Id(2)] IReadOnlyList<string> History,
    [property: Id(3)] string? ETag,
    [property: Id(4)] bool RecordExists,
    [property: Id(5)] Guid ActivationId);

/// <summary>Operations shared by the probes; one interface per key kind below.</summary>
public interface IProbe : IAddressable
{
    Task<ProbeSnapshot> Get();
    Task<ProbeSnapshot> Set(string text, int count);
    Task<ProbeSnapshot> Clear();
}

public interface IIntegerProbeGrain : IProbe, IGrainWithIntegerKey;

public interface IStringProbeGrain : IProbe, IGrainWithStringKey;

public interface IGuidCompoundProbeGrain : IProbe, IGrainWithGuidCompoundKey;

public abstract class ProbeGrain(IPersistentState<ProbeState> state) : Grain, IProbe
{
    private readonly Guid _activationId = Guid.NewGuid();

    public Task<ProbeSnapshot> Get() => Task.FromResult(Snapshot());

    public async Task<ProbeSnapshot> Set(string text, int count)
    {
        state.State.Text = text;
        state.State.Count = count;
        state.State.History.Add(text);
        await state.WriteStateAsync();
        return Snapshot();
    }

    public async Task<ProbeSnapshot> Clear()
    {
        await state.ClearStateAsync();
        return Snapshot();
    }

    private ProbeSnapshot Snapshot() =>
        new(state.State.Text, state.State.Count, [.. state.State.History], state.Etag, state.RecordExists, _activationId);
}

// The AdoNet provider's row key is (ServiceId, state name, grain key): the grain
// *type* is not part of it, so each grain class uses its own state name.
public sealed class IntegerProbeGrain([PersistentState("probe-int", "Default")] IPersistentState<ProbeState> state)
    : ProbeGrain(state), IIntegerProbeGrain;

public sealed class StringProbeGrain([PersistentState("probe-string", "Default")] IPersistentState<ProbeState> state)
    : ProbeGrain(state), IStringProbeGrain;

public sealed class GuidCompoundProbeGrain([PersistentState("probe-guid", "Default")] IPersistentState<ProbeState> state)
    : ProbeGrain(state), IGuidCompoundProbeGrain;
