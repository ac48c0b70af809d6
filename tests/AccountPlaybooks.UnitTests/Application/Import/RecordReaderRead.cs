using System.Text;
using AccountPlaybooks.Application.Import;

namespace AccountPlaybooks.UnitTests.Application.Import;

public sealed class RecordReaderRead
{
    private static async Task<List<SourceRecord>> ReadAsync(string text, RecordFormat format)
    {
        var records = new List<SourceRecord>();
        await foreach (var record in RecordReader.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(text)), format))
        {
            records.Add(record);
        }
        return records;
    }

    [Fact]
    public async Task NumbersCsvRowsLikeASpreadsheetGivenHeader()
    {
        var records = await ReadAsync("id,name\na,Alpha\nb,\"Beta, Inc\"\n", RecordFormat.Csv);

        Assert.Equal([2, 3], records.Select(r => r.Row));
        Assert.Equal("Beta, Inc", records[1].Fields["name"]);
    }

    [Fact]
    public async Task ReportsColumnCountGivenShortCsvRow()
    {
        var records = await ReadAsync("id,name,domain\na,Alpha\n", RecordFormat.Csv);

        Assert.Equal("the row has 2 columns but the header has 3", Assert.Single(records).Problem);
    }

    [Fact]
    public async Task DetectsSemicolonDelimiterGivenEuropeanExport()
    {
        var records = await ReadAsync("id;name\na;Alpha\n", RecordFormat.Csv);

        Assert.Equal("Alpha", Assert.Single(records).Fields["name"]);
    }

    [Theory]
    [InlineData("""[{"id":"a"},{"id":"b"}]""")]
    [InlineData("{\"id\":\"a\"}\n{\"id\":\"b\"}\n")]
    public async Task ReadsArraysAndNdjsonAlike(string json)
    {
        var records = await ReadAsync(json, RecordFormat.Json);

        Assert.Equal(["a", "b"], records.Select(r => r.Fields["id"]));
        Assert.Equal([1, 2], records.Select(r => r.Row));
    }

    [Fact]
    public async Task FlattensNestedObjectsAndArrays()
    {
        var record = Assert.Single(await ReadAsync("""  {"id":"a","employees":120,"techStack":["Salesforce","dbt"],"customFields":{"tier_hint":"A"}}""", RecordFormat.Json));

        Assert.Equal(("120", "Salesforce;dbt", "A"), (record.Fields["employees"], record.Fields["techStack"], record.Fields["customFields.tier_hint"]));
    }

    [Fact]
    public async Task ThrowsWithRowGivenMalformedJson()
    {
        var exception = await Assert.ThrowsAsync<MalformedFileException>(() => ReadAsync("""[{"id":"a"},{"id":}]""", RecordFormat.Json));

        Assert.Equal(2, exception.Row);
    }

    [Fact]
    public async Task ReportsNonObjectsGivenArrayOfNumbers()
    {
        var records = await ReadAsync("[1]", RecordFormat.Json);

        Assert.Equal("expected a JSON object, found number", Assert.Single(records).Problem);
    }
}
