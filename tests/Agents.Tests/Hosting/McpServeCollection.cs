namespace Hms.Agents.Tests.Hosting;

[CollectionDefinition(Name)]
public sealed class McpServeCollection : ICollectionFixture<McpServeFixture>
{
    public const string Name = "hms serve --mcp";
}
