using AccountPlaybooks.Application.Inbound;
using AccountPlaybooks.Data.Settings;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace AccountPlaybooks.IntegrationTests.Inbound;

/// A bad Inbound setting stops the start with its key named, the source's index included, and never quotes the token.
public sealed class InboundSettingsValidation
{
    [Fact]
    public void NamesEachBadSourceSettingAndAMissingFolderWithoutQuotingTheToken()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Inbound:Folder"] = Path.Combine(Path.GetTempPath(), "no-such-inbound-folder-" + Guid.NewGuid().ToString("N")),
            ["Inbound:Sources:0:Url"] = "https://exports.example.com/signals.ndjson",
            ["Inbound:Sources:0:Kind"] = "signals",
            ["Inbound:Sources:0:Format"] = "json",
            ["Inbound:Sources:1:Url"] = "ftp://exports.example.com/accounts.csv",
            ["Inbound:Sources:1:Kind"] = "contacts",
            ["Inbound:Sources:1:Format"] = "xml",
            ["Inbound:Sources:1:Token"] = "tok-s3cr3t",
        }).Build();

        var failure = Assert.Throws<OptionsValidationException>(() => SettingsBinding.Read<InboundOptions>(configuration, InboundOptions.Section));

        Assert.Contains("Inbound:Folder: is not an existing folder", failure.Message);
        Assert.Contains("Inbound:Sources:1:Url", failure.Message);
        Assert.Contains("Inbound:Sources:1:Kind: must be \"accounts\" or \"signals\"", failure.Message);
        Assert.Contains("Inbound:Sources:1:Format", failure.Message);
        Assert.DoesNotContain("Inbound:Sources:0", failure.Message);
        Assert.DoesNotContain("tok-s3cr3t", failure.Message);
    }

    [Fact]
    public void NamesAnIntervalOutOfRange()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Inbound:IntervalMinutes"] = "0" }).Build();

        var failure = Assert.Throws<OptionsValidationException>(() => SettingsBinding.Read<InboundOptions>(configuration, InboundOptions.Section));

        Assert.Contains("Inbound:IntervalMinutes", failure.Message);
    }

    [Fact]
    public void IsOffWhenNothingIsConfigured() =>
        Assert.False(SettingsBinding.Read<InboundOptions>(new ConfigurationBuilder().Build(), InboundOptions.Section).Enabled);
}
