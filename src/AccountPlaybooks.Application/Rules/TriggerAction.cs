namespace AccountPlaybooks.Application.Rules;

public enum TriggerAction
{
    /// Moves the account up to at least the trigger's tier and holds it there for HoldDays.
    Promote,

    /// Moves the account down to at most the trigger's tier.
    Demote,

    /// Marks the account for a person to review; the tier does not change.
    Flag,
}
