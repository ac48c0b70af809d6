namespace AccountPlaybooks.Application.Rules;

/// What a workflow does, decided by its name: "Composite", "Tiering" and "Triggers" are reserved;
/// every other workflow is a scoring component named after itself.
public enum RuleConcern
{
    Component,
    Composite,
    Tiering,
    Triggers,
}
