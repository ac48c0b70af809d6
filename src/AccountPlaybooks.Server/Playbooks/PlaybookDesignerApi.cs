using AccountPlaybooks.Application.Outreach;
using AccountPlaybooks.Application.Playbooks;
using AccountPlaybooks.Application.Rules;
using AccountPlaybooks.Application.Signals;
using AccountPlaybooks.Data;
using AccountPlaybooks.Domain.Reps;
using AccountPlaybooks.Server.Auth;
using AccountPlaybooks.Workflows.Activities;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace AccountPlaybooks.Server.Playbooks;

/// What the playbook designer asks while someone edits, for managers and ops: is this expression right (and where
/// not), what may I pick, and what would a publish change. Mapped by <see cref="PlaybooksApi"/>.
public static class PlaybookDesignerApi
{
    /// Longest text /expressions/check reads; the checks themselves stop at the rules' expression limit.
    public const int MaxCheckedLength = 10_000;

    private const int MaxObservedSignalTypes = 100;

    internal static void Map(RouteGroupBuilder playbooks)
    {
        playbooks.MapPost("/expressions/check", CheckExpression).RequireAuthorization(Policies.Designers).WithName("CheckPlaybookExpression")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithSummary("Check a Decision condition or a signal filter as a publish would (never evaluated): ok, or problems with offsets");
        playbooks.MapGet("/vocabulary", Vocabulary).RequireAuthorization(Policies.Designers).WithName("PlaybookVocabulary")
            .WithSummary("What the designer's pickers offer: tiers, trigger rules, signal types, templates, channels, assignees, reps, calendar");
        playbooks.MapGet("/{id}/publish-impact", PublishImpact).RequireAuthorization(Policies.Designers).WithName("PlaybookPublishImpact")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("What publishing a version (?version=N, default the latest draft) would change: running instances per version, " +
                "accounts each trigger could enroll and when, and the version's problems");
    }

    private static Results<Ok<ExpressionCheckResult>, ProblemHttpResult> CheckExpression(ExpressionCheckRequest body, ActivityRegistry registry)
    {
        if (body.Kind is not (PlaybookExpressions.Decision or PlaybookExpressions.SignalFilter))
        {
            return PlaybooksProblem.BadRequest("Unknown kind",
                $"kind must be {PlaybookExpressions.Decision} or {PlaybookExpressions.SignalFilter}, not '{body.Kind}'");
        }
        if (body.Expression is null || body.Expression.Length > MaxCheckedLength)
        {
            return PlaybooksProblem.BadRequest("Bad expression", $"send the expression as text of at most {MaxCheckedLength:N0} characters");
        }
        var problems = PlaybookExpressions.Check(body.Kind, body.Expression, registry);
        return TypedResults.Ok(new ExpressionCheckResult(problems.Count == 0, problems));
    }

    private const int MaxCustomFieldSample = 500;

    private static async Task<Ok<DesignerVocabulary>> Vocabulary(RulesetRegistry rules, TemplateCatalog templates, ActivityRegistry activities,
        CalendarOptions calendar, AppDbContext db, CancellationToken cancellationToken)
    {
        var ruleset = rules.Active;
        var createTask = activities.Find(nameof(Application.Playbooks.Activities.CreateTask))!;
        var reps = await db.Reps.AsNoTracking().OrderBy(r => r.Name).ThenBy(r => r.Id).ToListAsync(cancellationToken);
        var observed = await db.Signals.AsNoTracking().Select(s => s.Type).Distinct().OrderBy(t => t).Take(MaxObservedSignalTypes)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new DesignerVocabulary(
            ruleset?.Version,
            ruleset?.Tiers.OrderBy(t => t.Rank).Select(t => new TierChoice(t.Tier, t.Rank, t.Cap)).ToList() ?? [],
            ruleset?.TriggerRules.Select(t => t.Rule.Name).Distinct().ToList() ?? [],
            ruleset?.Segments.ToList() ?? [],
            ruleset?.Motions.ToList() ?? [],
            await CustomFieldNamesAsync(db, cancellationToken),
            Workflows.Validation.PlaybookValidator.TriggerTypes,
            SignalVocabulary.Recommended,
            observed,
            templates.All.Select(t => new TemplateChoice(t.Name, t.Live is not null)).OrderBy(t => t.Name, StringComparer.Ordinal).ToList(),
            createTask.Inputs.Single(i => i.Name == "channel").Options,
            createTask.Inputs.Single(i => i.Name == "assignee").Options,
            reps.Select(r => new RepChoice(r.Id, r.Name, r.Role.ToString(), r.Team, r.TimeZone, r.WorkingDays)).ToList(),
            new CalendarView(calendar.WorkdayStart, calendar.WorkdayEnd, calendar.Holidays, new Rep { Id = "", Email = "", Name = "" }.WorkingDays,
                "CreateTask due and sla, and Escalate due, count working hours on the assignee's working days in their own time zone " +
                "(P1D: one working day; PT4H: four working hours). Delay and wait timeouts count calendar time: 24-hour days in UTC.")));
    }

    /// The custom fields a date trigger can name: those of a sample of accounts (they come from the import's extra columns).
    private static async Task<List<string>> CustomFieldNamesAsync(AppDbContext db, CancellationToken cancellationToken) =>
        (await db.Accounts.AsNoTracking().OrderBy(a => a.Id).Take(MaxCustomFieldSample).Select(a => a.CustomFields).ToListAsync(cancellationToken))
        .SelectMany(fields => fields.Keys).Distinct().Order(StringComparer.Ordinal).ToList();

    private static async Task<Results<Ok<PublishImpact>, ProblemHttpResult>> PublishImpact(string id, int? version, AppDbContext db,
        PlaybookCatalog catalog, TimeProvider clock, CancellationToken cancellationToken) =>
        await PublishImpactQuery.RunAsync(db, catalog, clock, id, version, cancellationToken) is { } impact
            ? TypedResults.Ok(impact)
            : PlaybooksProblem.NotFound(version is null ? $"There is no playbook {id}" : $"Playbook {id} has no version {version}");
}
