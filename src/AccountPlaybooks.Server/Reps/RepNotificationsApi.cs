using System.Security.Claims;
using AccountPlaybooks.Application.Reps;
using AccountPlaybooks.Server.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AccountPlaybooks.Server.Reps;

/// How a rep hears about their work: a daily digest and instant Tier 1 messages through a webhook the admin offers
/// reps. A rep manages their own; managers and admins anyone's. Someone else's answers 404, as for nobody.
public static class RepNotificationsApi
{
    public static void MapRepNotificationsApi(this WebApplication app)
    {
        var notifications = app.MapGroup("/api/reps/{id}/notifications").WithTags("Reps").RequireAuthorization(Policies.AnyRole);
        notifications.MapGet("/", Get).WithName("GetRepNotifications")
            .WithSummary("A rep's digest and Tier 1 message settings, and the webhooks offered to reps");
        notifications.MapPut("/", Save).WithName("SaveRepNotifications").ProducesValidationProblem()
            .WithSummary("Choose the webhook, the address, the digest hour and whether Tier 1 tasks due today are sent at once");
        notifications.MapPost("/test", Test).WithName("TestRepNotifications").ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Queue a test message on the chosen webhook");
    }

    private static async Task<Results<Ok<RepNotificationsView>, NotFound>> Get(string id, RepNotificationSettings settings, ClaimsPrincipal user,
        CancellationToken cancellationToken) =>
        Mine(user, id) && await settings.GetAsync(id, cancellationToken) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound();

    private static async Task<Results<Ok<RepNotificationsView>, NotFound>> Save(string id, RepNotificationsInput input,
        RepNotificationSettings settings, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        Mine(user, id) && await settings.SaveAsync(id, input, cancellationToken) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound();

    private static async Task<Results<Accepted<RepTestQueued>, NotFound>> Test(string id, RepNotificationSettings settings, ClaimsPrincipal user,
        CancellationToken cancellationToken) =>
        Mine(user, id) && await settings.SendTestAsync(id, cancellationToken) is { } queued
            ? TypedResults.Accepted((string?)null, queued)
            : TypedResults.NotFound();

    private static bool Mine(ClaimsPrincipal user, string id) => !user.IsRepOnly() || user.RepId() == id;
}
