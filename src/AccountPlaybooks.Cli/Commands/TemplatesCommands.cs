using System.CommandLine;
using AccountPlaybooks.Application.Outreach;
using Microsoft.Extensions.DependencyInjection;

namespace AccountPlaybooks.Cli.Commands;

/// `templates validate [DIR]`: the checks a save runs, on every template, without a server or a database.
/// `templates render NAME --account ID [--signal ID]`: a template's title and body for a real account.
internal static class TemplatesCommands
{
    public static Command Create() => new("templates", "Check and try task templates")
    {
        Validate(),
        Render(),
    };

    private static Command Validate()
    {
        var folder = FolderArgument();
        var command = new Command("validate", "Parse every template (*.sbn), check the fields it names and render it against the samples")
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
            var renderer = new TemplateRenderer(new TemplatesOptions());
            var files = Directory.GetFiles(path, "*" + TemplatesFolder.Extension).Order(StringComparer.Ordinal).ToList();
            int problems = 0, bad = 0;
            foreach (var file in files)
            {
                var fileName = Path.GetFileName(file);
                var found = TemplatesFolder.NameOf(fileName) is null
                    ? [new TemplateProblem(fileName, null, null, "not a template name: letters, digits, '-' and '_' before .sbn")]
                    : renderer.Validate(fileName, await File.ReadAllTextAsync(file, cancellationToken));
                foreach (var problem in found)
                {
                    await output.WriteLineAsync(problem.ToString());
                }
                problems += found.Count;
                bad += found.Count > 0 ? 1 : 0;
            }
            await output.WriteLineAsync(problems == 0
                ? $"{files.Count} template(s) valid"
                : $"{problems} problem(s) in {bad} of {files.Count} template(s)");
            return problems == 0 ? Cli.Ok : Cli.ValidationErrors;
        });
        return command;
    }

    private static Command Render()
    {
        var name = new Argument<string>("NAME") { Description = "The template, e.g. tier1-research-brief" };
        var account = new Option<string>("--account") { Description = "The account id to render against", Required = true };
        var signal = new Option<string?>("--signal") { Description = "The id of a signal on the account, as the triggering signal" };
        var folder = new Option<DirectoryInfo?>("--dir") { Description = "The templates folder (default: Templates:Folder, else templates)" };
        var command = new Command("render", "Render a template's task title and body for a real account; writes nothing")
        {
            name, account, signal, folder,
        };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var (output, error) = (parsed.InvocationConfiguration.Output, parsed.InvocationConfiguration.Error);
            if (TemplatesFolder.NameOf(parsed.GetValue(name)!) is not { } template)
            {
                await error.WriteLineAsync($"'{parsed.GetValue(name)}' is not a template name: letters, digits, '-' and '_'");
                return Cli.UsageErrors;
            }
            using var host = await CliHost.StartAsync(cancellationToken);
            var path = Path.Combine(parsed.GetValue(folder)?.FullName ?? host.Services.GetRequiredService<TemplatesOptions>().Folder,
                TemplatesFolder.FileOf(template));
            if (!File.Exists(path))
            {
                await error.WriteLineAsync($"{Path.GetFullPath(path)}: no such template");
                return Cli.UsageErrors;
            }
            var file = Path.GetFileName(path);
            var text = await File.ReadAllTextAsync(path, cancellationToken);
            var renderer = host.Services.GetRequiredService<TemplateRenderer>();
            if (await PrintAsync(output, renderer.Validate(file, text)))
            {
                return Cli.ValidationErrors;
            }
            await using var scope = host.Services.CreateAsyncScope();
            var (model, missing) = await scope.ServiceProvider.GetRequiredService<TemplateModelBuilder>()
                .BuildAsync(parsed.GetValue(account)!, parsed.GetValue(signal), cancellationToken: cancellationToken);
            if (model is null)
            {
                await error.WriteLineAsync($"there is no {missing}");
                return Cli.UsageErrors;
            }
            var rendered = renderer.Render(file, text, model);
            if (await PrintAsync(output, rendered.Problems) || rendered.Task is not { } task)
            {
                return Cli.ValidationErrors;
            }
            await output.WriteLineAsync(task.Title);
            await output.WriteLineAsync();
            await output.WriteLineAsync(task.Body);
            return Cli.Ok;
        });
        return command;
    }

    /// Prints the problems, one a line; true if there were any.
    private static async Task<bool> PrintAsync(TextWriter output, IReadOnlyList<TemplateProblem> problems)
    {
        foreach (var problem in problems)
        {
            await output.WriteLineAsync(problem.ToString());
        }
        return problems.Count > 0;
    }

    private static Argument<DirectoryInfo> FolderArgument() => new("DIR")
    {
        Description = "The templates folder (default: templates)",
        DefaultValueFactory = _ => new DirectoryInfo("templates"),
    };
}
