namespace AccountPlaybooks.Workflows.Validation;

/// <summary>Checks only the host can make: conditions compile in its sandbox, templates exist and render.
/// Each returns null when fine, else why not.</summary>
public sealed record ValidationHooks(Func<string, string?>? CheckExpression = null, Func<string, string?>? CheckTemplate = null);
