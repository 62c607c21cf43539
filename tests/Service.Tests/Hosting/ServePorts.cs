namespace Hms.Service.Tests.Hosting;

/// <summary>
/// The ports one `hms serve` listens on. gRPC is always a free port. The Orleans silo and gateway ports and
/// the local PostgreSQL port are free ones only when `serve` has options for them (`--silo-port`,
/// `--gateway-port`, `--postgres-port`); until then they are ServerSettings' defaults, 11111, 30000 and
/// 55432, and two runs of these tests on one machine would collide.
/// </summary>
public sealed record ServePorts(int Silo, int Gateway, int Postgres, bool Configurable)
{
    public const int DefaultSiloPort = 11111;
    public const int DefaultGatewayPort = 30000;
    public const int DefaultPostgresPort = 55432;

    private static readonly string[] PortOptions = ["--silo-port", "--gateway-port", "--postgres-port"];

    /// <summary>Free ports when `serve` takes them as options, else the defaults it always uses.</summary>
    public static async Task<ServePorts> ChooseAsync()
    {
        if (await ServeTakesPortOptionsAsync())
            return new ServePorts(Hosting.Ports.Free(), Hosting.Ports.Free(), Hosting.Ports.Free(), Configurable: true);
        return new ServePorts(DefaultSiloPort, DefaultGatewayPort, DefaultPostgresPort, Configurable: false);
    }

    /// <summary>The `serve` arguments that pass these ports (none while `serve` has no such options).</summary>
    public IReadOnlyList<string> Arguments() => Configurable
        ?
        [
            "--silo-port", Silo.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--gateway-port", Gateway.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--postgres-port", Postgres.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ]
        : [];

    /// <summary>Fails fast, with the reason, when a fixed port is already taken (another serve or test run).</summary>
    public async Task EnsureFreeAsync(CancellationToken cancellationToken)
    {
        foreach (var (name, port) in new[] { ("Orleans silo", Silo), ("Orleans gateway", Gateway), ("local PostgreSQL", Postgres) })
        {
            if (await Hosting.Ports.AcceptsAsync(port, cancellationToken))
                throw new InvalidOperationException(
                    $"the {name} port {port} is taken (another `hms serve` or test run?); `serve` cannot be told another port yet");
        }
    }

    private static async Task<bool> ServeTakesPortOptionsAsync()
    {
        using var help = ChildProcess.Start("dotnet", [Repo.HmsDll, "serve", "--help"], Repo.Root);
        if (!await help.WaitForExitAsync(TimeSpan.FromSeconds(30)))
            throw new TimeoutException($"`hms serve --help` did not finish: {help.Tail()}");
        var text = string.Join('\n', help.StandardOutput);
        return PortOptions.All(o => text.Contains(o, StringComparison.Ordinal));
    }
}
