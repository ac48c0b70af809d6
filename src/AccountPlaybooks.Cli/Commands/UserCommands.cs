using System.CommandLine;
using AccountPlaybooks.Application;
using AccountPlaybooks.Application.Users;
using AccountPlaybooks.Domain.Users;
using Microsoft.Extensions.DependencyInjection;

namespace AccountPlaybooks.Cli.Commands;

/// `users add`: how the first admin comes to exist outside demo mode (there is no default password).
internal static class UserCommands
{
    public static Command Create()
    {
        var email = new Option<string>("--email") { Description = "Sign-in email", Required = true };
        var name = new Option<string?>("--name") { Description = "Display name (defaults to the email)" };
        var role = new Option<UserRole>("--role") { Description = "admin, ops, manager or rep", Required = true };
        var password = new Option<string?>("--password")
        {
            Description = "Studio password (12+ characters); read from AP_PASSWORD if omitted; without one the user signs in by token only",
        };
        var repId = new Option<string?>("--rep-id") { Description = "The rep record of a rep or manager (their own tasks and team)" };
        var add = new Command("add", "Add a user and print their first API token (shown once)") { email, name, role, password, repId };
        add.SetAction(async (parsed, cancellationToken) =>
        {
            using var host = await CliHost.StartAsync(cancellationToken);
            await using var scope = host.Services.CreateAsyncScope();
            var request = new NewUser(parsed.GetValue(email)!, parsed.GetValue(name) ?? parsed.GetValue(email)!, parsed.GetValue(role),
                parsed.GetValue(password) ?? Environment.GetEnvironmentVariable("AP_PASSWORD"), parsed.GetValue(repId));
            try
            {
                var created = await scope.ServiceProvider.GetRequiredService<UserAdministration>().AddAsync(request, cancellationToken: cancellationToken);
                var output = parsed.InvocationConfiguration.Output;
                await output.WriteLineAsync($"Added {created.User.Email} ({Roles(created.User.Role)}).");
                if (created.Token is { } token)
                {
                    await output.WriteLineAsync($"API token (shown once, store it now): {token}");
                }
                return Cli.Ok;
            }
            catch (ValidationException invalid)
            {
                await ReportPrinter.PrintAsync(parsed.InvocationConfiguration.Error, "users add", invalid);
                return Cli.ValidationErrors;
            }
        });
        return new Command("users", "Manage users and API tokens") { add };
    }

    private static string Roles(UserRole role) => role.ToString().ToLowerInvariant();
}
