using AccountPlaybooks.Application.Notifications;

namespace AccountPlaybooks.Application.Crm;

/// The one place the outbound account events are made (docs/crm.md documents the payload): a new field is one line here.
public static class AccountEventPayload
{
    public const string TierChanged = "account.tier_changed";

    public static NotificationMessage TierChangedMessage(AccountState state)
    {
        var change = state.TierChange ?? throw new ArgumentException("a tier change event needs the tier change", nameof(state));
        var text = $"{state.Account.Name} moved {change.FromTier ?? "(none)"} → {change.ToTier} ({change.Kind})";
        return new NotificationMessage(TierChanged, text, state.Account.Id, Data: Data(state));
    }

    /// The event's "data": who the account is, the change and its cause, the score behind it.
    public static Dictionary<string, object?> Data(AccountState state) => new()
    {
        ["accountId"] = state.Account.Id,
        ["accountName"] = state.Account.Name,
        ["fromTier"] = state.TierChange?.FromTier,
        ["toTier"] = state.TierChange?.ToTier ?? state.Score?.Tier,
        ["kind"] = state.TierChange?.Kind,
        ["causeRules"] = state.TierChange?.CauseRules ?? [],
        ["causeSignalIds"] = state.TierChange?.CauseSignalIds ?? [],
        ["compositeScore"] = state.Score is null ? null : Math.Round(state.Score.Composite, 2),
        ["componentScores"] = state.Score?.Components.ToDictionary(c => c.Key, c => Math.Round(c.Value, 2)) ?? [],
        ["topReasons"] = state.TopReasons,
        ["owners"] = new Dictionary<string, string?> { ["aeOwnerId"] = state.Account.AeOwnerId, ["sdrOwnerId"] = state.Account.SdrOwnerId },
        ["rulesetVersion"] = state.TierChange?.RulesetVersion ?? state.Score?.RulesetVersion,
        ["changedAt"] = state.TierChange?.ChangedAt,
    };
}
