namespace AccountPlaybooks.Application.Import;

/// One importable field: its canonical name, the other column names it answers to, and how to set it.
/// <paramref name="Set"/> throws <see cref="FieldException"/> with a plain-words reason on a bad value.
/// <paramref name="Accepts"/>: the JSON kinds the field takes (null: any); a JSON null always clears.
internal sealed record FieldSpec<T>(string Name, string[] Aliases, Action<T, string?> Set, bool Required = false,
    JsonKind? Accepts = null);
