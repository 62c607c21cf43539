using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Hosting.Kubernetes;

namespace Hms.Silo.Hosting;

/// <summary>
/// A silo in a Kubernetes pod (deploy/kubernetes): with Hms:Kubernetes:Enabled, Orleans' Kubernetes hosting names
/// the silo after its pod, advertises the pod's IP, and declares a silo dead as soon as its pod is deleted
/// instead of after missed probes. Membership itself stays in PostgreSQL (--clustering postgres): the
/// Kubernetes API only speeds up what membership decides.
/// </summary>
public static class KubernetesHosting
{
    /// <summary>Configuration section: Enabled, plus the package's own MaxAgents, MaxKubernetesApiRetryAttempts, DeleteDefunctSiloPods.</summary>
    public const string Section = "Hms:Kubernetes";

    /// <summary>
    /// Off by default: outside a pod the package finds no API server and its agent fails the start. The pod's
    /// name, namespace and IP come from the downward API (POD_NAME, POD_NAMESPACE, POD_IP; see
    /// <see cref="KubernetesHostingOptions"/>), read by the package itself.
    /// </summary>
    public static ISiloBuilder UseHmsKubernetesHosting(this ISiloBuilder silo)
    {
        if (!silo.Configuration.GetSection(Section).GetValue("Enabled", false)) return silo;
        // After the clustering setup on purpose: the package then overrides the silo name (the pod's) and,
        // where no address was pinned (--host 0.0.0.0), advertises the pod's IP.
        return silo.UseKubernetesHosting(options => options.BindConfiguration(Section)
            .Validate(o => o.MaxAgents >= 1, $"{Section}:MaxAgents must be at least 1")
            .Validate(o => o.MaxKubernetesApiRetryAttempts >= 0, $"{Section}:MaxKubernetesApiRetryAttempts must not be negative")
            .ValidateOnStart());
    }
}
