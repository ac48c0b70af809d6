using System.CommandLine;
using AccountPlaybooks.Cli.Commands;

namespace AccountPlaybooks.Cli;

// Not top-level statements: the server owns the global Program type that the integration tests host.
public static class Program
{
    public static Task<int> Main(string[] args) => Cli.RunAsync(CreateRoot(), args);

    public static RootCommand CreateRoot() =>
        new("AccountPlaybooks: keep B2B accounts in the right tier and give every tier its playbook.")
        {
            ImportCommands.Create(),
            UserCommands.Create(),
            RulesCommands.Create(),
            WorkflowsCommands.Create(),
            TemplatesCommands.Create(),
            EvaluateCommand.Create(),
            TimersCommand.Create(),
            DatabaseCommands.Migrate(),
            DatabaseCommands.Backup(),
        };
}
