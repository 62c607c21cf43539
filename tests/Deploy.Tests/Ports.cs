using System.Net;
using System.Net.Sockets;

namespace Hms.Deploy.Tests;

/// <summary>Loopback ports the OS hands out: fixed ones would collide with another test run on the same machine.</summary>
internal static class Ports
{
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
