using System.Text.Json;
using AccountPlaybooks.Application.Scoring.Facts;

namespace AccountPlaybooks.UnitTests.Application.Scoring;

/// The full re-evaluation parses each stored signal's Properties JSON into a small map instead of a Dictionary
/// (SignalWindowReader): the rules must see exactly what the Dictionary gave them.
public sealed class SignalPropertiesParse
{
    private static readonly JsonSerializerOptions Stored = JsonSerializerOptions.Default;

    public static TheoryData<Dictionary<string, string>> StoredProperties() => new()
    {
        new Dictionary<string, string>(),
        new Dictionary<string, string> { ["page"] = "/pricing" },
        new Dictionary<string, string> { ["page"] = "/pricing?plan=\"team\"&x=1", ["contact"] = "anna@acme.com", ["title"] = "VP Data" },
        new Dictionary<string, string> { ["Page"] = "upper", ["page"] = "lower", ["naïve key"] = "Zürich — 東京 😀", ["empty"] = "" },
        new Dictionary<string, string> { ["a"] = "1", ["b"] = "2", ["c"] = "3", ["d"] = "4", ["e"] = "5", ["f"] = "6", ["g"] = "7", ["h"] = "8", ["i"] = "9" },
        new Dictionary<string, string> { ["long"] = new string('x', 5000) },
    };

    [Theory]
    [MemberData(nameof(StoredProperties))]
    public void ReadsBackWhatTheColumnStored(Dictionary<string, string> properties)
    {
        var json = JsonSerializer.Serialize(properties, Stored);

        var parsed = SignalProperties.Parse(json, new SignalPropertyKeys());

        Assert.Equal(properties.OrderBy(p => p.Key, StringComparer.Ordinal), parsed.OrderBy(p => p.Key, StringComparer.Ordinal));
        foreach (var (key, value) in properties)
        {
            Assert.True(parsed.ContainsKey(key));
            Assert.Equal(value, parsed[key]);
        }
    }

    [Fact]
    public void LooksUpKeysCaseSensitivelyAndThrowsLikeADictionaryForMissingOnes()
    {
        var parsed = SignalProperties.Parse("""{"page":"/pricing"}""", new SignalPropertyKeys());

        Assert.False(parsed.ContainsKey("Page"));
        Assert.False(parsed.TryGetValue("contact", out _));
        // A rule's s.Properties["contact"] on a signal without it fails the rule (CompiledRule catches this type).
        Assert.Throws<KeyNotFoundException>(() => parsed["contact"]);
    }

    [Fact]
    public void KeepsTheLastValueOfARepeatedKeyAndReadsEscapedNames()
    {
        var keys = new SignalPropertyKeys();

        var parsed = SignalProperties.Parse("""{"page":"/a","p\u0061ge":"/b","x":null}""", keys);

        Assert.Equal(2, parsed.Count);
        Assert.Equal("/b", parsed["page"]);
        Assert.Null(parsed["x"]);
    }

    [Fact]
    public void SharesKeyStringsAcrossSignalsOfOneReader()
    {
        var keys = new SignalPropertyKeys();

        var first = SignalProperties.Parse("""{"page":"/a"}""", keys);
        var second = SignalProperties.Parse("""{"page":"/b"}""", keys);

        Assert.Same(first.Keys.Single(), second.Keys.Single());
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("null")]
    public void EmptyOrNullIsAnEmptyMap(string json) => Assert.Empty(SignalProperties.Parse(json, new SignalPropertyKeys()));

    [Theory]
    [InlineData("""["a"]""")]
    [InlineData("""{"n":1}""")]
    public void RefusesWhatTheDictionaryColumnWouldRefuse(string json) =>
        Assert.ThrowsAny<JsonException>(() => SignalProperties.Parse(json, new SignalPropertyKeys()));
}
