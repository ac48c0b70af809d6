using AccountPlaybooks.IntegrationTests.Playbooks;
using AccountPlaybooks.Tests;
using static AccountPlaybooks.IntegrationTests.Cli.CliCommand;

namespace AccountPlaybooks.IntegrationTests.Cli;

/// `workflows validate` from the command line: no server, no database, the checks a publish runs.
public sealed class CliWorkflows : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("accountplaybooks-cli-workflows-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private void Save(string file, string json) => File.WriteAllText(Path.Combine(_folder, file), json);

    [Fact]
    public async Task ExitsWith0GivenValidPlaybooksAndSkipsTheSchema()
    {
        Save("follow-up.json", PlaybooksApiSamples.Valid("follow-up"));
        Save("nurture.json", PlaybooksApiSamples.Valid("nurture"));
        File.Copy(Path.Combine(RepoPaths.Root, "workflows", "playbook.schema.json"), Path.Combine(_folder, "playbook.schema.json"));

        var (exit, output) = await RunAsync("workflows", "validate", _folder);

        Assert.Equal(0, exit);
        Assert.Contains("2 playbook(s) valid", output);
    }

    [Fact]
    public async Task ExitsWith1AndNamesTheNodeGivenDanglingEdge()
    {
        Save("follow-up.json", PlaybooksApiSamples.Valid("follow-up"));
        Save("broken.json", PlaybooksApiSamples.Valid("broken").Replace("\"to\": \"wait\"", "\"to\": \"nowhere\""));

        var (exit, output) = await RunAsync("workflows", "validate", _folder);

        Assert.Equal(1, exit);
        Assert.Contains("broken.json: node pause, port Done: the edge goes to node nowhere, which does not exist (a dangling edge)", output);
        Assert.DoesNotContain("follow-up.json:", output);
    }

    [Fact]
    public async Task ExitsWith1GivenUnreadableFileOrTwoFilesWithOneId()
    {
        Save("a.json", PlaybooksApiSamples.Valid("same"));
        Save("b.json", PlaybooksApiSamples.Valid("same"));
        Save("c.json", "{ \"id\": \"c\", ");

        var (exit, output) = await RunAsync("workflows", "validate", _folder);

        Assert.Equal(1, exit);
        Assert.Contains("b.json: id: same is also the id of a.json", output);
        Assert.Contains("c.json: the playbook cannot be read: line 1", output);
    }

    [Fact]
    public async Task ExitsWith0GivenTheRepositoryWorkflowsFolder()
    {
        var (exit, output) = await RunAsync("workflows", "validate", Path.Combine(RepoPaths.Root, "workflows"));

        Assert.True(exit == 0, output);
    }

    [Fact]
    public async Task ExitsWith2GivenMissingFolder()
    {
        Assert.Equal(2, (await RunAsync("workflows", "validate", Path.Combine(_folder, "missing"))).Exit);
    }
}
