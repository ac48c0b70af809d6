using System.CommandLine;
using AccountPlaybooks.Application;
using AccountPlaybooks.Application.Rules;
using AccountPlaybooks.Workflows.Activities;
using AccountPlaybooks.Workflows.Definitions;
using AccountPlaybooks.Workflows.Validation;

namespace AccountPlaybooks.Cli.Commands;

/// `workflows validate [dir]`: the checks a publish runs, on every playbook file, without a server or a database.
internal static class WorkflowsCommands
{
    /// The host's activities and the rules' expression sandbox, as the server's PlaybookCatalog validates with.
    /// Templates are not checked here: that needs the template store.
    private static readonly ActivityRegistry Registry = new(typeof(ApplicationServiceExtensions).Assembly);

    private static readonly ValidationHooks Hooks = new(CheckExpression: e => RuleExpressions.Compile(e).Problem?.ToString());

    public static Command Create() => new("workflows", "Check playbook files without a server")
    {
        Validate(),
    };

    private static Command Validate()
    {
        var folder = new Argument<DirectoryInfo>("DIR")
        {
            Description = "The playbooks folder (default: workflows)",
            DefaultValueFactory = _ => new DirectoryInfo("workflows"),
        };
        var command = new Command("validate", "Read and validate every playbook (*.json): graph, ports, inputs, durations, conditions, triggers")
        {
            folder,
        };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var output = parsed.InvocationConfiguration.Output;
            var path = parsed.GetValue(folder)!.FullName;
            if (!Directory.Exists(path))
            {
                await parsed.InvocationConfiguration.Error.WriteLineAsync($"{path}: no such folder");
                return Cli.UsageErrors;
            }
            var files = Directory.GetFiles(path, "*.json").Where(p => !p.EndsWith(".schema.json", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal).ToList();
            var owners = new Dictionary<string, string>();
            int problems = 0, bad = 0;
            foreach (var file in files)
            {
                var name = Path.GetFileName(file);
                var found = Check(await File.ReadAllTextAsync(file, cancellationToken), name, owners);
                foreach (var problem in found)
                {
                    await output.WriteLineAsync($"{name}: {problem}");
                }
                problems += found.Count;
                bad += found.Count > 0 ? 1 : 0;
            }
            await output.WriteLineAsync(problems == 0
                ? $"{files.Count} playbook(s) valid"
                : $"{problems} problem(s) in {bad} of {files.Count} playbook(s); a server would keep their live versions");
            return problems == 0 ? Cli.Ok : Cli.ValidationErrors;
        });
        return command;
    }

    private static List<string> Check(string json, string file, Dictionary<string, string> owners)
    {
        var (definition, error) = PlaybookJson.Read(json);
        if (definition is null)
        {
            return [$"the playbook cannot be read: {error ?? "the file is empty"}"];
        }
        List<string> problems;
        try
        {
            problems = PlaybookValidator.Validate(definition, Registry, Hooks).Select(p => p.ToString()).ToList();
        }
        catch (Exception exception) when (exception is NullReferenceException or ArgumentNullException)
        {
            // The reader lets an explicit null (or an edge without "from"/"to") through and the validator then trips
            // on it; one such file should not end the report on the others.
            return [$"the playbook cannot be validated: a value is null or missing ({exception.Message}); check for null values and edges without from, port or to"];
        }
        // Two files with one id would take turns being the live version on every save.
        if (!owners.TryAdd(definition.Id, file))
        {
            problems.Add($"id: {definition.Id} is also the id of {owners[definition.Id]}; each playbook needs its own id");
        }
        return problems;
    }
}
