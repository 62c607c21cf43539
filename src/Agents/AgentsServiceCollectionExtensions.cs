using Hms.Agents.Tools;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Protocol;

namespace Hms.Agents;

public static class AgentsServiceCollectionExtensions
{
    /// <summary>
    /// Registers the prover's MCP server: its tools and the language resource. The host adds a transport
    /// (Streamable HTTP, stdio) and runs Orleans: the tools take <see cref="IGrainFactory"/>
    /// from the container.
    /// </summary>
    public static IMcpServerBuilder AddHmsAgents(this IServiceCollection services)
    {
        services.AddSingleton<ProofProgress>();
        return services
            .AddMcpServer(options => options.ServerInfo = new Implementation
            {
                Name = "hms-theorem-prover",
                Title = "HMS Theorem Prover",
                Version = typeof(AgentsServiceCollectionExtensions).Assembly.GetName().Version?.ToString() ?? "0",
            })
            .WithTools<TheoremTools>()
            .WithTools<LanguageTools>()
            .WithResources<LanguageResource>();
    }
}
