using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace Hms.Deploy.Tests;

/// <summary>One document of deploy/kubernetes: its file, kind, name and body as YAML maps and lists.</summary>
internal sealed record Resource(string File, string Kind, string Name, IDictionary<object, object> Body);

/// <summary>An environment variable the deployment gives the silo; <see cref="Value"/> is null when it comes from a Secret or the downward API.</summary>
internal sealed record EnvSetting(string Name, string? Value, string Source);

/// <summary>The manifests kustomization.yaml lists and the Dockerfile's runtime environment, read as they are written.</summary>
internal static class Manifests
{
    public const string SiloDeployment = "hms-silo";
    public const string SiloContainer = "silo";

    public static IReadOnlyList<Resource> Load()
    {
        var deserializer = new DeserializerBuilder().Build();
        var kustomization = (IDictionary<object, object>)deserializer.Deserialize<object>(File.ReadAllText(Path.Combine(Repo.Kubernetes, "kustomization.yaml")))!;
        var resources = new List<Resource>();
        foreach (var file in ((IEnumerable<object>)kustomization["resources"]).Cast<string>())
        {
            var parser = new Parser(new StringReader(File.ReadAllText(Path.Combine(Repo.Kubernetes, file))));
            parser.Consume<StreamStart>();
            while (parser.Accept<DocumentStart>(out _))
            {
                if (deserializer.Deserialize(parser) is not IDictionary<object, object> body) continue;
                resources.Add(new Resource(file, (string)body["kind"], (string)Map(body, "metadata")["name"], body));
            }
        }
        return resources;
    }

    public static Resource Single(this IReadOnlyList<Resource> resources, string kind, string name) =>
        resources.Single(r => r.Kind == kind && r.Name == name);

    public static IDictionary<object, object> Map(object node, string key) =>
        ((IDictionary<object, object>)node).TryGetValue(key, out var value) && value is IDictionary<object, object> map
            ? map
            : throw new KeyNotFoundException($"no map '{key}'");

    public static IDictionary<object, object>? MapOrNull(object node, string key) =>
        ((IDictionary<object, object>)node).TryGetValue(key, out var value) ? value as IDictionary<object, object> : null;

    public static IEnumerable<IDictionary<object, object>> List(object node, string key) =>
        ((IDictionary<object, object>)node).TryGetValue(key, out var value) && value is IEnumerable<object> list
            ? list.Cast<IDictionary<object, object>>()
            : [];

    public static string Text(object node, string key) => (string)((IDictionary<object, object>)node)[key];

    public static IDictionary<object, object> PodSpec(this IReadOnlyList<Resource> resources) =>
        Map(Map(Map(resources.Single("Deployment", SiloDeployment).Body, "spec"), "template"), "spec");

    public static IDictionary<object, object> Silo(this IReadOnlyList<Resource> resources) =>
        List(resources.PodSpec(), "containers").Single(c => Text(c, "name") == SiloContainer);

    /// <summary>The silo container's environment: its ConfigMaps (envFrom) first, then its own env entries.</summary>
    public static IReadOnlyList<EnvSetting> SiloEnvironment(this IReadOnlyList<Resource> resources)
    {
        var silo = resources.Silo();
        var settings = new List<EnvSetting>();
        foreach (var from in List(silo, "envFrom"))
        {
            var name = Text(Map(from, "configMapRef"), "name");
            var map = resources.Single("ConfigMap", name);
            foreach (var (key, value) in Map(map.Body, "data"))
                settings.Add(new EnvSetting((string)key, (string)value, $"{map.File} ConfigMap/{name}"));
        }
        foreach (var env in List(silo, "env"))
        {
            env.TryGetValue("value", out var value);
            settings.Add(new EnvSetting(Text(env, "name"), value as string, $"silo.yaml Deployment/{SiloDeployment} env"));
        }
        return settings;
    }

    /// <summary>ENV of the Dockerfile's last stage (the runtime image): KEY=VALUE pairs, lines joined at a trailing backslash.</summary>
    public static IReadOnlyList<EnvSetting> DockerfileEnvironment()
    {
        var text = File.ReadAllText(Repo.Dockerfile).Replace("\\\n", " ");
        var lines = text.Split('\n').Select(l => l.Trim()).Where(l => !l.StartsWith('#')).ToList();
        var runtime = lines.FindLastIndex(l => l.StartsWith("FROM ", StringComparison.Ordinal));
        var settings = new List<EnvSetting>();
        foreach (var line in lines.Skip(runtime).Where(l => l.StartsWith("ENV ", StringComparison.Ordinal)))
        {
            foreach (var pair in line[4..].Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var equals = pair.IndexOf('=');
                if (equals <= 0) throw new FormatException($"Dockerfile ENV '{pair}' is not KEY=VALUE");
                settings.Add(new EnvSetting(pair[..equals], pair[(equals + 1)..], "deploy/Dockerfile ENV"));
            }
        }
        return settings;
    }
}
