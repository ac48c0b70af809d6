namespace AccountPlaybooks.Application.Rules;

/// What a workflow does, decided by its name: "Composite", "Segments", "Motions", "Tiering" and "Triggers" are
/// reserved; every other workflow is a scoring component named after itself.
public enum RuleConcern
{
    Component,
    Composite,
    Tiering,
    Triggers,

    /// Every passing rule puts the account in its segment (an account may be in several).
    Segments,

    /// Customers only: the first passing rule names the account's motion (Expand, Defend, Advocate…).
    Motions,
}
