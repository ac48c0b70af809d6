using AccountPlaybooks.Application.Notifications;
using AccountPlaybooks.Data;
using AccountPlaybooks.Domain.Notifications;
using AccountPlaybooks.Server.Auth;
using AccountPlaybooks.Server.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace AccountPlaybooks.Server.Notifications;

/// The notification outbox, for the people who run the integrations (ops, admins): what was sent, what waits for a
/// retry, the dead letters with their last error, and reviving one. Webhook URLs and secrets are never returned.
public static class NotificationsApi
{
    public const string Pending = "pending";
    public const string Delivered = "delivered";
    public const string Dead = "dead";

    public static void MapNotificationsApi(this WebApplication app)
    {
        var notifications = app.MapGroup("/api/notifications").WithTags("Notifications").RequireAuthorization(Policies.Ops);
        notifications.MapGet("/", List).WithName("ListNotifications").ProducesProblem(StatusCodes.Status400BadRequest)
            .WithSummary("Outgoing notifications, newest first, by ?status=pending|delivered|dead and ?webhook=NAME, with payload and last error; paged");
        notifications.MapGet("/{id:long}", Get).WithName("GetNotification").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("One notification: its payload, attempts, last error and state (after a retry: whether it went out)");
        notifications.MapPost("/{id:long}/retry", Retry).WithName("RetryNotification").ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Send a dead letter again, with a fresh count of attempts (404 unknown, 409 when it is not a dead letter or its webhook is gone)");
    }

    internal static string StatusOf(Notification n) => n.DeliveredAt is not null ? Delivered : n.DeadLetteredAt is not null ? Dead : Pending;

    private static async Task<Results<Ok<Page<NotificationView>>, ProblemHttpResult>> List(AppDbContext db, NotificationsOptions options,
        string? status, string? webhook, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var (number, size) = Page<NotificationView>.Clamp(page, pageSize);
        var query = db.Notifications.AsNoTracking();
        switch (status?.Trim().ToLowerInvariant())
        {
            case null or "":
                break;
            case Pending:
                query = query.Where(n => n.DeliveredAt == null && n.DeadLetteredAt == null);
                break;
            case Delivered:
                query = query.Where(n => n.DeliveredAt != null);
                break;
            case Dead:
                query = query.Where(n => n.DeadLetteredAt != null);
                break;
            default:
                return TypedResults.Problem(title: "Unknown status", detail: $"status must be {Pending}, {Delivered} or {Dead}, not \"{status}\"",
                    statusCode: StatusCodes.Status400BadRequest, extensions: new Dictionary<string, object?> { ["field"] = "status" });
        }
        if (!string.IsNullOrWhiteSpace(webhook))
        {
            query = query.Where(n => n.Webhook == webhook);
        }
        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id).Skip((number - 1) * size).Take(size)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new Page<NotificationView>(
            items.Select(n => NotificationView.From(n, options.Webhooks.ContainsKey(n.Webhook))).ToList(), number, size, total));
    }

    private static async Task<Results<Ok<NotificationView>, ProblemHttpResult>> Get(long id, AppDbContext db, NotificationsOptions options,
        CancellationToken cancellationToken) =>
        await db.Notifications.AsNoTracking().SingleOrDefaultAsync(n => n.Id == id, cancellationToken) is { } notification
            ? TypedResults.Ok(NotificationView.From(notification, options.Webhooks.ContainsKey(notification.Webhook)))
            : TypedResults.Problem(title: $"There is no notification {id}", statusCode: StatusCodes.Status404NotFound);

    private static async Task<Results<Ok<NotificationView>, ProblemHttpResult>> Retry(long id, AppDbContext db, NotificationDelivery delivery,
        NotificationsOptions options, CancellationToken cancellationToken)
    {
        var notification = await db.Notifications.AsNoTracking().SingleOrDefaultAsync(n => n.Id == id, cancellationToken);
        if (notification is null)
        {
            return TypedResults.Problem(title: $"There is no notification {id}", statusCode: StatusCodes.Status404NotFound);
        }
        if (StatusOf(notification) != Dead)
        {
            return NotDead(notification);
        }
        if (!options.Webhooks.ContainsKey(notification.Webhook))
        {
            return TypedResults.Problem(title: "The webhook is not configured",
                detail: $"notification {id} goes to webhook {notification.Webhook}, which is not in Notifications:Webhooks; add it back, then retry",
                statusCode: StatusCodes.Status409Conflict);
        }
        if (!await delivery.RetryAsync(id, cancellationToken))
        {
            return NotDead(await db.Notifications.AsNoTracking().SingleAsync(n => n.Id == id, cancellationToken)); // retried meanwhile
        }
        var revived = await db.Notifications.AsNoTracking().SingleAsync(n => n.Id == id, cancellationToken);
        return TypedResults.Ok(NotificationView.From(revived, configured: true));
    }

    private static ProblemHttpResult NotDead(Notification notification) => TypedResults.Problem(title: "The notification is not a dead letter",
        detail: $"notification {notification.Id} is {StatusOf(notification)}; only a dead letter can be retried", statusCode: StatusCodes.Status409Conflict);
}
