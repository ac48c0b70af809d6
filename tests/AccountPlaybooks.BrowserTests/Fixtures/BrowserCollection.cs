namespace AccountPlaybooks.BrowserTests.Fixtures;

/// One server and one Chromium for every browser test class; the classes of a collection run one after another.
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<ServerProcess>, ICollectionFixture<Chromium>
{
    public const string Name = "browser";
}
