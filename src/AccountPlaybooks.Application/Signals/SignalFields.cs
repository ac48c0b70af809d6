using System.Text.RegularExpressions;
using AccountPlaybooks.Application.Import;

namespace AccountPlaybooks.Application.Signals;

/// The fields of a signal. Any other column becomes a property ("page", "properties.page" alike).
internal static partial class SignalFields
{
    public static readonly FieldMap<SignalDraft> Map = new(
    [
        new("id", ["signalId", "eventId"], (s, v) => s.Id = FieldParse.RequiredText(v, "id", 128), Required: true),
        new("accountId", ["account", "Record ID", "Company ID"], (s, v) => s.AccountId = FieldParse.Text(v, 128)),
        new("accountDomain", ["domain", "Company Domain Name"], (s, v) => s.AccountDomain = FieldParse.Domain(v)),
        new("type", ["signalType", "eventType"], (s, v) => s.Type = Type(v), Required: true),
        new("occurredAt", ["timestamp", "occurred", "time"], (s, v) => s.OccurredAt = FieldParse.Timestamp(v) ??
            throw new FieldException("occurredAt is required")),
        new("source", [], (s, v) => s.Source = FieldParse.Text(v, 128)),
    ],
    bagPrefixes: ["properties", "props"],
    setBagValue: (s, key, value) => SetProperty(s, key, value),
    unknownGoesToBag: true);

    /// Types are open strings, kept in one spelling: "Email Open" and "email-open" both become "email_open".
    private static string Type(string? value)
    {
        var text = FieldParse.RequiredText(value, "type", 64).Trim().ToLowerInvariant().Replace(' ', '_').Replace('-', '_');
        return TypePattern().IsMatch(text)
            ? text
            : throw new FieldException($"'{value}' is not a signal type (letters, digits, '_' and '.', starting with a letter; e.g. email_open)");
    }

    private static void SetProperty(SignalDraft signal, string key, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            signal.Properties[key] = FieldParse.Text(value.Trim(), 2048)!;
        }
    }

    [GeneratedRegex("^[a-z][a-z0-9_.]*$")]
    private static partial Regex TypePattern();
}
