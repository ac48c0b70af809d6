namespace AccountPlaybooks.Application.Rules;

/// Where a workflow or rule object sits in its file (its JSON path, e.g. "/0/Rules/3"), to point problems at the line
/// of a key or value and to build fixes that replace exactly the characters that are wrong.
internal sealed class RuleSource(JsonLocations locations, string path)
{
    public RuleSource Child(string segment) => new(locations, $"{path}/{segment}");

    public int? LineOf(string key) => locations.Find($"{path}/{key}") is { } property ? locations.LineColumn(property.NameAt).Line : null;

    /// Renames a key (e.g. "RuleNam" or "Properties/holdDay"), if it is written without escapes.
    public RuleFix? RenameKey(string key, string? with) =>
        with is not null && locations.Find($"{path}/{key}") is { } property ? At(property.NameAt, key.Split('/')[^1], with) : null;

    /// Replaces a whole text value (e.g. "Properties/tier": "Tier0" → "Tier1").
    public RuleFix? ReplaceText(string key, string text, string? with) =>
        with is not null && locations.Find($"{path}/{key}") is { RawTextLength: { } length } property && length == text.Length
            ? At(property.ValueAt, text, with) : null;

    /// Replaces a name at a character of the Expression text, counting an escape such as \" as the one character it
    /// stands for.
    public RuleFix? ReplaceInExpression(int position, string name, string with)
    {
        if (locations.Find($"{path}/Expression") is not { RawTextLength: { } length } expression)
        {
            return null;
        }
        var raw = locations.Raw(expression.ValueAt, length) ?? "";
        var offset = 0;
        for (var decoded = 0; decoded < position && offset < raw.Length; decoded++)
        {
            offset += raw[offset] != '\\' ? 1 : offset + 1 < raw.Length && raw[offset + 1] == 'u' ? 6 : 2;
        }
        return At(expression.ValueAt + offset, name, with);
    }

    /// The line of the Expression text, where its problems are.
    public int? ExpressionLine => locations.Find($"{path}/Expression") is { RawTextLength: not null } expression
        ? locations.LineColumn(expression.ValueAt).Line : null;

    private RuleFix? At(int offset, string replace, string with)
    {
        if (locations.Raw(offset, replace.Length) != replace)
        {
            return null; // written with escapes, or not where expected: no fix rather than a wrong one
        }
        var (line, column) = locations.LineColumn(offset);
        return new RuleFix(replace, with, line, column);
    }
}
