using System.Text.Json;
using System.Text.Json.Nodes;
using AccountPlaybooks.IntegrationTests.Fixtures;
using AccountPlaybooks.Tests;

namespace AccountPlaybooks.IntegrationTests.OpenApi;

/// The Studio's TypeScript types are generated from src/studio/openapi.json; this keeps that file equal to what the
/// server serves. AP_UPDATE_OPENAPI=1 rewrites the file instead of comparing.
public sealed class OpenApiDocumentCommitted(SqliteApp app) : IClassFixture<SqliteApp>
{
    public static string CommittedPath => Path.Combine(RepoPaths.Root, "src", "studio", "openapi.json");

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    [Fact]
    public async Task OpenApiDocumentIsCommitted()
    {
        var served = Normalize(await app.AnonymousClient().GetStringAsync("/openapi/v1.json"));

        if (Environment.GetEnvironmentVariable("AP_UPDATE_OPENAPI") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(CommittedPath)!);
            await File.WriteAllTextAsync(CommittedPath, served);
            return;
        }
        var committed = File.Exists(CommittedPath) ? Normalize(await File.ReadAllTextAsync(CommittedPath)) : "";
        Assert.True(committed == served, "src/studio/openapi.json is stale: run AP_UPDATE_OPENAPI=1 ./scripts/test.sh --filter " +
            "OpenApiDocumentIsCommitted, then cd src/studio && npm run gen:api" + FirstDifference(committed, served));
    }

    /// Parsed and written again, indented, with a final newline: formatting never makes the file stale.
    public static string Normalize(string json) => JsonNode.Parse(json)!.ToJsonString(Indented).ReplaceLineEndings("\n") + "\n";

    private static string FirstDifference(string committed, string served)
    {
        var left = committed.Split('\n');
        var right = served.Split('\n');
        for (var i = 0; i < Math.Max(left.Length, right.Length); i++)
        {
            var a = i < left.Length ? left[i] : "(end of file)";
            var b = i < right.Length ? right[i] : "(end of file)";
            if (a != b)
            {
                return $"\nfirst difference at line {i + 1}:\n  committed: {a.Trim()}\n  served:    {b.Trim()}";
            }
        }
        return "";
    }
}
