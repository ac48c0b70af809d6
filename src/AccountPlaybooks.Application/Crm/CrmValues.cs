using System.Globalization;

namespace AccountPlaybooks.Application.Crm;

/// The values a CRM field can be mapped to (Crm:Fields), by name. Add a value here and it can be mapped (segments and
/// the customer motion go here too). "component:NAME" is the named component score.
public static class CrmValues
{
    public const string ComponentPrefix = "component:";

    private static readonly Dictionary<string, Func<AccountState, string?>> Named = new(StringComparer.Ordinal)
    {
        ["accountId"] = s => s.Account.Id,
        ["accountName"] = s => s.Account.Name,
        ["tier"] = s => s.Score?.Tier,
        ["tierSince"] = s => Date(s.Score?.TierSince),
        ["compositeScore"] = s => s.Score is null ? null : Number(s.Score.Composite),
        ["topReason"] = s => s.TopReasons.FirstOrDefault(),
        ["topReasons"] = s => s.TopReasons.Count == 0 ? null : string.Join("; ", s.TopReasons),
        ["owner"] = s => s.Account.AeOwnerId ?? s.Account.SdrOwnerId,
        ["aeOwnerId"] = s => s.Account.AeOwnerId,
        ["sdrOwnerId"] = s => s.Account.SdrOwnerId,
        ["lastSignalAt"] = s => Date(s.Account.LastSignalAt),
        ["segments"] = s => s.Score is null || s.Score.Segments.Count == 0 ? null : string.Join("; ", s.Score.Segments),
        ["motion"] = s => s.Score?.Motion,
        ["rulesetVersion"] = s => s.Score?.RulesetVersion,
        ["evaluatedAt"] = s => Date(s.Score?.EvaluatedAt),
    };

    public static IEnumerable<string> Names => Named.Keys.Append($"{ComponentPrefix}NAME");

    public static bool IsKnown(string? value) => value is not null &&
        (Named.ContainsKey(value) || (value.StartsWith(ComponentPrefix, StringComparison.Ordinal) && value.Length > ComponentPrefix.Length));

    /// The value for the account, or null (the CRM field is cleared) when it has none, e.g. a component it was not scored on.
    public static string? Of(string value, AccountState state)
    {
        if (Named.TryGetValue(value, out var read))
        {
            return read(state);
        }
        if (value.StartsWith(ComponentPrefix, StringComparison.Ordinal))
        {
            return state.Score?.Components.TryGetValue(value[ComponentPrefix.Length..], out var score) == true ? Number(score) : null;
        }
        throw new ArgumentException($"unknown CRM value {value}", nameof(value));
    }

    /// Scores with at most two decimals, invariant.
    public static string Number(double value) => Math.Round(value, 2).ToString(CultureInfo.InvariantCulture);

    /// ISO 8601 UTC, to the second.
    public static string? Date(DateTime? value) => value?.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
