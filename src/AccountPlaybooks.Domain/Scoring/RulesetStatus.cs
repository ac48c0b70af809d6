namespace AccountPlaybooks.Domain.Scoring;

public enum RulesetStatus
{
    Rejected,
    Active,
    Superseded,
}
