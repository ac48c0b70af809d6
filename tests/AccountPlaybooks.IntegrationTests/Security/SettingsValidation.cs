using System.Diagnostics;
using AccountPlaybooks.Application.Crm;
using AccountPlaybooks.Application.Notifications;
using AccountPlaybooks.Data.Settings;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace AccountPlaybooks.IntegrationTests.Security;

/// A bad setting stops the start and names its key, instead of failing hours later.
public sealed class SettingsValidation
{
    [Theory]
    [InlineData("--Api:MaxRequestBytes=0", "Api:MaxRequestBytes")]
    [InlineData("--Calendar:WorkdayStart=9am", "Calendar:WorkdayStart")]
    [InlineData("--Security:RateLimits:LoginPerIp=0", "Security:RateLimits:LoginPerIp")]
    [InlineData("--Tasks:SlaWarnShare=3", "Tasks:SlaWarnShare")]
    [InlineData("--Simulation:DefaultHorizon=sixty days", "Simulation:DefaultHorizon")]
    [InlineData("--Crm:Kind=pipedrive", "Crm:Kind")]
    [InlineData("--Crm:EventsWebhook=nowhere", "Crm:EventsWebhook")]
    public async Task TheServerDoesNotStartWithABadSettingAndNamesIt(string setting, string key)
    {
        var folder = Directory.CreateTempSubdirectory("accountplaybooks-settings-").FullName;
        try
        {
            var (exitCode, output) = await RunServerAsync(folder, setting);

            Assert.NotEqual(0, exitCode);
            Assert.Contains(key, output);
            Assert.Contains("failed to start", output);
            Assert.False(File.Exists(Path.Combine(folder, "app.db")), "nothing was created before the settings were checked");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void NamesTheKeyOfABadWebhookInsideItsDictionaryWithoutQuotingSecrets()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Notifications:Webhooks:crm:Url"] = "not a url with secret-s3cr3t",
            ["Notifications:Webhooks:crm:Format"] = "xml",
        }).Build();

        var failure = Assert.Throws<OptionsValidationException>(() =>
            SettingsBinding.Read<NotificationsOptions>(configuration, NotificationsOptions.Section));

        Assert.Contains("Notifications:Webhooks:crm:Url", failure.Message);
        Assert.Contains("Notifications:Webhooks:crm:Format", failure.Message);
        Assert.DoesNotContain("s3cr3t", failure.Message);
    }

    [Fact]
    public void NamesTheCrmFieldMappedToAnUnknownValueWithoutQuotingTheToken()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Crm:Kind"] = "hubspot",
            ["Crm:BaseUrl"] = "https://api.hubapi.com",
            ["Crm:Token"] = "pat-secret-s3cr3t",
            ["Crm:Fields:icp_tier"] = "tier",
            ["Crm:Fields:icp_score"] = "compositeScores",
            ["Crm:RecordIdField"] = "hubspot_company_id",
        }).Build();

        var failure = Assert.Throws<OptionsValidationException>(() => SettingsBinding.Read<CrmOptions>(configuration, CrmOptions.Section));

        Assert.Contains("Crm:Fields:icp_score", failure.Message);
        Assert.Contains("maps to an unknown value; use one of", failure.Message);
        Assert.Contains("Crm:RecordIdField", failure.Message);
        Assert.DoesNotContain("Crm:Fields:icp_tier", failure.Message);
        Assert.DoesNotContain("s3cr3t", failure.Message);
    }

    [Fact]
    public void AnUnknownCrmKindAndAMissingTokenAreNamed()
    {
        var unknown = Assert.Throws<OptionsValidationException>(() => SettingsBinding.Read<CrmOptions>(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Crm:Kind"] = "pipedrive" }).Build(), CrmOptions.Section));
        Assert.Contains("Crm:Kind: must be \"hubspot\" or \"salesforce\"", unknown.Message);

        var noToken = Assert.Throws<OptionsValidationException>(() => SettingsBinding.Read<CrmOptions>(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Crm:Kind"] = "salesforce", ["Crm:BaseUrl"] = "https://example.my.salesforce.com", ["Crm:Fields:ICP_Tier__c"] = "tier",
            }).Build(), CrmOptions.Section));
        Assert.Contains("Crm:Token", noToken.Message);
        Assert.Equal("Crm", noToken.OptionsName);
    }

    private static async Task<(int ExitCode, string Output)> RunServerAsync(string folder, string setting)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "AccountPlaybooks.Server.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = folder };
        foreach (var argument in new[]
                 {
                     dll, "--urls", "http://127.0.0.1:0", $"--Database:ConnectionString=Data Source={Path.Combine(folder, "app.db")}",
                     $"--Logging:Folder={Path.Combine(folder, "logs")}", "--Scheduling:Enabled=false", setting,
                 })
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new Xunit.Sdk.XunitException($"the server started (or hung) with {setting}");
        }
        return (process.ExitCode, await output + await errors);
    }
}
