using Xunit.Abstractions;

namespace Hms.Service.Tests.Hosting;

/// <summary>
/// A test of the shared `serve` process: after the test, the output of every server it ran goes to the
/// test's output, which the runner shows when the test fails.
/// </summary>
public abstract class ServiceTest(ServiceFixture service, ITestOutputHelper output) : IDisposable
{
    private const int LogLines = 300;

    private readonly int firstServer = Math.Max(0, service.Starts - 1);

    protected ServiceFixture Service => service;

    public void Dispose()
    {
        foreach (var log in service.Logs(firstServer, LogLines)) output.WriteLine(log);
        GC.SuppressFinalize(this);
    }
}
