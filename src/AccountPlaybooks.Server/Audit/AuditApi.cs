using System.Security.Claims;
using AccountPlaybooks.Application.Audit;
using AccountPlaybooks.Data.Audit;
using AccountPlaybooks.Server.Auth;
using AccountPlaybooks.Server.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AccountPlaybooks.Server.Audit;

/// The audit log, for admins: who changed which rule set, playbook, template, user, API token or rep, when, and from
/// what to what (never a secret: token values and password hashes are not recorded).
public static class AuditApi
{
    public static void MapAuditApi(this WebApplication app)
    {
        var audit = app.MapGroup("/api/audit").WithTags("Audit").RequireAuthorization(Policies.Admin);
        audit.MapGet("/", List).WithName("ListAuditEntries").ProducesValidationProblem()
            .WithSummary("Audited changes, newest first; filter by kind (ruleset, playbook, template, user, token, rep, tier-review), actor " +
                         "(part of an email, or system, cli), entityId, since and until (UTC); paged");
    }

    /// Changes saved while serving a request are recorded as made by its signed-in user.
    public static void UseAuditActor(this WebApplication app) => app.Use(async (context, next) =>
    {
        if (context.User.Identity?.IsAuthenticated == true)
        {
            AuditActor.Current = new AuditActor(
                Guid.TryParse(context.User.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null,
                context.User.FindFirstValue(ClaimTypes.Email) ?? context.User.Identity.Name ?? "unknown");
        }
        await next(context);
    });

    private static async Task<Ok<Page<AuditEntryView>>> List(AuditLog log, string? kind, string? actor, string? entityId, DateTime? since,
        DateTime? until, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var (number, size) = Page<AuditEntryView>.Clamp(page, pageSize);
        var (items, total) = await log.ListAsync(new AuditQuery(kind, actor, since, until, entityId, number, size), cancellationToken);
        return TypedResults.Ok(new Page<AuditEntryView>(items, number, size, total));
    }
}
