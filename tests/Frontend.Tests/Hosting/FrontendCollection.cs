namespace Hms.Frontend.Tests.Hosting;

/// <summary>The API tests share one host; xunit runs the tests of a collection one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class FrontendCollection : ICollectionFixture<FrontendHost>
{
    public const string Name = "frontend host";
}
