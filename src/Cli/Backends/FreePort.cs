using System.Net;
using System.Net.Sockets;

namespace Hms.Cli.Backends;

/// <summary>A loopback port nobody listens on, so an embedded silo never collides with a running server.</summary>
internal static class FreePort
{
    public static int Next()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }
}
