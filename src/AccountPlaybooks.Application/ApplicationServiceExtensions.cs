using AccountPlaybooks.Application.Accounts;
using AccountPlaybooks.Application.Assignment;
using AccountPlaybooks.Application.Audit;
using AccountPlaybooks.Application.Crm;
using AccountPlaybooks.Application.Demo;
using AccountPlaybooks.Application.Hosting;
using AccountPlaybooks.Application.Inbound;
using AccountPlaybooks.Application.Notifications;
using AccountPlaybooks.Application.Outreach;
using AccountPlaybooks.Application.Playbooks;
using AccountPlaybooks.Application.Playbooks.Simulation;
using AccountPlaybooks.Application.Reports;
using AccountPlaybooks.Application.Reps;
using AccountPlaybooks.Application.Reviews;
using AccountPlaybooks.Application.Rules;
using AccountPlaybooks.Application.Scoring;
using AccountPlaybooks.Application.Scoring.Explain;
using AccountPlaybooks.Application.Signals;
using AccountPlaybooks.Application.Tasks;
using AccountPlaybooks.Application.Users;
using AccountPlaybooks.Data.Settings;
using AccountPlaybooks.Workflows.Activities;
using AccountPlaybooks.Workflows.Runtime;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AccountPlaybooks.Application;

public static class ApplicationServiceExtensions
{
    public static IServiceCollection AddAccountPlaybooksApplication(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSettings<EvaluationOptions>(configuration, EvaluationOptions.Section);
        services.AddSettings<RulesOptions>(configuration, RulesOptions.Section);
        services.AddSingleton<RulesetRegistry>();
        services.AddSettings<RuleCostOptions>(configuration, RuleCostOptions.Section);
        services.AddScoped<RuleCostCheck>();
        services.AddSingleton<EvaluationRequests>();
        services.AddSingleton<EvaluationRunner>();
        services.AddScoped<EvaluationQueue>();
        services.AddSettings<TierReviewOptions>(configuration, TierReviewOptions.Section);
        services.AddScoped<TierReviewGate>();
        services.AddScoped<TierReviews>();
        services.AddScoped<AccountEvaluator>();
        services.AddScoped<EvaluationWriter>();
        services.AddScoped<FullEvaluation>();
        services.AddScoped<WhatIf>();
        services.AddScoped<ScoreDistribution>();
        services.AddScoped<WhatIfWorkload>();
        services.AddScoped<AccountExplanations>();
        services.AddScoped<GoldenCasePins>();
        services.AddScoped<AccountImporter>();
        services.AddScoped<AccountTable>();
        services.AddScoped<AccountRecord>();
        services.AddScoped<SignalIngestor>();
        services.AddScoped<SignalProcessor>();
        services.AddScoped<SignalWriter>();
        services.AddSingleton<SqliteWriterTurn>();
        services.AddSingleton<SignalRetries>();
        services.AddScoped<RepDirectory>();
        services.AddScoped<UserAdministration>();
        services.AddSingleton<ApiTokenCache>();
        services.AddScoped<ApiTokens>();
        services.AddScoped<DemoSeeder>();
        services.AddSettings<PlaybooksOptions>(configuration, PlaybooksOptions.Section);
        // Every activity's declared services are checked when the registry is first built (start-up: the playbook
        // catalog needs it), so a missing one stops the host rather than a playbook mid-run (ADR 0032).
        services.AddSingleton(provider => new ActivityRegistry(typeof(ApplicationServiceExtensions).Assembly)
            .RequireServices(provider.GetRequiredService<IServiceProviderIsService>().IsService));
        services.AddSingleton<PlaybookCatalog>();
        services.AddScoped<PlaybookRuntime>();
        services.AddScoped<PlaybookEnrollment>();
        services.AddScoped<PlaybookDelivery>();
        services.AddScoped<TimerSweeper>();
        services.AddScoped<DateTriggerSweep>();
        services.AddScoped<IConditionEvaluator, PlaybookConditions>();
        services.AddSettings<TemplatesOptions>(configuration, TemplatesOptions.Section);
        services.AddSingleton<TemplateRenderer>();
        services.AddSingleton<TemplateCatalog>();
        services.AddScoped<TemplateModelBuilder>();
        services.AddSingleton<TemplateFieldGuide>();
        services.AddScoped<TemplateUsageQuery>();
        services.AddScoped<TemplateListQuery>();
        services.AddScoped<TemplateSaver>();
        services.AddSettings<CalendarOptions>(configuration, CalendarOptions.Section);
        services.AddSingleton<BusinessCalendar>();
        services.AddSettings<TasksOptions>(configuration, TasksOptions.Section);
        services.AddSettings<AssignmentOptions>(configuration, AssignmentOptions.Section);
        services.AddScoped<OwnerAssignment>();
        services.AddScoped<TaskDesk>();
        services.AddScoped<TaskInbox>();
        services.AddScoped<TaskReasons>();
        services.AddScoped<TaskHandover>();
        services.AddScoped<TeamBoard>();
        services.AddNotifications(configuration);
        services.AddCrm(configuration);
        services.AddInbound(configuration);
        services.AddSettings<SimulationOptions>(configuration, SimulationOptions.Section);
        services.AddSingleton<SimulationGate>();
        services.AddScoped<SimulationSeed>();
        services.AddScoped<PlaybookSimulator>();
        services.AddReports();
        services.AddSingleton<LiveContent>();
        services.AddSettings<LiveContentOptions>(configuration, LiveContentOptions.Section);
        services.AddSingleton<LiveContentSync>();
        services.AddScoped<AuditLog>();
        return services;
    }

    /// The long-running parts a server adds: playbooks, rules and task templates made live at start-up, hot reload.
    public static IServiceCollection AddRulesRuntime(this IServiceCollection services)
    {
        services.AddHostedService<LiveContentStartup>();
        services.AddHostedService(provider => provider.GetRequiredService<LiveContentSync>());
        services.AddHostedService<PlaybooksFolderWatcher>();
        services.AddHostedService<RulesFolderWatcher>();
        services.AddHostedService<TemplatesFolderWatcher>();
        return services;
    }

    /// Single-node test mode (Scheduling:Enabled=false): this process runs the queued evaluations (docs/adr/0026).
    public static IServiceCollection AddInProcessEvaluations(this IServiceCollection services)
    {
        services.AddSingleton<InProcessEvaluations>();
        services.AddSingleton<IEvaluationTrigger>(provider => provider.GetRequiredService<InProcessEvaluations>());
        services.AddHostedService(provider => provider.GetRequiredService<InProcessEvaluations>());
        return services;
    }
}
