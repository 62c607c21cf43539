namespace Hms.Web.Tests.Hosting;

[CollectionDefinition(Name)]
public sealed class WebServeCollection : ICollectionFixture<WebServeFixture>
{
    public const string Name = "hms serve --web";
}
