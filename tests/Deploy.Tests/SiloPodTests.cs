using System.Globalization;
using Hms.Proving.Solvers;
using Hms.Silo.Hosting;
using Orleans.Hosting.Kubernetes;
using static Hms.Deploy.Tests.Manifests;

namespace Hms.Deploy.Tests;

/// <summary>The silo pod agrees with the silo it runs: its size with the solver pool, its labels and probes with the settings.</summary>
public sealed class SiloPodTests
{
    private readonly IReadOnlyList<Resource> resources = Load();

    private string Setting(string name) =>
        DockerfileEnvironment().Concat(resources.SiloEnvironment()).LastOrDefault(s => s.Name == name)?.Value
        ?? throw new KeyNotFoundException($"deploy/ does not set {name}");

    [Fact]
    public void ResourcesHoldTheSolverPool()
    {
        var pool = new SolverPoolOptions
        {
            MaxConcurrency = int.Parse(Setting("Hms__Solvers__MaxConcurrency"), CultureInfo.InvariantCulture),
            MemoryLimitMb = long.Parse(Setting("Hms__Solvers__MemoryLimitMb"), CultureInfo.InvariantCulture),
        };
        pool.Validate();
        var resources = Map(this.resources.Silo(), "resources");
        var (requests, limits) = (Map(resources, "requests"), Map(resources, "limits"));
        var shm = List(this.resources.PodSpec(), "volumes").Single(v => Text(v, "name") == "shm");
        var shmBytes = Quantity.Bytes(Text(Map(shm, "emptyDir"), "sizeLimit"));

        // A core per solver slot, whatever the silo itself takes.
        Assert.True(Quantity.Cores(Text(requests, "cpu")) >= pool.MaxConcurrency, "cpu request below Hms:Solvers:MaxConcurrency");
        Assert.True(Quantity.Cores(Text(limits, "cpu")) > pool.MaxConcurrency, "cpu limit leaves the silo no core beside its solvers");
        // Every slot at its address-space limit, plus the memory volume of /dev/shm, must fit below the pod's limit.
        var solvers = pool.MaxConcurrency * pool.MemoryLimitMb << 20;
        Assert.True(Quantity.Bytes(Text(limits, "memory")) > solvers + shmBytes, "memory limit below the solvers' limits and /dev/shm");
        Assert.Equal(Text(limits, "memory"), Text(requests, "memory"));
        Assert.Equal("Memory", Text(Map(shm, "emptyDir"), "medium"));
        Assert.True(long.Parse(Setting("Hms__Python__SharedMemory__MaxBytes"), CultureInfo.InvariantCulture) <= shmBytes,
            "the Python bridge may use more shared memory than /dev/shm holds");
    }

    [Fact]
    public void DrainFitsTheGracePeriod()
    {
        var pod = resources.PodSpec();
        var grace = Convert.ToInt32(pod["terminationGracePeriodSeconds"], CultureInfo.InvariantCulture);
        var preStop = ((IEnumerable<object>)Map(Map(Map(resources.Silo(), "lifecycle"), "preStop"), "exec")["command"]).Cast<string>().ToList();
        Assert.Equal("sleep", preStop[0]);
        var shutdown = int.Parse(Setting("DOTNET_shutdownTimeoutSeconds"), CultureInfo.InvariantCulture);

        // The host's drain starts after the preStop sleep and must end before the kubelet's SIGKILL.
        Assert.True(int.Parse(preStop[1], CultureInfo.InvariantCulture) + shutdown < grace, "the drain can outlast terminationGracePeriodSeconds");
        Assert.True(shutdown >= 60, "a drain shorter than a minute cancels most long goals");
    }

    [Fact]
    public void PodLabelsAreTheClusterOptions()
    {
        var labels = Map(Map(Map(Map(resources.Single("Deployment", SiloDeployment).Body, "spec"), "template"), "metadata"), "labels");

        Assert.Equal(Setting("Hms__Cluster__ServiceId"), Text(labels, KubernetesHostingOptions.ServiceIdLabel));
        Assert.Equal(Setting("Hms__Cluster__ClusterId"), Text(labels, KubernetesHostingOptions.ClusterIdLabel));
        Assert.Equal("true", Setting($"{KubernetesHosting.Section.Replace(":", "__")}__Enabled"));
        foreach (var variable in new[] { KubernetesHostingOptions.PodNameEnvironmentVariable, KubernetesHostingOptions.PodNamespaceEnvironmentVariable, KubernetesHostingOptions.PodIPEnvironmentVariable })
        {
            var env = List(resources.Silo(), "env").Single(e => Text(e, "name") == variable);
            Assert.NotNull(MapOrNull(Map(env, "valueFrom"), "fieldRef"));
        }
    }

    [Fact]
    public void ProbesAskTheFrontendsHealthServiceOnItsPort()
    {
        var silo = resources.Silo();
        var port = int.Parse(Setting("Hms__Port"), CultureInfo.InvariantCulture);
        var grpcPort = List(silo, "ports").Single(p => Text(p, "name") == "grpc");
        Assert.Equal(port, Convert.ToInt32(grpcPort["containerPort"], CultureInfo.InvariantCulture));
        foreach (var probe in new[] { "startupProbe", "readinessProbe", "livenessProbe" })
        {
            var grpc = Map(Map(silo, probe), "grpc");
            Assert.Equal(port, Convert.ToInt32(grpc["port"], CultureInfo.InvariantCulture));
            if (grpc.TryGetValue("service", out var service)) Assert.Equal(Hms.Frontend.V1.TheoremProver.Descriptor.FullName, service);
        }
    }
}
