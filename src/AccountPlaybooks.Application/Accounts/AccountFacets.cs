using AccountPlaybooks.Domain.Accounts;

namespace AccountPlaybooks.Application.Accounts;

/// The values the accounts table's filters offer, with how many accounts have each: tiers in rank order (the live
/// ruleset's, then any other stored tier), owners, imported segments, the rules' segments (InSegments: the live rules'
/// segments in rule order, with those only stored after), customer motions and lifecycles. Unscored accounts have no tier yet.
public sealed record AccountFacets(int Total, int Unscored, IReadOnlyList<TierFacet> Tiers, IReadOnlyList<OwnerFacet> Owners,
    IReadOnlyList<ValueFacet> Segments, IReadOnlyList<LifecycleFacet> Lifecycles, int Unowned, IReadOnlyList<ValueFacet> InSegments,
    IReadOnlyList<ValueFacet> Motions);

public sealed record TierFacet(string Tier, int Rank, int Count);

public sealed record OwnerFacet(string Id, string? Name, string? Role, int Count);

public sealed record ValueFacet(string Value, int Count);

public sealed record LifecycleFacet(Lifecycle Lifecycle, int Count);
