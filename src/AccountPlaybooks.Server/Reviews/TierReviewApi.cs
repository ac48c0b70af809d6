using AccountPlaybooks.Application.Reviews;
using AccountPlaybooks.Server.Auth;
using AccountPlaybooks.Server.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AccountPlaybooks.Server.Reviews;

/// Review mode's proposals (docs/adr/0037): score-driven tier moves waiting for a manager. Managers and admins decide;
/// ops read them (the same readers as the reports).
public static class TierReviewApi
{
    public static void MapTierReviewApi(this WebApplication app)
    {
        var review = app.MapGroup("/api/tier-review").WithTags("Tier review");
        review.MapGet("/proposals", List).RequireAuthorization(Policies.Reports).WithName("ListTierProposals").ProducesValidationProblem()
            .WithSummary("Tier proposals with their evidence, account and owner; filter by status (pending by default, or approved, " +
                         "rejected, withdrawn, any), fromTier and toTier; paged; with the count in each status");
        review.MapPost("/proposals/{id:long}/approve", ApproveOne).RequireAuthorization(Policies.Managers).WithName("ApproveTierProposal")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Make the proposed move with its cause: tier change, score row and playbooks (409 when it is no longer pending or the account moved)");
        review.MapPost("/proposals/{id:long}/reject", RejectOne).RequireAuthorization(Policies.Managers).WithName("RejectTierProposal")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Keep the account's tier; the same move is not proposed again for TierReview:RejectionQuietDays");
        review.MapPost("/decisions", Decide).RequireAuthorization(Policies.Managers).WithName("DecideTierProposals")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Approve or reject several proposals in one transaction: the listed ids, or all pending ones matching fromTier/toTier; " +
                         "proposals that cannot be decided are skipped and named");
        review.MapGet("/reviews", History).RequireAuthorization(Policies.Reports).WithName("ListTierReviews")
            .WithSummary("The decisions made, newest first: who, when, how many approved, rejected and skipped; paged");
    }

    private static async Task<Ok<TierProposalPage>> List(TierReviews reviews, string? status, string? fromTier, string? toTier, int? page,
        int? pageSize, CancellationToken cancellationToken)
    {
        var (number, size) = Page<TierProposalView>.Clamp(page, pageSize);
        return TypedResults.Ok(await reviews.ListAsync(new TierProposalQuery(status, fromTier, toTier, number, size), cancellationToken));
    }

    private static Task<Results<Ok<TierReviewView>, NotFound, ProblemHttpResult>> ApproveOne(long id, TierDecisionNote? body, TierReviews reviews,
        CancellationToken cancellationToken) => One(TierReviews.Approve, id, body, reviews, cancellationToken);

    private static Task<Results<Ok<TierReviewView>, NotFound, ProblemHttpResult>> RejectOne(long id, TierDecisionNote? body, TierReviews reviews,
        CancellationToken cancellationToken) => One(TierReviews.Reject, id, body, reviews, cancellationToken);

    private static async Task<Results<Ok<TierReviewView>, NotFound, ProblemHttpResult>> One(string decision, long id, TierDecisionNote? body,
        TierReviews reviews, CancellationToken cancellationToken)
    {
        if (!await reviews.ExistsAsync(id, cancellationToken))
        {
            return TypedResults.NotFound();
        }
        var review = await reviews.DecideAsync(new TierDecisionInput(decision, [id], false, null, null, body?.Note), cancellationToken);
        return review.SkippedProposals is [{ } skipped]
            ? TypedResults.Problem(title: "The proposal cannot be decided", detail: $"proposal {id} ({skipped.AccountId}): {skipped.Reason}",
                statusCode: StatusCodes.Status409Conflict)
            : TypedResults.Ok(review);
    }

    private static async Task<Ok<TierReviewView>> Decide(TierDecisionInput input, TierReviews reviews, CancellationToken cancellationToken) =>
        TypedResults.Ok(await reviews.DecideAsync(input, cancellationToken));

    private static async Task<Ok<TierReviewHistory>> History(TierReviews reviews, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var (number, size) = Page<TierReviewView>.Clamp(page, pageSize);
        return TypedResults.Ok(await reviews.HistoryAsync(number, size, cancellationToken));
    }
}
