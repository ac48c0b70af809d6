using AccountPlaybooks.Workflows.Definitions;

namespace AccountPlaybooks.UnitTests.Workflows;

public sealed class PlaybookJsonRead
{
    [Theory]
    [InlineData("""{ "id": "x", "name": "X", "nodes": null }""", "cannot be null")]
    [InlineData("""{ "id": "x", "name": "X", "nodes": [ { "id": "a", "type": "Start" } ], "edges": [ { "from": "a", "to": "b" } ] }""", "edges[0] needs")]
    [InlineData("""{ "id": "x", "name": "X", "nodes": [ null ] }""", "nodes[0] needs")]
    [InlineData("""{ "id": "x", "name": "X", "exit": null }""", "cannot be null")]
    [InlineData("""{ "id": "x", "name": "X", "triggers": [ { "type": "signal", "signalTypes": null } ] }""", "triggers[0]")]
    public void RefusesNullsAndHalfWrittenEdgesAsReadErrors(string json, string message)
    {
        var (definition, error) = PlaybookJson.Read(json);

        Assert.Null(definition);
        Assert.Contains(message, error);
    }

    [Fact]
    public void NamesAnUnknownKeyWithoutDotNetTypeNames()
    {
        var (_, error) = PlaybookJson.Read("""{ "id": "x", "name": "X", "tirggers": [] }""");

        Assert.Contains("unknown key 'tirggers'", error);
        Assert.DoesNotContain("AccountPlaybooks.Workflows", error);
        Assert.StartsWith("line 1:", error);
    }
}
