namespace AccountPlaybooks.Application.Accounts;

/// What the accounts table asks for: filters (all optional, combined with "and"), one sort and a page.
/// <see cref="Owner"/> is a rep id (AE or SDR owner), "me" (the caller's rep) or "none" (no owner at all);
/// <see cref="Tiers"/>, <see cref="Segments"/> (the imported field), <see cref="InSegments"/> (the rules' segments) and
/// <see cref="Motions"/> ("none": customers without one) match any of their values.
public sealed record AccountListQuery(
    string? Text = null, IReadOnlyList<string>? Tiers = null, string? Owner = null, IReadOnlyList<string>? Segments = null,
    string? Lifecycle = null, string? Industry = null, string? Country = null, string? Sort = null, string? Direction = null,
    int Page = 1, int PageSize = 50)
{
    public IReadOnlyList<string>? InSegments { get; init; }
    public IReadOnlyList<string>? Motions { get; init; }
}
