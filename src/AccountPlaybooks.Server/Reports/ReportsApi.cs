using System.ComponentModel;
using AccountPlaybooks.Application.Reports;
using AccountPlaybooks.Server.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AccountPlaybooks.Server.Reports;

/// The dashboard's reports (docs/reports.md), for admins, managers and ops. Each answers JSON rows, or the same rows as
/// CSV with ?format=csv (or Accept: text/csv). Ranged reports cover [from, to), by default the last 30 days.
public static class ReportsApi
{
    private const string FormatHelp = "json (default) or csv; an Accept: text/csv header also asks for CSV";
    private const string FromHelp = "start of the range (inclusive, UTC); default: 30 days before to";
    private const string ToHelp = "end of the range (exclusive, UTC); default: now";

    public static void MapReportsApi(this WebApplication app)
    {
        var reports = app.MapGroup("/api/reports").WithTags("Reports").RequireAuthorization(Policies.Reports).ProducesCsvToo();
        reports.MapGet("/tier-distribution", TierDistribution).WithName("TierDistributionReport").ProducesValidationProblem()
            .WithSummary("Accounts per tier now, in the live rules' order, with share, average score, unowned and flagged accounts");
        reports.MapGet("/movements", Movements).WithName("MovementsReport").ProducesValidationProblem()
            .WithSummary("Tier moves per day or week by cause: promotions, demotions, triggers, ruleset changes, newly tiered accounts");
        reports.MapGet("/time-in-tier", TimeInTier).WithName("TimeInTierReport").ProducesValidationProblem()
            .WithSummary("Days in each tier: median and 75th percentile for the accounts in it now and for the stays that ended in the range");
        reports.MapGet("/sla-attainment", SlaAttainment).WithName("SlaAttainment").ProducesValidationProblem()
            .WithSummary("Tasks with an SLA due in the range: met, breached and still open, per rep, per playbook or per both");
        reports.MapGet("/coverage", Coverage).WithName("CoverageReport").ProducesValidationProblem()
            .WithSummary("Tier 1 accounts per AE and SDR against their capacity, accounts owned, and the accounts without an owner");
        reports.MapGet("/sla-breaches", SlaBreaches).WithName("SlaBreachHeatmapReport").ProducesValidationProblem()
            .WithSummary("SLA breaches per playbook step and weekday (the assignee's time zone): tasks due, breached, and the share");
        reports.MapGet("/quiet-accounts", QuietAccounts).WithName("QuietAccountsReport").ProducesValidationProblem()
            .WithSummary("Accounts in a tier (default: the best) with no signal and no worked task for N days, quietest first (at most 1,000)");
        reports.MapGet("/pipeline", Pipeline).WithName("PipelineReport").ProducesValidationProblem()
            .WithSummary("Opportunities (deal signals) by the tier their account had when each opened, or by segment: opened, won, lost, win rate");
    }

    private static async Task<Results<Ok<List<TierDistributionRow>>, CsvReport<TierDistributionRow>>> TierDistribution(TierDistributionReport report,
        HttpRequest request, TimeProvider clock, [Description(FormatHelp)] string? format, CancellationToken cancellationToken) =>
        ReportFormat.Answer(request, format, await report.RunAsync(cancellationToken), "tier-distribution", asOf: clock.GetUtcNow().UtcDateTime);

    private static async Task<Results<Ok<List<MovementRow>>, CsvReport<MovementRow>>> Movements(MovementsReport report, HttpRequest request,
        TimeProvider clock, [Description(FromHelp)] DateTime? from, [Description(ToHelp)] DateTime? to,
        [Description("day (default) or week (ISO weeks, Monday first)")] string? interval,
        [Description("only moves into or out of this tier")] string? tier, [Description(FormatHelp)] string? format, CancellationToken cancellationToken)
    {
        var range = ReportRange.Resolve(from, to, clock.GetUtcNow().UtcDateTime);
        return ReportFormat.Answer(request, format, await report.RunAsync(range, interval, tier, cancellationToken), "movements", range);
    }

    private static async Task<Results<Ok<List<TimeInTierRow>>, CsvReport<TimeInTierRow>>> TimeInTier(TimeInTierReport report, HttpRequest request,
        TimeProvider clock, [Description(FromHelp)] DateTime? from, [Description(ToHelp)] DateTime? to, [Description(FormatHelp)] string? format,
        CancellationToken cancellationToken)
    {
        var range = ReportRange.Resolve(from, to, clock.GetUtcNow().UtcDateTime);
        return ReportFormat.Answer(request, format, await report.RunAsync(range, cancellationToken), "time-in-tier", range);
    }

    private static async Task<Results<Ok<List<SlaAttainmentRow>>, CsvReport<SlaAttainmentRow>>> SlaAttainment(SlaAttainmentReport report,
        HttpRequest request, TimeProvider clock, [Description(FromHelp)] DateTime? from, [Description(ToHelp)] DateTime? to,
        [Description("rep (default), playbook or rep-playbook")] string? by, [Description(FormatHelp)] string? format, CancellationToken cancellationToken)
    {
        var range = ReportRange.Resolve(from, to, clock.GetUtcNow().UtcDateTime);
        return ReportFormat.Answer(request, format, await report.RunAsync(range, by, cancellationToken), "sla-attainment", range);
    }

    private static async Task<Results<Ok<List<CoverageRow>>, CsvReport<CoverageRow>>> Coverage(CoverageReport report, HttpRequest request,
        TimeProvider clock, [Description(FormatHelp)] string? format, CancellationToken cancellationToken) =>
        ReportFormat.Answer(request, format, await report.RunAsync(cancellationToken), "coverage", asOf: clock.GetUtcNow().UtcDateTime);

    private static async Task<Results<Ok<List<SlaBreachCell>>, CsvReport<SlaBreachCell>>> SlaBreaches(SlaBreachHeatmapReport report,
        HttpRequest request, TimeProvider clock, [Description(FromHelp)] DateTime? from, [Description(ToHelp)] DateTime? to,
        [Description(FormatHelp)] string? format, CancellationToken cancellationToken)
    {
        var range = ReportRange.Resolve(from, to, clock.GetUtcNow().UtcDateTime);
        return ReportFormat.Answer(request, format, await report.RunAsync(range, cancellationToken), "sla-breaches", range);
    }

    private static async Task<Results<Ok<List<QuietAccountRow>>, CsvReport<QuietAccountRow>>> QuietAccounts(QuietAccountsReport report,
        HttpRequest request, TimeProvider clock, [Description("the tier; default: the live rules' best tier")] string? tier,
        [Description("days without a signal or a worked task, 1 to 365; default 14")] int? days, [Description(FormatHelp)] string? format,
        CancellationToken cancellationToken) =>
        ReportFormat.Answer(request, format, await report.RunAsync(tier, days, cancellationToken), "quiet-accounts", asOf: clock.GetUtcNow().UtcDateTime);

    private static async Task<Results<Ok<List<PipelineRow>>, CsvReport<PipelineRow>>> Pipeline(PipelineReport report, HttpRequest request,
        TimeProvider clock, [Description(FromHelp)] DateTime? from, [Description(ToHelp)] DateTime? to,
        [Description("tier (default), segment or tier-segment")] string? by, [Description(FormatHelp)] string? format, CancellationToken cancellationToken)
    {
        var range = ReportRange.Resolve(from, to, clock.GetUtcNow().UtcDateTime);
        return ReportFormat.Answer(request, format, await report.RunAsync(range, by, cancellationToken), "pipeline", range);
    }
}
