using AccountPlaybooks.Application.Import;
using AccountPlaybooks.Application.Signals;

namespace AccountPlaybooks.UnitTests.Application.Signals;

public sealed class SignalFieldsApply
{
    private static (SignalDraft Draft, List<ImportError> Errors) Apply(Dictionary<string, string?> fields)
    {
        var draft = new SignalDraft();
        return (draft, SignalFields.Map.Apply(new SourceRecord(3, fields), draft));
    }

    [Theory]
    [InlineData("Email Open", "email_open")]
    [InlineData("page-visit", "page_visit")]
    [InlineData("intent.surge", "intent.surge")]
    public void NormalisesTypeSpelling(string given, string stored)
    {
        var (draft, errors) = Apply(new() { ["id"] = "s", ["type"] = given });

        Assert.Empty(errors);
        Assert.Equal(stored, draft.Type);
    }

    [Fact]
    public void RejectsTypeWithSymbols()
    {
        var (_, errors) = Apply(new() { ["id"] = "s", ["type"] = "email/open!" });

        Assert.Equal("type", Assert.Single(errors).Column);
    }

    [Fact]
    public void PutsUnknownAndPrefixedColumnsIntoProperties()
    {
        var (draft, errors) = Apply(new()
        {
            ["id"] = "s", ["type"] = "page_visit", ["properties.page"] = "/pricing", ["contact"] = "j.doe@acme.com", ["empty"] = " ",
        });

        Assert.Empty(errors);
        Assert.Equal(new Dictionary<string, string> { ["page"] = "/pricing", ["contact"] = "j.doe@acme.com" }, draft.Properties);
    }

    [Fact]
    public void RequiresIdAndType()
    {
        var (_, errors) = Apply(new() { ["accountId"] = "a" });

        Assert.Equal(["id", "type"], errors.Select(e => e.Column).Order());
    }
}
