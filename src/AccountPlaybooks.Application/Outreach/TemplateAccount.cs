using System.ComponentModel;

namespace AccountPlaybooks.Application.Outreach;

/// `account` in a template: the firmographics, the tier and the score with its components and reasons.
/// A copy of the stored rows, never the entities. Tier and score are empty until the account has been evaluated.
/// The descriptions are what the Studio's field panel shows (GET /api/templates/fields).
public sealed record TemplateAccount(
    [property: Description("The CRM's id of the account")] string Id,
    [property: Description("The account's name")] string Name,
    [property: Description("The company's web domain")] string? Domain,
    [property: Description("The industry, as imported")] string? Industry,
    [property: Description("Headcount")] int? Employees,
    [property: Description("Annual revenue; format it with math.format \"N0\" (38,500,000)")] decimal? AnnualRevenue,
    [property: Description("Country code, e.g. DE")] string? Country,
    [property: Description("Sales region, e.g. EMEA")] string? Region,
    [property: Description("What kind of account (not how much we invest: that is the tier)")] string? Segment,
    [property: Description("Latest funding stage, e.g. Series B")] string? FundingStage,
    [property: Description("Tools the company uses; join them with array.join \", \"")] List<string> TechStack,
    [property: Description("Prospect or Customer")] string Lifecycle,
    [property: Description("The stored tier, e.g. Tier1; empty until the account is evaluated")] string? Tier,
    [property: Description("The composite score, 0–100; round it with math.round")] double? Score,
    [property: Description("Component name → 0–100, as the rules name them: account.components.Intent")] Dictionary<string, double> Components,
    [property: Description("Why it scores, in the order the rules gave the points; the first is the top reason: account.reasons[0]")] List<string> Reasons,
    [property: Description("Custom fields from the import: account.custom.crm_stage")] Dictionary<string, string> Custom,
    [property: Description("The segments the rules put the account in (an account may be in several): account.segments | array.join \", \"")] List<string> Segments,
    [property: Description("A customer's motion from the rules (Expand, Defend, Advocate…); empty for prospects")] string? Motion);
