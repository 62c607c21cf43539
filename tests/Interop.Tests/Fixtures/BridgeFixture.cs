using Hms.Interop.Bridge;

namespace Hms.Interop.Tests.Fixtures;

/// <summary>One bridge for the tests that need no bridge of their own, with the probe module loaded.</summary>
public sealed class BridgeFixture : IAsyncLifetime
{
    private PythonBridge? _bridge;

    public PythonBridge Bridge => _bridge ?? throw new InvalidOperationException("The fixture has not started.");

    public async Task InitializeAsync()
    {
        _bridge = await PythonBridge.StartAsync(TestOptions.Bridge());
        await ProbeModule.RegisterAsync(_bridge);
    }

    public async Task DisposeAsync()
    {
        if (_bridge is not null)
            await _bridge.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BridgeCollection : ICollectionFixture<BridgeFixture>
{
    public const string Name = "Bridge";
}
