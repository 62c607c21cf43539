using System.Net;
using System.Net.Sockets;

namespace Hms.Service.Tests.Hosting;

/// <summary>Loopback ports: one nobody listens on, whether one is taken, and waiting until one accepts.</summary>
public static class Ports
{
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>True when something accepts connections on 127.0.0.1:<paramref name="port"/>.</summary>
    public static Task<bool> AcceptsAsync(int port, CancellationToken cancellationToken) =>
        AcceptsAsync(IPAddress.Loopback, port, cancellationToken);

    /// <summary>True when something accepts connections on <paramref name="address"/>:<paramref name="port"/>.</summary>
    public static async Task<bool> AcceptsAsync(IPAddress address, int port, CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        try
        {
            using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            attempt.CancelAfter(TimeSpan.FromSeconds(2));
            await client.ConnectAsync(address, port, attempt.Token);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>
    /// Polls until the port accepts connections: a process's listener has no event another process can
    /// await. Gives up when <paramref name="giveUp"/> completes first (e.g. the process exited).
    /// </summary>
    public static Task WaitUntilAcceptingAsync(int port, Task giveUp, CancellationToken cancellationToken) =>
        WaitUntilAcceptingAsync(IPAddress.Loopback, port, giveUp, cancellationToken);

    public static async Task WaitUntilAcceptingAsync(IPAddress address, int port, Task giveUp, CancellationToken cancellationToken)
    {
        while (!await AcceptsAsync(address, port, cancellationToken))
        {
            if (giveUp.IsCompleted) throw new InvalidOperationException($"gave up waiting for port {port}");
            await Task.WhenAny(giveUp, Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken));
            cancellationToken.ThrowIfCancellationRequested();
        }
    }
}
