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

    public FieldMap(IReadOnlyList<FieldSpec<T>> specs, string[] bagPrefixes, Action<T, string, string?> setBagValue,
        bool unknownGoesToBag = false)
    {
        _byKey = specs.SelectMany(spec => spec.Aliases.Append(spec.Name).Select(alias => (Key: Normalize(alias), Spec: spec)))
            .Distinct()
            .ToFrozenDictionary(pair => pair.Key, pair => pair.Spec); // throws if two fields claim one column name
        _required = specs.Where(spec => spec.Required).ToArray();
        _bagPrefixes = bagPrefixes.Select(prefix => Normalize(prefix) + ".").ToArray();
        _setBagValue = setBagValue;
        _unknownGoesToBag = unknownGoesToBag;
        Fields = specs.Select(spec => spec.Name).ToArray();
    }

    public IReadOnlyList<string> Fields { get; }

    /// Sets every recognised column on <paramref name="target"/>; returns the problems, one per bad column.
    public List<ImportError> Apply(SourceRecord record, T target, ISet<string>? ignoredColumns = null)
    {
        var errors = new List<ImportError>();
        if (record.Problem is not null)
        {
            errors.Add(new ImportError(record.Row, null, record.Problem));
            return errors;
        }
        var seen = new HashSet<FieldSpec<T>>();
        foreach (var (column, value) in record.Fields)
        {
            var key = Normalize(column);
            if (_byKey.TryGetValue(key, out var spec))
            {
                seen.Add(spec);
                try
                {
                    spec.Set(target, string.IsNullOrWhiteSpace(value) ? null : value.Trim());
                }
                catch (FieldException exception)
                {
                    errors.Add(new ImportError(record.Row, column, exception.Message));
                }
            }
            else if (BagKey(column, key) is { } bagKey)
            {
                _setBagValue(target, bagKey, value);
            }
            else
            {
                ignoredColumns?.Add(column);
            }
        }
        foreach (var missing in _required.Where(spec => !seen.Contains(spec)))
        {
            errors.Add(new ImportError(record.Row, missing.Name, $"{missing.Name} is required"));
        }
        return errors;
    }

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
