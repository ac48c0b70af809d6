using AccountPlaybooks.Application;
using AccountPlaybooks.Application.Signals;
using AccountPlaybooks.Data;
using AccountPlaybooks.Server.Accounts;
using AccountPlaybooks.Server.Audit;
using AccountPlaybooks.Server.Auth;
using AccountPlaybooks.Server.Crm;
using AccountPlaybooks.Server.Demo;
using AccountPlaybooks.Server.Evaluations;
using AccountPlaybooks.Server.Health;
using AccountPlaybooks.Server.Inbound;
using AccountPlaybooks.Server.Hosting;
using AccountPlaybooks.Server.Notifications;
using AccountPlaybooks.Server.Playbooks;
using AccountPlaybooks.Server.Reports;
using AccountPlaybooks.Server.Reps;
using AccountPlaybooks.Server.Reviews;
using AccountPlaybooks.Server.Rules;
using AccountPlaybooks.Server.Scheduling;
using AccountPlaybooks.Server.Security;
using AccountPlaybooks.Server.Signals;
using AccountPlaybooks.Server.Tasks;
using AccountPlaybooks.Server.Team;
using AccountPlaybooks.Server.Templates;
using AccountPlaybooks.Server.Users;
using Serilog;

Log.Logger = Logging.CreateBootstrapLogger();
try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddAccountPlaybooksLogging();
    builder.Services.AddAccountPlaybooksData(builder.Configuration);
    builder.Services.AddAccountPlaybooksApplication(builder.Configuration).AddRulesRuntime().AddSignalIntake(builder.Configuration);
    builder.AddAccountPlaybooksApi();
    builder.AddAccountPlaybooksAuth();
    builder.AddAccountPlaybooksSecurity();
    builder.AddAccountPlaybooksHealth();
    builder.AddPlaybookScheduling();
    builder.AddDemoMode();

    var app = builder.Build();
    await app.Services.MigrateDatabaseAsync();
    await app.SeedDemoDataAsync();

    app.UseAccountPlaybooksPipeline();
    app.MapHealth();
    app.MapAuthApi();
    app.MapAccountsApi();
    app.MapAccountExplainApi();
    app.MapSignalsApi();
    app.MapTasksApi();
    app.MapTeamApi();
    app.MapReportsApi();
    app.MapRepsApi();
    app.MapRepNotificationsApi();
    app.MapUsersApi();
    app.MapTokensApi();
    app.MapRulesApi();
    app.MapGoldenCasesApi();
    app.MapEvaluationsApi();
    app.MapPlaybooksApi();
    app.MapTemplatesApi();
    app.MapNotificationsApi();
    app.MapCrmApi();
    app.MapImportsApi();
    app.MapAuditApi();
    app.MapTierReviewApi();

    await app.RunAsync();
    return 0;
}
catch (Exception exception) when (exception is not HostAbortedException)
{
    Log.Fatal(exception, "AccountPlaybooks failed to start");
    return 1;
}
finally
{
    await Log.CloseAndFlushAsync();
}
