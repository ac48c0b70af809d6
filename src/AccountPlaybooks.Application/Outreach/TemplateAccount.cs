namespace AccountPlaybooks.Application.Outreach;

/// `account` in a template: the firmographics, the tier and the score with its components and reasons.
/// A copy of the stored rows, never the entities. Tier and score are empty until the account has been evaluated.
public sealed record TemplateAccount(
    string Id,
    string Name,
    string? Domain,
    string? Industry,
    int? Employees,
    decimal? AnnualRevenue,
    string? Country,
    string? Region,
    string? Segment,
    string? FundingStage,
    List<string> TechStack,
    string Lifecycle,
    string? Tier,
    double? Score,
    Dictionary<string, double> Components,
    List<string> Reasons,
    Dictionary<string, string> Custom);
