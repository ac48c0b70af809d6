using System.Collections.Frozen;

namespace AccountPlaybooks.Application.Import;

/// Maps a record's columns onto an object through its <see cref="FieldSpec{T}"/>s, accepting aliases
/// ("Company Domain Name" → domain) and putting "prefix.key" columns into a bag (custom fields, properties).
internal sealed class FieldMap<T>
{
    private readonly FrozenDictionary<string, FieldSpec<T>> _byKey;
    private readonly FieldSpec<T>[] _required;
    private readonly string[] _bagPrefixes;
    private readonly Action<T, string, string?> _setBagValue;
    private readonly bool _unknownGoesToBag;
    private readonly JsonKind? _bagAccepts;

    /// <paramref name="bagAccepts"/>: the JSON kinds a bag value may be; set it to have JSON types checked at all
    /// (fields with <see cref="FieldSpec{T}.Accepts"/>, and objects where a value belongs).
    public FieldMap(IReadOnlyList<FieldSpec<T>> specs, string[] bagPrefixes, Action<T, string, string?> setBagValue,
        bool unknownGoesToBag = false, JsonKind? bagAccepts = null)
    {
        _byKey = specs.SelectMany(spec => spec.Aliases.Append(spec.Name).Select(alias => (Key: Normalize(alias), Spec: spec)))
            .Distinct()
            .ToFrozenDictionary(pair => pair.Key, pair => pair.Spec); // throws if two fields claim one column name
        _required = specs.Where(spec => spec.Required).ToArray();
        _bagPrefixes = bagPrefixes.Select(prefix => Normalize(prefix) + ".").ToArray();
        _setBagValue = setBagValue;
        _unknownGoesToBag = unknownGoesToBag;
        _bagAccepts = bagAccepts;
        Fields = specs.Select(spec => spec.Name).ToArray();
    }

    public IReadOnlyList<string> Fields { get; }

    /// Sets every recognised column on <paramref name="target"/>; returns the problems, one per bad column.
    /// <paramref name="checkRequired"/>: false when the caller decides (a required field may be absent on an update).
    public List<ImportError> Apply(SourceRecord record, T target, ISet<string>? ignoredColumns = null, bool checkRequired = true)
    {
        var errors = new List<ImportError>();
        if (record.Problem is not null)
        {
            errors.Add(new ImportError(record.Row, null, record.Problem));
            return errors;
        }
        List<string> refusedObjects = _bagAccepts is not null && record.Kinds is { } kinds ? RefuseObjects(record, kinds, errors) : [];
        var seen = new HashSet<FieldSpec<T>>();
        foreach (var (column, value) in record.Fields)
        {
            if (refusedObjects.Count > 0 && refusedObjects.Exists(prefix => column.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }
            var kind = record.Kinds?.GetValueOrDefault(column) ?? JsonKind.None;
            var key = Normalize(column);
            try
            {
                if (_byKey.TryGetValue(key, out var spec))
                {
                    seen.Add(spec);
                    Refuse(spec.Accepts, kind);
                    spec.Set(target, Clean(value));
                }
                else if (BagKey(column, key) is { } bagKey)
                {
                    Refuse(_bagAccepts, kind);
                    _setBagValue(target, Clean(bagKey) ?? "", Clean(value));
                }
                else if (ignoredColumns is not null && ignoredColumns.Count < ImportLimits.MaxIgnoredColumnsListed)
                {
                    ignoredColumns.Add(column);
                }
            }
            catch (FieldException exception)
            {
                errors.Add(new ImportError(record.Row, column, exception.Message));
            }
        }
        if (checkRequired)
        {
            foreach (var missing in _required.Where(spec => !seen.Contains(spec)))
            {
                errors.Add(new ImportError(record.Row, missing.Name, $"{missing.Name} is required"));
            }
        }
        return errors;
    }

    /// A blank cell is null; text that cannot be stored (a NUL character) is refused here for every field.
    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value)
        ? null
        : value.Contains('\0', StringComparison.Ordinal)
            ? throw new FieldException("contains a control character (NUL, \\0) that cannot be stored")
            : value.Trim();

    /// JSON objects where a field wants a value ("industry": {...}), or nested inside a bag ("customFields": {"a": {...}}):
    /// one error for the object; its flattened children are skipped.
    private List<string> RefuseObjects(SourceRecord record, IReadOnlyDictionary<string, JsonKind> kinds, List<ImportError> errors)
    {
        var refused = new List<string>();
        foreach (var (column, kind) in kinds)
        {
            if (kind != JsonKind.Object)
            {
                continue;
            }
            var key = Normalize(column);
            var accepts = _byKey.TryGetValue(key, out var spec) ? spec.Accepts : BagKey(column, key) is not null ? _bagAccepts : null;
            if (accepts is { } wanted)
            {
                errors.Add(new ImportError(record.Row, column, $"expected {Describe(wanted)}, found an object"));
                refused.Add(column + ".");
            }
        }
        return refused;
    }

    private static void Refuse(JsonKind? accepts, JsonKind kind)
    {
        if (kind == JsonKind.InvalidText)
        {
            throw new FieldException("is not valid Unicode text (an escaped lone surrogate such as \\ud800)");
        }
        if (accepts is { } wanted && kind is not (JsonKind.None or JsonKind.Null) && (wanted & kind) == 0)
        {
            throw new FieldException($"expected {Describe(wanted)}, found {Describe(kind)}");
        }
    }

    private static string Describe(JsonKind kind) => kind switch
    {
        JsonKind.Text => "text",
        JsonKind.Number => "a number",
        JsonKind.Boolean => "a boolean",
        JsonKind.TextList or JsonKind.OtherList => "an array",
        JsonKind.Object => "an object",
        JsonKind.Text | JsonKind.Number => "a number or text",
        JsonKind.Text | JsonKind.TextList => "text or a list of text",
        _ => "text, a number or a boolean",
    };

    private string? BagKey(string column, string normalizedKey)
    {
        foreach (var prefix in _bagPrefixes)
        {
            if (normalizedKey.StartsWith(prefix, StringComparison.Ordinal))
            {
                return column[(column.IndexOf('.', StringComparison.Ordinal) + 1)..].Trim();
            }
        }
        return _unknownGoesToBag ? column.Trim() : null;
    }

    /// "Company Domain Name", "company_domain_name" and "companyDomainName" are the same column.
    internal static string Normalize(string column) =>
        string.Concat(column.Where(c => char.IsLetterOrDigit(c) || c == '.')).ToLowerInvariant();
}
