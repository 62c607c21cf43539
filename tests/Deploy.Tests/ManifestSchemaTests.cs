using System.Diagnostics;

namespace Hms.Deploy.Tests;

/// <summary>
/// deploy/kubernetes against the Kubernetes API's schemas, by deploy/validate (node; its packages are installed
/// from the npm registry by `./hms test` or `npm ci` in deploy/validate, then it runs offline).
/// </summary>
public sealed class ManifestSchemaTests
{
    [Fact]
    public async Task ManifestsPassTheKubernetesSchemas()
    {
        var (code, output) = await ValidateAsync(Repo.Kubernetes);

        Assert.True(code == 0, output);
        Assert.Contains("PASS silo.yaml#1 Deployment/hms-silo", output);
        Assert.DoesNotContain("FAIL", output);
    }

    /// <summary>The validator can fail: a misspelt field, a string count and a file kustomize would not apply.</summary>
    [Fact]
    public async Task ValidatorRefusesUnknownFieldsWrongTypesAndUnlistedFiles()
    {
        var copy = Directory.CreateTempSubdirectory("hms-deploy-manifests-");
        try
        {
            foreach (var file in Directory.GetFiles(Repo.Kubernetes)) File.Copy(file, Path.Combine(copy.FullName, Path.GetFileName(file)));
            var silo = Path.Combine(copy.FullName, "silo.yaml");
            var text = File.ReadAllText(silo);
            Assert.Contains("          livenessProbe:", text);
            Assert.Contains("  replicas: 3", text);
            File.WriteAllText(silo, text.Replace("          livenessProbe:", "          livenesProbe:").Replace("  replicas: 3", "  replicas: \"3\""));
            File.WriteAllText(Path.Combine(copy.FullName, "stray.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: stray}\n");

            var (code, output) = await ValidateAsync(copy.FullName);

            Assert.Equal(1, code);
            Assert.Contains("FAIL silo.yaml#1 Deployment/hms-silo", output);
            Assert.Contains("'\"livenesProbe\"' does not exist in type 'IContainer'", output);
            Assert.Contains("/spec/replicas must be integer", output);
            Assert.Contains("stray.yaml: not listed in kustomization.yaml resources", output);
            Assert.Contains("PASS pdb.yaml#1 PodDisruptionBudget/hms-silo", output);
        }
        finally
        {
            copy.Delete(recursive: true);
        }
    }

    private static async Task<(int Code, string Output)> ValidateAsync(string folder)
    {
        Assert.True(Directory.Exists(Path.Combine(Repo.Validator, "node_modules", "kubernetes-models")),
            $"the validator's packages are not installed: run `npm ci` in {Repo.Validator} (./hms test does)");
        var start = new ProcessStartInfo("node", [Path.Combine(Repo.Validator, "validate.mjs"), folder])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Repo.Validator,
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("deploy/validate did not finish within 2 minutes");
        }
        return (process.ExitCode, await stdout + await stderr);
    }
}
