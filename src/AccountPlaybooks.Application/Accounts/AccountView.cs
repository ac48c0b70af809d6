using AccountPlaybooks.Domain.Accounts;

namespace AccountPlaybooks.Application.Accounts;

public sealed record AccountView(
    string Id, string Name, string? Domain, string? Industry, int? Employees, decimal? AnnualRevenue,
    string? Country, string? Region, string? FundingStage, DateTime? FundingDate, IReadOnlyList<string> TechStack,
    string? AeOwnerId, string? SdrOwnerId, string? OwnerReason, Lifecycle Lifecycle, string? Segment,
    IReadOnlyDictionary<string, string> CustomFields, DateTime CreatedAt, DateTime UpdatedAt, Guid Version)
{
    public static AccountView From(Account a) => new(
        a.Id, a.Name, a.Domain, a.Industry, a.Employees, a.AnnualRevenue, a.Country, a.Region, a.FundingStage,
        a.FundingDate, a.TechStack, a.AeOwnerId, a.SdrOwnerId, a.OwnerReason, a.Lifecycle, a.Segment, a.CustomFields,
        a.CreatedAt, a.UpdatedAt, a.Version);
}
