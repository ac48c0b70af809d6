using Microsoft.Extensions.DependencyInjection;

namespace AccountPlaybooks.Application.Reports;

public static class ReportsServiceExtensions
{
    /// The report queries (docs/reports.md): each reads the database set-wise and returns its rows.
    public static IServiceCollection AddReports(this IServiceCollection services) => services
        .AddScoped<TierDistributionReport>()
        .AddScoped<MovementsReport>()
        .AddScoped<TimeInTierReport>()
        .AddScoped<SlaAttainmentReport>()
        .AddScoped<CoverageReport>()
        .AddScoped<SlaBreachHeatmapReport>()
        .AddScoped<QuietAccountsReport>()
        .AddScoped<PipelineReport>();
}
