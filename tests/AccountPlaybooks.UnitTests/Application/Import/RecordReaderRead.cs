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

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task YieldsEveryObjectBeforeTheBreakAndNamesItsPositionGivenLargeFile(bool array)
    {
        var objects = Enumerable.Range(1, 20_000).Select(i => i == 15_000 ? "{\"id\":\"x\",\"name\": }" : $"{{\"id\":\"a{i}\",\"name\":\"Account {i}\"}}");
        var json = array ? "[" + string.Join(",\n", objects) + "]" : string.Join("\n\n", objects);
        var records = new List<SourceRecord>();

        var exception = await Assert.ThrowsAsync<MalformedFileException>(async () =>
        {
            await foreach (var record in RecordReader.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(json)), RecordFormat.Json))
            {
                records.Add(record);
            }
        });

        Assert.Equal(15_000, exception.Row);
        Assert.Equal(14_999, records.Count);
        Assert.Equal(Enumerable.Range(1, 14_999), records.Select(r => r.Row));
        Assert.Equal("a14999", records[^1].Fields["id"]);
    }

    [Fact]
    public async Task ReadsAnObjectLargerThanOneBufferWhole()
    {
        var notes = new string('n', 3 * 1024 * 1024);

        var records = await ReadAsync("[{\"id\":\"a\",\"customFields\":{\"notes\":\"" + notes + "\"}},{\"id\":\"b\"}]", RecordFormat.Json);

        Assert.Equal([notes.Length, 0], records.Select(r => r.Fields.GetValueOrDefault("customFields.notes")?.Length ?? 0));
    }

    [Fact]
    public async Task NamesTheLastObjectGivenArrayCutShort()
    {
        var exception = await Assert.ThrowsAsync<MalformedFileException>(() => ReadAsync("""[{"id":"a"},{"id":"b"}""", RecordFormat.Json));

        Assert.Equal((2, true), (exception.Row, exception.RowIsComplete));
    }

    [Fact]
    public async Task SkipsTheByteOrderMarkGivenJson()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("""[{"id":"a"}]""")).ToArray();
        var records = new List<SourceRecord>();
        await foreach (var record in RecordReader.ReadAsync(new MemoryStream(bytes), RecordFormat.Json))
        {
            records.Add(record);
        }

        Assert.Equal("a", Assert.Single(records).Fields["id"]);
    }

    [Fact]
    public async Task KeepsTheJsonKindOfEachValue()
    {
        var record = Assert.Single(await ReadAsync("""{"id":7,"name":"A","tags":["x"],"mixed":[1],"flag":true,"nested":{"a":null}}""", RecordFormat.Json));

        Assert.Equal(
            [JsonKind.Number, JsonKind.Text, JsonKind.TextList, JsonKind.OtherList, JsonKind.Boolean, JsonKind.Object, JsonKind.Null],
            new[] { "id", "name", "tags", "mixed", "flag", "nested", "nested.a" }.Select(key => record.Kinds![key]));
    }

    [Fact]
    public async Task StopsAtTheRowGivenUnclosedQuoteInCsv()
    {
        var records = new List<SourceRecord>();

        var exception = await Assert.ThrowsAsync<MalformedFileException>(async () =>
        {
            await foreach (var record in RecordReader.ReadAsync(
                new MemoryStream(Encoding.UTF8.GetBytes("id,name,industry\na,A,x\nb,\"B,x\nc,C,x\nd,D,x\n")), RecordFormat.Csv))
            {
                records.Add(record);
            }
        });

        Assert.Equal(3, exception.Row);
        Assert.Equal([2], records.Select(r => r.Row));
    }

    [Fact]
    public async Task StopsAtTheRowGivenCsvCellBeyondTheLimit()
    {
        var csv = "id,notes\na,short\nb," + new string('x', ImportLimits.MaxCsvCellLength + 10) + "\nc,short\n";
        var records = new List<SourceRecord>();

        var exception = await Assert.ThrowsAsync<MalformedFileException>(async () =>
        {
            await foreach (var record in RecordReader.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(csv)), RecordFormat.Csv))
            {
                records.Add(record);
            }
        });

        Assert.Equal(3, exception.Row);
        Assert.Equal([2], records.Select(r => r.Row));
    }
}
