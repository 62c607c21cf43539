namespace Hms.Service.Tests.Hosting;

/// <summary>The service tests share one server and run one at a time: they kill and restart it.</summary>
[CollectionDefinition(Name)]
public sealed class ServeCollection : ICollectionFixture<ServiceFixture>
{
    public const string Name = "hms serve";
}
