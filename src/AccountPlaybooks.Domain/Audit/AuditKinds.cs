namespace AccountPlaybooks.Domain.Audit;

public static class AuditKinds
{
    public const string Ruleset = "ruleset";
    public const string Playbook = "playbook";
    public const string Template = "template";
    public const string User = "user";
    public const string Token = "token";
    public const string Rep = "rep";
    public const string TierReview = "tier-review";

    public static readonly IReadOnlyList<string> All = [Ruleset, Playbook, Template, User, Token, Rep, TierReview];
}
